import type {Keywords} from '../keywords/types.js'
import type {FrontEnd} from '../markdown/front-end.js'
import type {Lang} from '../schema/runbook.js'

/** How to read a runbook. Every field is optional. */
export interface ParseOptions {
  /** The file's path (POSIX separators): recorded in `source.path`, used to resolve relative links. */
  path?: string
  /**
   * The folder links are resolved against (POSIX, the same base as `path`). When given with `exists`,
   * every relative link gets `target.resolved` and `target.exists`, and unresolved ones are reported.
   */
  root?: string
  /** Whether a path (relative to `root`, POSIX) exists. The CLI passes a file-system check. */
  exists?: (path: string) => boolean
  /** Overrides the language detected from the script of the text. */
  lang?: Lang
  /** Extra vocabulary, appended to the built-in Korean and English tables. */
  keywords?: Partial<Keywords>
  /**
   * The largest input read, in bytes of UTF-8 (default 5 MB, `defaultMaxBytes`). A larger one is not
   * parsed: the model is empty and a fatal message `runsheet:too-large` at 1:1 says why.
   */
  maxBytes?: number
  /** What reads the markdown into mdast (default `remarkFrontEnd`; `satteriFrontEnd(satteri)` is faster). */
  frontEnd?: FrontEnd
}

/** 5 MB: far above any runbook written by hand, far below what takes remark minutes to read. */
export const defaultMaxBytes = 5_000_000
