import type {Root} from 'mdast'
import {mdastFromMarkdown} from './from-markdown.js'

/**
 * What turns markdown into the mdast the model is built from. The tree must carry positions with offsets
 * and read front matter as a `yaml` node, as remark does.
 */
export interface FrontEnd {
  /** A short name for messages and the CLI (`remark`, `satteri`). */
  name: string
  /** The mdast tree of a whole document. */
  parse(source: string): Root
}

/**
 * The reference front end: remark-parse with GFM and YAML front matter, in every runtime; long documents
 * in chunks, which read as the whole does (see `mdastInChunks`).
 */
export const remarkFrontEnd: FrontEnd = {name: 'remark', parse: mdastFromMarkdown}
