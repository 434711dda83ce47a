import {intlLocale, type UiLang} from './i18n.js'

/** One formatter per language: making one costs some 50 times formatting a date with it, and a list page has 50 cards. */
const formatters = new Map<UiLang, Intl.DateTimeFormat>()

/** `2025-08-21` as the page's language writes a date, without a time zone shift. */
export function formatDate(iso: string, lang: UiLang): string {
  const [year, month, day] = iso.split('-').map(Number)
  if (!year || !month || !day) return iso
  let formatter = formatters.get(lang)
  if (!formatter) formatters.set(lang, (formatter = new Intl.DateTimeFormat(intlLocale(lang), {year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC'})))
  return formatter.format(new Date(Date.UTC(year, month - 1, day)))
}
