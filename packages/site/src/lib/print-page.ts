import type {Runbook} from '@runsheet/parser'
import {withEmoji} from './emoji.js'
import {formatDate} from './format.js'
import {t, type UiLang} from './i18n.js'

/** How many hex digits of the source's SHA-256 a printout shows: enough to match a paper copy to its file. */
export const shortHashLength = 12

/** The values a runbook's printed pages repeat in their margins. */
export interface RunningText {
  /** Top left: the runbook's title. */
  title: string
  /** Top right: version and updated date, when the runbook has them. */
  edition: string
  /** Bottom left: the source path and the short hash of its content. */
  source: string
}

/*
 * The running header is one line: a margin box wraps a long title over the page and clips nothing
 * (`text-overflow` does not apply there), so the title is shortened here, by an estimate of its printed
 * width. In ems of the title's type (8.5 pt, styles/print.css) across A4 between the margins (169 mm), the
 * narrower of the two papers; the edition (8 pt) takes its part, with a gap between the two.
 */
const titleSize = 8.5
const editionSize = 8
const headerWidth = 56
const gap = 3

/** Hangul, CJK, full-width forms and emoji: a whole em wide. Other characters are counted at a bold Latin's widest usual width. */
const wideCharacter = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\p{Extended_Pictographic}]/u
const narrowWidth = 0.66

/** What a runbook's pages say in their header and footer. */
export function runningText(runbook: Runbook, lang: UiLang, path = runbook.source.path ?? ''): RunningText {
  const edition = [
    runbook.version ? `${t(lang, 'meta.version')} ${runbook.version}` : '',
    runbook.updated ? `${t(lang, 'meta.updated')} ${formatDate(runbook.updated, lang)}` : ''
  ]
    .filter(Boolean)
    .join(' · ')
  const hash = runbook.source.sha256.slice(0, shortHashLength)
  const title = oneLine(withEmoji(runbook.title) || path, headerWidth - gap - emWidth(edition) * (editionSize / titleSize))
  return {title, edition, source: [path, `sha256 ${hash}`].filter(Boolean).join(' · ')}
}

/** The printed width of `text`, in ems, as estimated for the running header. */
export function emWidth(text: string): number {
  let width = 0
  for (const char of text) width += wideCharacter.test(char) ? 1 : narrowWidth
  return width
}

/** `text` on one line of at most `room` ems: whole when it fits, else cut at the last whole character that fits and ended with `…`. */
export function oneLine(text: string, room: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (emWidth(flat) <= room) return flat
  let width = emWidth('…')
  let cut = ''
  for (const char of flat) {
    width += emWidth(char)
    if (width > room) break
    cut += char
  }
  return `${cut.trimEnd()}…`
}

/**
 * A CSS string literal holding `text`: quotes and backslashes escaped, line breaks and other control
 * characters as hex escapes, and `<` escaped so the text can never close the `<style>` element it sits in.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\u0000-\u001f\u007f\u2028\u2029]/g, (char) => {
    if (char === '\\' || char === '"') return `\\${char}`
    return `\\${char.codePointAt(0)!.toString(16)} `
  })
  return `"${escaped}"`
}

/**
 * The per-runbook part of the print layout: a `@page` rule whose margin boxes carry the running header
 * (title, version and date) and footer (source and hash, `X / Y`). The page size, margins and the look
 * of the boxes are in `styles/print.css`; CSS cannot read these values from the page (`string-set` is not
 * supported by browsers), so each page carries its own.
 */
export function printPageStyle(text: RunningText): string {
  return [
    '@page {',
    `  @top-left { content: ${cssString(text.title)}; }`,
    `  @top-right { content: ${cssString(text.edition)}; }`,
    `  @bottom-left { content: ${cssString(text.source)}; }`,
    '  @bottom-right { content: counter(page) " / " counter(pages); }',
    '}'
  ].join('\n')
}
