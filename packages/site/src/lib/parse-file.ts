import {parseRunbook, tooLargeRunbook, type ParseOptions, type Runbook} from '@runsheet/parser'
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
  const probes: Record<string, boolean> = {}
  const probing = (probe: string) => (probes[probe] ??= exists(probe))
  const {runbook, messages} = parseRunbook(new VFile({path, value}), {...options, path, root: '', exists: probing})
  return {path, runbook, messages, probes}
}

/** What `parseFile` gives a file larger than the parse options allow, from its size and digest alone. */
export function tooLargeFile(path: string, source: {size: number; sha256: string}, exists: (path: string) => boolean, options: SiteParseOptions = {}): ParsedFile {
  const probes: Record<string, boolean> = {}
  const probing = (probe: string) => (probes[probe] ??= exists(probe))
  const {runbook, messages} = tooLargeRunbook(new VFile({path}), source, {...options, path, root: '', exists: probing})
  return {path, runbook, messages, probes}
}
