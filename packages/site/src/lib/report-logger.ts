import {reportOf} from '@runsheet/parser/cli-kit'
import type {AstroIntegrationLogger} from 'astro'
import {VFile} from 'vfile'

/** Logs a load's report: one line a message, errors as errors, each file's lines once while they stay the same. */
export type ReportLogger = (files: readonly VFile[]) => void

/**
 * A logger for the report of each load of one site or collection. In dev they load again after every
 * change, and a rename syncs a collection twice (the old name goes, the new one comes): a file whose
 * messages are those it had at the previous load is not reported again. A file that has none, or is gone, is forgotten, so
 * its messages are reported again should they come back.
 */
export function reportLogger(logger: AstroIntegrationLogger): ReportLogger {
  let reported = new Map<string, string>()
  return (files) => {
    const now = new Map<string, string>()
    for (const file of files) {
      const lines = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).map((message) => ({fatal: message.fatal === true, line: lineOf(file, message)}))
      const said = lines.map(({line}) => line).join('\n')
      now.set(file.path, said)
      if (reported.get(file.path) === said) continue
      for (const {fatal, line} of lines) (fatal ? logger.error : logger.warn).call(logger, line)
    }
    reported = now
  }
}

/** The line `reportOf` prints for one message of `file`: `path:line:col  severity  reason  source:rule`. */
function lineOf(file: VFile, message: VFile['messages'][number]): string {
  const one = new VFile({path: file.path})
  one.messages.push(message)
  return reportOf([one], 'lines', {summary: false})
}
