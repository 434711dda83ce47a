import type {Root} from 'mdast'
import {parse as parseYaml} from 'yaml'
import {type Context, positionOf} from './context.js'

/** The YAML front matter as an object; a broken one is reported and read as none. */
export function frontmatterOf(tree: Root, context: Context): Record<string, unknown> | null {
  const node = tree.children[0]
  if (node?.type !== 'yaml') return null
  try {
    const value: unknown = parseYaml(node.value)
    if (value === null || value === undefined) return {}
    if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
    context.file.message('Front matter must be a mapping of `key: value` lines', {
      place: positionOf(node),
      ruleId: 'frontmatter',
      source: 'runsheet'
    }).fatal = true
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    context.file.message(`Front matter is not valid YAML: ${reason}`, {
      place: positionOf(node),
      ruleId: 'frontmatter',
      source: 'runsheet'
    }).fatal = true
  }
  return null
}
