import type {Translation} from '../schema/runbook.js'
import type {Context} from './context.js'
import {basename, editionStem, languageOfFileName} from './paths.js'

const languages = ['ko', 'en']

/**
 * Other-language editions: from front matter (`translations: {en: ./x.md}` or a list of `{lang, path}`),
 * else from sibling files `x.ko.md` ↔ `x.md` / `x.en.md` that exist. Paths are relative to this file.
 */
export function translationsOf(frontmatter: Record<string, unknown> | null, lang: string, context: Context): Translation[] {
  const declared = declaredTranslations(frontmatter?.translations)
  if (declared.length > 0) return declared

  const {path, exists} = context.options
  if (!path || !exists) return []
  const own = languageOfFileName(path)
  const stem = editionStem(path)
  const found: Translation[] = []
  const check = (candidate: string, candidateLang: string) => {
    if (candidate !== path && !found.some((entry) => entry.lang === candidateLang) && exists(candidate)) {
      found.push({lang: candidateLang, path: basename(candidate)})
    }
  }
  for (const other of languages) {
    if (other !== own && other !== lang) check(`${stem}.${other}.md`, other)
  }
  // The edition without a language in its name is the other language of a pair.
  if (own !== undefined) check(`${stem}.md`, languages.find((each) => each !== own) ?? 'en')
  return found
}

function declaredTranslations(value: unknown): Translation[] {
  if (Array.isArray(value)) {
    return value.flatMap((entry) =>
      entry && typeof entry === 'object' && typeof entry.lang === 'string' && typeof entry.path === 'string'
        ? [{lang: entry.lang, path: entry.path}]
        : []
    )
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([lang, path]) => (typeof path === 'string' ? [{lang, path}] : []))
  }
  return []
}

