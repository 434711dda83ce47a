import {parseRunbook, tooLargeRunbook, type ParseOptions, type ParseResult, type Runbook} from '@runsheet/parser'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** The options a runbook is parsed with in a site: `path`, `root` and `exists` are the site's own. */
export type SiteParseOptions = Omit<ParseOptions, 'path' | 'root' | 'exists'>

/** One runbook parsed, and which paths its parse asked about: the model is valid while they still answer so. */
export interface ParsedFile {
  path: string
  runbook: Runbook
  messages: VFileMessage[]
  /** Every path the parser checked (links, sibling translations), with the answer it got. */
  probes: Record<string, boolean>
}

/** Parses one runbook of the folder, recording what `exists` was asked. */
export function parseFile(path: string, value: Uint8Array, exists: (path: string) => boolean, options: SiteParseOptions = {}): ParsedFile {
  return probed(path, exists, options, (parseOptions) => parseRunbook(new VFile({path, value}), parseOptions))
}

/** What `parseFile` gives a file larger than the parse options allow, from its size and digest alone. */
export function tooLargeFile(path: string, source: {size: number; sha256: string}, exists: (path: string) => boolean, options: SiteParseOptions = {}): ParsedFile {
  return probed(path, exists, options, (parseOptions) => tooLargeRunbook(new VFile({path}), source, parseOptions))
}

/** A parse of one runbook of the folder with the site's options, and the paths it asked `exists` about. */
function probed(path: string, exists: (path: string) => boolean, options: SiteParseOptions, parse: (options: ParseOptions) => ParseResult): ParsedFile {
  const probes: Record<string, boolean> = {}
  const {runbook, messages} = parse({...options, path, root: '', exists: (probe) => (probes[probe] ??= exists(probe))})
  return {path, runbook, messages, probes}
}
