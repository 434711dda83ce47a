import type {Root} from 'mdast'
import {isMap, isScalar, parseDocument} from 'yaml'
import {type Context, positionOf} from './context.js'

/** The YAML front matter; a broken one is reported and read as none. */
export function frontmatterOf(tree: Root, context: Context): Record<string, unknown> | null {
  const node = tree.children[0]
  if (node?.type !== 'yaml') return null
  const fail = (reason: string) => {
    context.file.message(reason, {place: positionOf(node), ruleId: 'frontmatter', source: 'runsheet'}).fatal = true
    return null
  }
  const document = parseDocument(node.value)
  if (document.errors.length > 0) return fail(`Front matter is not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`)
  let value: unknown
  try {
    value = document.toJS()
  } catch (error) {
    // Errors that only show when the document is read into values (an alias with no anchor, `*a`).
    return fail(`Front matter is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) return fail('Front matter must be a mapping of `key: value` lines')
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
