/** Times as run mode shows and stores them: on the page, in records and in file names. */
import {intlLocale} from '../lib/i18n.js'

/**
 * A time for the page's language, on a 24-hour clock: `14:32` today, with the date on other days. A
 * record's time reads as the operator's clock did: in the offset it was written with, wherever it is
 * printed later.
 */
export function shortTime(iso: string, lang: string, now = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const zone = /(?:Z|[+-]\d{2}:\d{2})$/.exec(iso)?.[0]
  const timeZone = zone === undefined ? undefined : zone === 'Z' ? 'UTC' : zone
  try {
    return formatTime(date, lang, now, timeZone)
  } catch {
    // An engine without offset time zones shows the local clock instead.
    return formatTime(date, lang, now, undefined)
  }
}

function formatTime(date: Date, lang: string, now: Date, timeZone: string | undefined): string {
  const day = (value: Date) => formatter('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'}).format(value)
  const options: Intl.DateTimeFormatOptions = day(date) === day(now)
    ? {timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}
    : {timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}
  return formatter(intlLocale(lang), options).format(date)
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * A date formatter, made once per locale and options: making one takes far longer than formatting, and a
 * run of 20 000 ticks shows 20 000 times when its page opens.
 */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u001f${JSON.stringify(options)}`
  let made = formatters.get(key)
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)))
  return made
}

/** A local timestamp for file names: `20250821-1432`. */
export function fileStamp(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`
}

/** The current time as ISO 8601 with the local offset (`2025-08-21T14:32:05+09:00`), as records keep it. */
export function isoNow(date = new Date()): string {
  const pad = (value: number) => String(Math.floor(Math.abs(value))).padStart(2, '0')
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  )
}
