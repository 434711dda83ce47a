/**
 * Whether a code block's long lines wrap on screen, by its language: a shell's do, since a long command
 * reads better whole than scrolled. Everything else keeps its lines and scrolls inside its box: a diagram,
 * a table or aligned output that wraps is lost. A block without a language keeps its lines too; it is as
 * likely a diagram or output as a command, and a command that scrolls stays whole and copyable.
 */
const shellLanguages: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'shell',
  'zsh',
  'fish',
  'ksh',
  'console',
  'shellsession',
  'terminal',
  'powershell',
  'pwsh',
  'ps1',
  'cmd',
  'bat'
])

export function wrapsLongLines(lang: string | null | undefined): boolean {
  return lang != null && shellLanguages.has(lang.toLowerCase())
}
