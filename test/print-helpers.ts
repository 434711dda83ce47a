/**
 * Reading printed runbooks back with poppler-utils (`pdfinfo`, `pdftotext -layout`, `pdftotext -bbox`,
 * `pdffonts`): what is on which page. `runsheet pdf` itself is run with `site-helpers.ts`' `runsheet`.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {parseRunbook, walk, type Inline, type Item, type Runbook} from '@runsheet/parser'
import {repo} from './site-helpers.js'

function poppler(command: string, args: string[]): string {
  const result = spawnSync(command, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}

export interface PdfInfo {
  pages: number
  /** Page size in points, rounded. */
  width: number
  height: number
}

export function pdfInfo(file: string): PdfInfo {
  const info = poppler('pdfinfo', [file])
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)
  return {pages, width: Math.round(Number(size?.[1])), height: Math.round(Number(size?.[2]))}
}

/** The fonts embedded in a PDF, as `pdffonts` lists them: name and type (`CID TrueType`, `Type 3`, …). */
export function pdfFonts(file: string): {name: string; type: string}[] {
  return poppler('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => ({name: line.slice(0, 36).trim(), type: line.slice(37, 54).trim()}))
}

/** The text of each page, as `pdftotext -layout` lays it out. */
export function pageTexts(file: string): string[] {
  return poppler('pdftotext', ['-layout', file, '-']).split('\f').slice(0, pdfInfo(file).pages)
}

/** The words of each page, from `pdftotext -bbox`. */
export function pageWords(file: string): string[][] {
  return placedWords(file).map((words) => words.map((word) => word.text))
}

/** A word of a page as `pdftotext -bbox` places it, in points from the page's top left. */
export interface PlacedWord {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** The words of each page with their boxes. Text outside the page is not in them: what was cut off is missing. */
export function placedWords(file: string): PlacedWord[][] {
  const html = poppler('pdftotext', ['-bbox', file, '-'])
  return html
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
        text: unescape(match[5]!),
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4])
      }))
    )
}

/** The text of a PDF in the order it was drawn (`pdftotext -raw`): a value wrapped over lines reads as one. */
export function drawnText(file: string): string {
  return poppler('pdftotext', ['-raw', file, '-'])
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

/** Text with all whitespace taken out: line wrapping and justification never change what it says. */
export const squash = (text: string) => text.replace(/\s+/g, '')

export function readRunbook(path: string): Runbook {
  return parseRunbook(readFileSync(`${repo}/${path}`, 'utf8'), {path: path.replace(/^examples\//, '')}).runbook
}

export function itemsOf(runbook: Runbook): Item[] {
  const items: Item[] = []
  walk(runbook, (node) => {
    if (node.type === 'item') items.push(node)
  })
  return items
}

/**
 * The pieces of an item's text as they print: links print their target after them and blanks print as
 * lines, so the text is compared piece by piece between them.
 */
export function textPieces(content: Inline[]): string[] {
  const pieces: string[] = []
  let current = ''
  const flush = () => {
    if (current.trim() !== '') pieces.push(current)
    current = ''
  }
  const visit = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'link') {
        flush()
        visit(node.children)
        flush()
      } else if (node.type === 'blank') flush()
      else if ('value' in node && typeof node.value === 'string') current += node.value
      else if ('children' in node && Array.isArray(node.children)) visit(node.children as Inline[])
    }
  }
  visit(content)
  flush()
  return pieces
}
