import type {Runbook} from '@runsheet/parser'
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

/** What a runbook's pages say in their header and footer. */
export function runningText(runbook: Runbook, lang: UiLang, path = runbook.source.path ?? ''): RunningText {
  const edition = [
    runbook.version ? `${t(lang, 'meta.version')} ${runbook.version}` : '',
    runbook.updated ? `${t(lang, 'meta.updated')} ${formatDate(runbook.updated, lang)}` : ''
  ]
    .filter(Boolean)
    .join(' · ')
  const hash = runbook.source.sha256.slice(0, shortHashLength)
  return {title: runbook.title || path, edition, source: [path, `sha256 ${hash}`].filter(Boolean).join(' · ')}
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
