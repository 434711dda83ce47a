import type {Code} from 'mdast'
import type {Command, CommandPart} from '../schema/blocks.js'
import {positionOf} from './context.js'
import {withPosition} from './inline.js'

/**
 * Scripts, whose `# comment` lines may label the commands after them. A terminal transcript (`console`,
 * `shell-session`) is not one: there a line is a prompt and its command (`$ ` for a user, `# ` for root)
 * or output, so `# whoami` is a command run as root, not a caption over its output.
 */
const scripts = new Set(['bash', 'sh', 'shell', 'zsh', 'powershell', 'ps1', 'fish', null])

/** A code block as a command; in a script where `# comment` lines label commands, its labelled parts. */
export function commandFromCode(node: Code): Command {
  const command: Command = {type: 'command', lang: node.lang ?? null, meta: node.meta ?? null, code: node.value}
  const parts = scripts.has(command.lang) ? labelledParts(node.value) : undefined
  if (parts) command.parts = parts
  return withPosition(command, positionOf(node))
}

/**
 * Splits `# label` / command pairs. Only when every command is introduced by a comment do the comments
 * read as labels: a block with one stray comment is a script, not a quick reference.
 */
function labelledParts(code: string): CommandPart[] | undefined {
  const groups = code.split(/\n\s*\n/)
  const parts: CommandPart[] = []
  for (const group of groups) {
    const lines = group.split('\n').filter((line) => line.trim() !== '')
    if (lines.length === 0) continue
    const first = lines[0]!.trim()
    if (!/^#(?!!)/.test(first) || lines.length < 2) return undefined
    const body = lines.slice(1)
    if (body.some((line) => line.trim().startsWith('#'))) return undefined
    parts.push({label: first.replace(/^#+\s*/, ''), code: body.join('\n')})
  }
  return parts.length >= 2 ? parts : undefined
}
