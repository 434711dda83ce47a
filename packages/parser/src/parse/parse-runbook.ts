import {deprecate, ok as assert} from 'devlop'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import * as z from 'zod'
import {defaultKeywords, mergeKeywords} from '../keywords/merge.js'
import {lintVisitors} from '../lint/lint.js'
import {remarkFrontEnd} from '../markdown/front-end.js'
import {walkWith} from '../model/walk.js'
import type {Point} from '../schema/position.js'
import {type Runbook, langSchema, runbookSchema} from '../schema/runbook.js'
import {withAdmonitions} from './admonitions.js'
import type {Flow} from './block-state.js'
import {createBlockState} from './blocks.js'
import {createContext, positionOf} from './context.js'
import {cutTooDeep} from './depth.js'
import {isoDateOf} from './dates.js'
import {inlinesFromPhrasing} from './inline.js'
import {fillInIdAssigner} from './fill-in-ids.js'
import {footerValues, headerOf} from './header.js'
import {frontmatterOf} from './frontmatter.js'
import {frontmatterText} from './frontmatter-text.js'
import {normaliseLabel} from './field-keys.js'
import {proseLangOf} from './prose.js'
import {readyTree} from './ready-tree.js'
import {defaultMaxBytes, type ParseOptions} from './options.js'
import {basename} from './paths.js'
import {sectionsFromMdast} from './sections.js'
import {sha256Hex} from './sha256.js'
import {AnchorSlugger} from './slugs.js'
import {squash} from './text.js'
import {translationsOf} from './translations.js'

export interface ParseResult {
  /** The model: it satisfies `runbookSchema`. */
  runbook: Runbook
  /** Lint diagnostics (`runsheet:<rule>`), with positions; also on `file.messages`. */
  messages: VFileMessage[]
  file: VFile
}

/**
 * Reads a runbook. Never throws on content: problems in the markdown are messages, and the model
 * satisfies `runbookSchema` (checked in development, see `assertModel`).
 */
export function parseRunbook(input: string | VFile, options: ParseOptions = {}): ParseResult {
  // An empty path is no path (VFile refuses one).
  const file = input instanceof VFile ? input : new VFile({value: input, path: options.path || undefined})
  const settings: ParseOptions = {...options, path: options.path || (file.path ? file.path : undefined)}
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  const size = sizeOf(file.value, maxBytes)
  if (size > maxBytes) {
    const bytes = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value
    return tooLargeRunbook(file, {size, sha256: sha256Hex(bytes)}, options)
  }
  const {text, bytes} = decode(file)
  // The digest is of the file as given, a byte order mark included, whether it came as bytes or as text.
  const sha256 = sha256Hex(bytes ?? file.value)
  const frontEnd = options.frontEnd ?? remarkFrontEnd
  const before = file.messages.length
  let runbook: Runbook
  try {
    runbook = modelOf(frontEnd.parse(text), text, file, settings, sha256)
  } catch (error) {
    // The model cuts what nests deeper than `maxDepth`, but a front end may recurse over the tree it
    // builds (remark-gfm's transform did, from about 5 000 quotes, before it was given a stack of its own
    // in `autolink-literals.ts`): out of stack, the text is kept as one paragraph, unread, rather than
    // lost or thrown.
    if (!(error instanceof RangeError)) throw error
    file.messages.length = before
    file.message('The markdown nests too deep to be read: the text is kept as it is, as one paragraph', {
      place: {line: 1, column: 1},
      ruleId: 'too-deep',
      source: 'runsheet'
    }).fatal = true
    runbook = modelOf(unreadTree(text), text, file, settings, sha256)
  }
  return {runbook, messages: file.messages, file}
}

/**
 * What `parseRunbook` gives a file larger than `maxBytes`, from its size and digest alone: an empty model
 * and a fatal `runsheet:too-large` message at 1:1. A caller that reads files can then refuse one without
 * holding it (the CLI hashes it as it streams it): the text of `file` is not read.
 */
export function tooLargeRunbook(file: VFile, source: {size: number; sha256: string}, options: ParseOptions = {}): ParseResult {
  const settings: ParseOptions = {...options, path: options.path ?? (file.path ? file.path : undefined)}
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  file.message(`The file is ${source.size} bytes, more than the ${maxBytes} allowed (maxBytes, --max-size): not read`, {
    place: {line: 1, column: 1},
    ruleId: 'too-large',
    source: 'runsheet'
  }).fatal = true
  const runbook = modelOf({type: 'root', children: []}, '', file, settings, source.sha256)
  return {runbook, messages: file.messages, file}
}

/** A tree holding the whole text as one paragraph: what is left when the markdown cannot be read. */
function unreadTree(text: string): Root {
  if (text === '') return {type: 'root', children: []}
  const start = {line: 1, column: 1, offset: 0}
  const end = location(text).toPoint(text.length) ?? start
  const position = {start, end: {line: end.line, column: end.column, offset: text.length}}
  return {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: text, position}], position}], position}
}

/**
 * Builds the model from an mdast tree and the text it was parsed from. This is the seam where another
 * markdown front end can stand in for remark: anything that yields mdast with offsets will do. The
 * model shares the tree's position objects: change neither afterwards (or hand in a copy).
 */
export function runbookFromMdast(
  tree: Root,
  source: string,
  file: VFile = new VFile({value: source}),
  options: ParseOptions = {},
  bytes?: Uint8Array
): Runbook {
  return modelOf(tree, source, file, options, sha256Hex(bytes ?? source))
}

/** `runbookFromMdast`, given the digest of the file's bytes. */
function modelOf(tree: Root, source: string, file: VFile, options: ParseOptions, sha256: string): Runbook {
  const keywords = options.keywords ? mergeKeywords(defaultKeywords, options.keywords) : defaultKeywords
  const context = createContext(source, file, options, keywords)
  readyTree(tree, context)

  const frontmatter = frontmatterOf(tree, context)
  const header = headerOf(tree.children, context, {title: frontmatterText(frontmatter?.title), subtitle: frontmatterText(frontmatter?.subtitle)})
  const body = withAdmonitions(header.body, context)
  const end = withAdmonitions(header.footer, context)
  // Admonition bodies are parsed on their own, and may nest as deep as any text. Without one, the nodes
  // come back as they were, already cut.
  if (body !== header.body) cutTooDeep(body, context)
  if (end !== header.footer) cutTooDeep(end, context)
  const slugger = new AnchorSlugger()
  if (header.title) slugger.slug(toString(header.title))
  if (header.subtitle) slugger.slug(toString(header.subtitle))
  const state = createBlockState(context)
  // `concat`, not spreads: this runs once per parse, unoptimised, where a spread steps an iterator per element.
  const children = header.leading.concat(sectionsFromMdast(body, state, slugger))
  const footer = state.all(end, {sectionId: 'footer'})

  const fm = frontmatter ?? {}
  const firstSection = children.find((block) => block.type === 'section')
  const title =
    frontmatterText(fm.title) ??
    (header.title ? squash(toString(header.title)) : undefined) ??
    (firstSection?.type === 'section' ? firstSection.titleText : undefined) ??
    (options.path ? basename(options.path).replace(/\.(?:md|markdown|mdx)$/i, '') : '')

  const footerPairs = footerValues(footer)
  const metaValue = (key: string) => header.meta.find((field) => field.key === key)?.text || undefined
  const footerValue = (labels: string[]) =>
    footerPairs.find((pair) => labels.some((label) => normaliseLabel(label) === normaliseLabel(pair.label)))?.value

  // The title and subtitle count as one line each (squashed), not as the lines of a setext heading: one
  // line is how a title reads, and counted so it gives the same `lang` however toMarkdown lays it out.
  const headerLines = [header.title, header.subtitle].flatMap((node) => (node ? [squash(toString(node))] : []))
  const lang =
    langSchema.safeParse(options.lang ?? fm.lang).data ?? proseLangOf(headerLines, (header.metaParagraphs as readonly Flow[]).concat(body, end))
  const runbook: Runbook = {
    type: 'runbook',
    title,
    titleContent: header.title ? inlinesFromPhrasing(header.title.children, context) : null,
    subtitle: frontmatterText(fm.subtitle) ?? (header.subtitle ? squash(toString(header.subtitle)) : null),
    subtitleContent: header.subtitle ? inlinesFromPhrasing(header.subtitle.children, context) : null,
    lang,
    version: frontmatterText(fm.version) ?? metaValue('version') ?? footerValue(keywords.footerVersionLabels) ?? null,
    updated:
      isoDateOf(fm.updated ?? fm.last_updated ?? fm.lastUpdated ?? fm.date) ??
      isoDateOf(metaValue('updated')) ??
      isoDateOf(footerValue(keywords.footerUpdatedLabels)),
    meta: header.meta,
    children,
    footer,
    translations: translationsOf(frontmatter, lang, context),
    frontmatter,
    source: {path: options.path ?? null, sha256}
  }
  const position = positionOf(tree)
  if (position) runbook.position = position

  walkWith(runbook, [fillInIdAssigner(runbook, context), ...lintVisitors(runbook, context)])
  assertModel(runbook)
  return runbook
}

/**
 * The finished model satisfies its schema: asserted in development, the way micromark asserts its
 * invariants, with zod saying where it does not (a mismatch is a bug in the parser). devlop's assertions
 * run under the `development` export condition, which Vite and Vitest set; elsewhere they do nothing, and
 * the schema is not even asked, as that would cost a third of building the model.
 */
function assertModel(runbook: Runbook): void {
  if (!development) return
  const result = runbookSchema.safeParse(runbook)
  assert(result.success, result.error && `The model does not match its schema:\n${z.prettifyError(result.error)}`)
}

/** Whether devlop's development build is loaded: it wraps a function it is given, the other hands it back. */
const development = deprecate(assertModel, '') !== assertModel


/**
 * The size of a file's value in bytes of UTF-8, exact when it may exceed `limit`. A string that cannot
 * (a UTF-16 unit is at most three bytes) is not measured: its length is returned.
 */
function sizeOf(value: string | Uint8Array, limit: number): number {
  if (typeof value !== 'string') return value.byteLength
  if (value.length * 3 <= limit) return value.length
  let size = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    // A surrogate pair is four bytes: two for each half.
    size += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3
  }
  return size
}

/**
 * The text of a file, without a byte order mark: bytes that are not UTF-8 are reported, never silently
 * dropped. A text read with `readFileSync(path, 'utf8')` keeps the mark, which micromark skips and does not
 * count: left in, every offset into the text would be one short.
 */
function decode(file: VFile): {text: string; bytes?: Uint8Array} {
  if (typeof file.value === 'string') return {text: file.value.charCodeAt(0) === 0xfeff ? file.value.slice(1) : file.value}
  const bytes = file.value
  try {
    return {text: new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes), bytes}
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes)
    file.message('The file is not valid UTF-8: invalid bytes are shown as �', {place: firstInvalidByte(bytes, text), ruleId: 'encoding', source: 'runsheet'}).fatal = true
    return {text, bytes}
  }
}

/**
 * Where the first byte that is not UTF-8 is, as a point in the decoded text: the first U+FFFD that the
 * file does not hold as such (EF BF BD) stands for it.
 */
function firstInvalidByte(bytes: Uint8Array, text: string): Point | undefined {
  // The decoder drops a byte order mark, and the text's offsets count from after it.
  let byte = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  let offset = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code === 0xfffd && !(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) break
    byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    offset += char.length
  }
  const point = location(text).toPoint(offset)
  return point && {line: point.line, column: point.column, offset}
}
