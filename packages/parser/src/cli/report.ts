import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {statistics} from 'vfile-statistics'
import {printable} from './printable.js'

export interface ReportOptions {
  /** End the lines with the count of errors and warnings. Default true. */
  summary?: boolean
}

/**
 * One line per message, `file:line:col  severity  message  rule`, which editors and CI annotate; the
 * grouped vfile-reporter layout with `--format vfile`. Every command that reports problems in runbooks
 * prints them through this.
 */
export function reportOf(files: readonly VFile[], format: 'lines' | 'vfile', options: ReportOptions = {}): string {
  if (format === 'vfile') return reporter([...files], {quiet: true, color: false}).split('\n').map(printable).join('\n')
  const lines: string[] = []
  for (const file of files) {
    const messages = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    for (const message of messages) {
      const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
      const rule = message.ruleId ? `${message.source ?? 'runsheet'}:${message.ruleId}` : ''
      // A runbook writes the reasons (a link's target, a heading): nothing in them may drive the terminal.
      lines.push(printable(`${file.path}:${message.line ?? 1}:${message.column ?? 1}  ${severity}  ${message.reason}  ${rule}`).trimEnd())
    }
  }
  const counts = statistics([...files])
  if (counts.total > 0 && options.summary !== false) lines.push('', summary(counts.fatal, counts.warn))
  return lines.join('\n')
}

function summary(errors: number, warnings: number): string {
  const part = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  return `${part(errors, 'error')}, ${part(warnings, 'warning')}`
}
