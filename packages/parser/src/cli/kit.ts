/**
 * The kit that every `runsheet` command is built from, the site's commands included: Node only, published
 * as `@runsheet/parser/cli-kit`.
 */
export {parseArguments} from './arguments.js'
export {fileSystemOptions, linkLeftOutWarning, markdownFilesIn, markdownFilesUnder, toPosix, type LinkLeftOut, type MarkdownFilesOptions} from './files.js'
export {processIo, type Io} from './io.js'
export {printable} from './printable.js'
export {readMarkdownFile, streamedSha256, type MarkdownFile} from './read-input.js'
export {droppedWarnings, readRunRecord} from './record.js'
export {reportOf, type ReportOptions} from './report.js'
export {UsageError} from './usage-error.js'
