import {intlLocale, type UiLang} from './i18n.js'

/** `2025-08-21` as the page's language writes a date, without a time zone shift. */
export function formatDate(iso: string, lang: UiLang): string {
  const [year, month, day] = iso.split('-').map(Number)
  if (!year || !month || !day) return iso
  return new Intl.DateTimeFormat(intlLocale(lang), {year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC'}).format(
    new Date(Date.UTC(year, month - 1, day))
  )
}
