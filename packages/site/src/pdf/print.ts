import type {RunRecord} from '@runsheet/parser'
import type {BrowserContext} from 'playwright-core'
import {cssString} from '../lib/print-page.js'

export type Paper = 'A4' | 'Letter'

export interface PrintOptions {
  paper: Paper
  /** A run to show: written into the page's run-mode storage before it loads, so the page renders it. */
  record?: {key: string; value: RunRecord; note: string; banner: string}
}

/** The page size rule for Letter; A4 is the print style's own default. */
export function paperStyle(paper: Paper): string {
  return paper === 'Letter' ? '@page { size: letter; }' : ''
}

/** Prints one page of the built site to PDF through its print styles, once its fonts have loaded. */
export async function printPage(context: BrowserContext, url: string, options: PrintOptions): Promise<Uint8Array> {
  const page = await context.newPage()
  try {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.emulateMedia({media: 'print'})
    if (options.record) {
      await page.addInitScript(
        ({key, value}) => {
          try {
            window.localStorage.setItem(key, value)
          } catch {
            // Storage blocked: the page prints blank.
          }
        },
        {key: options.record.key, value: JSON.stringify(options.record.value)}
      )
    }
    const response = await page.goto(url, {waitUntil: 'load'})
    if (!response || !response.ok()) throw new Error(`the built page ${new URL(url).pathname} did not load (${response?.status() ?? 'no response'})`)
    const extra = [paperStyle(options.paper)]
    if (options.record) {
      // Run mode has rendered the record by now (its script runs on load); wait for the ticks to be in the DOM.
      await page.waitForFunction(() => document.querySelector('[data-runbar]:not([hidden])') !== null, undefined, {timeout: 10_000}).catch(() => undefined)
      extra.push(`@page { @bottom-center { content: ${cssString(options.record.note)}; } }`)
      await page.evaluate((banner) => {
        const header = document.querySelector('.rs-runbook-header')
        if (!header) return
        const note = document.createElement('p')
        note.className = 'rs-print-edition'
        note.textContent = banner
        header.append(note)
      }, options.record.banner)
    }
    const css = extra.filter(Boolean).join('\n')
    // A constructed style sheet, not a <style> element: the page's Content-Security-Policy refuses inline
    // styles it has no hash for, and the printer should not have to switch the policy off.
    if (css) {
      await page.evaluate((text) => {
        const sheet = new CSSStyleSheet()
        sheet.replaceSync(text)
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
      }, css)
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    if (errors.length > 0) throw new Error(`the page ${new URL(url).pathname} failed: ${errors[0]}`)
    return await page.pdf({preferCSSPageSize: true, printBackground: true, format: options.paper, tagged: true, outline: true})
  } finally {
    await page.close()
  }
}
