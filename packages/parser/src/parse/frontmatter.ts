import type {Root, Yaml} from 'mdast'
import {
  type Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  parseDocument,
  type Range,
  visit,
  type YAMLError
} from 'yaml'
import type {Point, Position} from '../schema/position.js'
import {type Context, positionOf} from './context.js'

/** A reason the front matter cannot be read, at an offset in its YAML (none: the whole front matter). */
interface Problem {
  reason: string
  offset?: number
}

/**
 * The YAML front matter as JSON data; a broken one is reported and read as none. The model is JSON (it
 * goes to `runbook.json`, the cache and the CLI), so YAML that JSON cannot hold exactly is an error, not
 * a value that would be lost or changed on the way.
 */
export function frontmatterOf(tree: Root, context: Context): Record<string, unknown> | null {
  const node = tree.children[0]
  if (node?.type !== 'yaml') return null
  const lines = new LineCounter()
  const fail = ({reason, offset}: Problem) => {
    context.file.message(reason, {place: placeOf(node, offset, lines, context), ruleId: 'frontmatter', source: 'runsheet'}).fatal = true
    return null
  }
  // `logLevel: 'error'`: a problem is a message on the file, never a warning printed by Node.
  // YAML ends lines at a lone CR too, the yaml library does not: made a LF, one character for one, so
  // that offsets and lines stay the file's.
  const document = parseDocument(node.value.replace(/\r(?!\n)/g, '\n'), {lineCounter: lines, logLevel: 'error'})
  const error = document.errors[0]
  if (error) return fail({reason: `Front matter is not valid YAML: ${reasonOf(error)}`, offset: error.pos[0]})
  const problem = notJsonIn(document)
  if (problem) return fail(problem)
  let value: unknown
  try {
    value = document.toJS()
  } catch (error) {
    // Errors that only show when the document is read into values (an alias with no anchor, `*a`).
    return fail({reason: `Front matter is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`})
  }
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) return fail({reason: 'Front matter must be a mapping of `key: value` lines'})
  const data = value as Record<string, unknown>
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      // `version: 1.0` is a number to YAML and a version to its author: a top-level number that reads
      // back differently from how it was written is kept as written.
      if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.source !== 'string') continue
      const key = String(pair.key.value)
      if (typeof data[key] === 'number' && String(data[key]) !== pair.value.source) data[key] = pair.value.source
    }
  }
  return data
}

/** YAML's own words, without the ` at line 8, column 15:` it counts from the front matter, not the file. */
function reasonOf(error: YAMLError): string {
  return error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

/**
 * Where in the file an offset in the front matter's YAML is. The YAML starts on the line after the
 * opening fence, at its first column, so its lines are the file's lines shifted by the fence's line.
 */
function placeOf(node: Yaml, offset: number | undefined, lines: LineCounter, context: Context): Point | Position | undefined {
  const whole = positionOf(node)
  if (offset === undefined || !whole) return whole
  const {line, col} = lines.linePos(offset)
  const fileLine = whole.start.line + line
  return {line: fileLine, column: col, offset: context.offsetAt(fileLine, col)}
}

/** The yaml.org tags that JSON holds; the others (`!!set`, `!!timestamp`…) are named in `untaggedAs`. */
const jsonTags = new Set(['map', 'seq', 'str', 'int', 'float', 'bool', 'null'].map((name) => `tag:yaml.org,2002:${name}`))

/** What a YAML type JSON cannot hold is called, and what to write instead. */
const untaggedAs: Record<string, [string, string]> = {
  set: ['a YAML set', 'a list'],
  omap: ['a YAML ordered map', 'a mapping or a list'],
  pairs: ['a YAML list of pairs', 'a mapping or a list'],
  binary: ['YAML binary data', 'text, without the tag'],
  timestamp: ['a YAML timestamp', 'text, without the tag']
}

/** The first thing in the document that JSON data cannot hold exactly, if any. */
function notJsonIn(document: Document.Parsed): Problem | undefined {
  let problem: Problem | undefined
  const found = (reason: string, node: {range?: Range | null} | null | undefined) => {
    problem = {reason, offset: node?.range?.[0]}
    return visit.BREAK
  }
  visit(document, {
    Node(_, node, path) {
      if (isAlias(node)) {
        // An alias inside its own anchor makes a value that contains itself, which JSON cannot write.
        const target = node.resolve(document)
        if (!target) return found(`Front matter uses \`*${node.source}\` where no anchor \`&${node.source}\` is set before it`, node)
        if (path.includes(target)) return found(`Front matter refers to itself: \`*${node.source}\` is inside its own anchor \`&${node.source}\``, node)
        return
      }
      if (node.tag !== undefined && !jsonTags.has(node.tag)) {
        const name = node.tag.replace('tag:yaml.org,2002:', '')
        const [what, instead] = untaggedAs[name] ?? []
        if (what) return found(`Front matter cannot hold ${what} (\`!!${name}\`): write it as ${instead}`, node)
        // A tag of the author's own (`!env HOME`) means something to another tool: read as its bare text, the
        // value would lose that meaning, and `format` would write it back without the tag.
        if (!node.tag.startsWith('tag:yaml.org,2002:')) return found(`Front matter cannot hold the tag \`${node.tag}\`, which means nothing to YAML or JSON: write the value without it`, node)
      }
      if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value)) {
        return found(`Front matter number \`${node.source}\` has no JSON form: quote it to keep it as text`, node)
      }
      if (isMap(node)) {
        // JSON keys are text: a list or mapping as a key would be squeezed into one, and two keys that
        // read as the same text (`1` and `'1'`) would keep one value.
        const keys = new Set<string>()
        for (const pair of node.items) {
          if (!isNode(pair.key)) continue
          const key = isAlias(pair.key) ? pair.key.resolve(document) : pair.key
          if (!isScalar(key)) return found('Front matter keys must be text, not a list or a mapping', pair.key)
          const text = String(key.value)
          if (keys.has(text)) return found(`Front matter key \`${text}\` is repeated: JSON keeps one value per key`, pair.key)
          keys.add(text)
        }
      }
    }
  })
  return problem
}
