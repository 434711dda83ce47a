/**
 * `runsheet pdf` end to end: the seed and its English edition printed through the site's print styles in
 * Debian's Chromium, read back with poppler-utils. Page size, every step, the running header and `X / Y`
 * on every page, the sign-off block on one page, steps with their commands, a run's record, Letter paper,
 * a folder's cover and contents (page numbers of the book on its pages), and the one-line errors. What is
 * wider or longer than the paper: long tokens, wide and long tables, a long title, Korean words in a
 * mixed runbook; empty fields and rows with room to write. And printed from the browser: what was typed
 * in a blank, whole; a sign-off line of two signers, a signature line for each.
 */
import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {emptyRecord, walk} from '@runsheet/parser'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'
import {drawnText, itemsOf, pageTexts, pageWords, pdfFonts, pdfInfo, placedWords, readRunbook, squash, textPieces} from './print-helpers.js'
import {launchChromium, runsheet, tempDir, type CliResult} from './site-helpers.js'

const out = tempDir('runsheet-print-')
const file = (name: string) => join(out, name)
const seeds = [
  {name: 'Korean seed', path: 'examples/production-deploy.ko.md', pdf: file('ko.pdf'), signoff: ['배포자:', '승인자:', '날짜:', '서명:', '시간:']},
  {name: 'English edition', path: 'examples/production-deploy.md', pdf: file('en.pdf'), signoff: ['Deployed', 'Approved', 'Date:', 'Signature:', 'Time:']}
] as const

let results: Record<string, CliResult>

/** A 500-character token without a break opportunity, named for where it stands. */
const token = (place: string) => `${place}${'abcdefghij'.repeat(49)}${place.toUpperCase()}`
const columns = Array.from({length: 14}, (_, column) => column)
const longTitle = `Quarterly failover rehearsal ${Array.from({length: 50}, (_, index) => `stage${index}`).join(' ')}`
const note = 'Before you continue, check the dashboards, the alerts and the on-call rota for the day, and tell the channel what you are about to do and when you expect to finish.'

/**
 * What does not fit on paper as written: a 400-character title, tokens longer than a line in prose, a step,
 * a URL, a heading and a table cell, a table of 14 columns, an empty field and one that introduces a list,
 * a long value after a bold lead-in, a table row with nothing in it and a link to a runbook that is not there.
 */
const wideRunbook = `# ${longTitle}

**Version**: 1.0

**Owner**: 

Prose ${token('prose')} end.

**Note:** ${note}

| ${columns.map((column) => `Column${column}`).join(' | ')} |
|${columns.map(() => '---|').join('')}
${[0, 1, 2].map(() => `| ${columns.map((column) => `value-${column}-abcdef`).join(' | ')} |`).join('\n')}

## Steps

- [ ] Step ${token('step')} after
- [ ] Visit https://example.com/${token('url')} and check
- [ ] See [the rollback runbook](./missing-rollback.md)

**Checks**:
- the dashboards
- the alerts

## Heading ${token('heading')}

| Name | Signed | Date |
|---|---|---|
| | | |
| cell ${token('cell')} | b | c |
`

/** A heading and its introduction, then a table far longer than a page, after a page's worth of steps' start. */
const longTableRunbook = `# Host inventory

${Array.from({length: 12}, (_, index) => `- [ ] Check step ${index}`).join('\n')}

## Hosts

Every host of the fleet, one a row.

| # | Host | State |
|---|---|---|
${Array.from({length: 300}, (_, index) => `| ${index} | host-${index} | ok |`).join('\n')}
`

/** Korean words, none longer than a line, for a runbook mostly in Korean with English lines (the parser's `mixed`). */
const koreanWords = '배포를 시작하기 전에 데이터베이스 마이그레이션 스크립트와 롤백 계획을 검토하고 모니터링 대시보드에서 오류율과 지연 시간이 정상 범위인지 확인한 다음 담당자에게 진행 상황을 알립니다.'.split(' ')
const mixedRunbook = `# 배포 점검 목록

${[...koreanWords, ...koreanWords, ...koreanWords].join(' ')}

Check the pipeline status in the CI system before you begin.
Confirm that the release notes are published for every service.

- [ ] ${koreanWords.join(' ')}
`

/** A run of the English edition: the first six steps ticked, the deployment date and deployer filled, Success chosen. */
function writeRecord(): string {
  const runbook = readRunbook('examples/production-deploy.md')
  const record = emptyRecord(runbook)
  record.startedAt = '2025-08-21T14:02:00+09:00'
  record.updatedAt = '2025-08-21T15:40:00+09:00'
  const tasks = itemsOf(runbook).filter((item) => item.checked === false)
  tasks.slice(0, 6).forEach((item, index) => (record.items[item.id] = {value: true, at: `2025-08-21T14:1${index}:00+09:00`}))
  walk(runbook, (node) => {
    if (node.type === 'blank' && node.label === 'Deployment date') record.blanks[node.id] = {value: '2025-08-21', at: '2025-08-21T14:03:00+09:00'}
    if (node.type === 'blank' && node.label === 'Deployed by') record.blanks[node.id] = {value: 'Jane Kim', at: '2025-08-21T15:30:00+09:00'}
    if (node.type === 'choice') record.choices[node.id] = {value: 'Success', at: '2025-08-21T15:31:00+09:00'}
  })
  const path = file('run.json')
  writeFileSync(path, JSON.stringify(record, null, 2))
  return path
}

beforeAll(async () => {
  const record = writeRecord()
  writeFileSync(file('not-a-record.json'), JSON.stringify({format: 'runsheet-record/1', items: {}}))
  mkdirSync(file('layout'))
  writeFileSync(file('layout/wide.md'), wideRunbook)
  writeFileSync(file('long-table.md'), longTableRunbook)
  writeFileSync(file('mixed.md'), mixedRunbook)
  const runs: Record<string, string[] | [string[], Record<string, string>]> = {
    ko: ['pdf', seeds[0].path, '--out', seeds[0].pdf],
    en: ['pdf', seeds[1].path, '--out', seeds[1].pdf],
    record: ['pdf', 'examples/production-deploy.md', '--out', file('run.pdf'), '--record', record],
    letter: ['pdf', 'examples/incident/database-failover.md', '--out', file('letter.pdf'), '--paper', 'Letter'],
    book: ['pdf', 'examples/incident', '--out', file('book.pdf')],
    split: ['pdf', 'examples/incident', '--out', file('split'), '--split', '--quiet'],
    site: ['build', 'examples', '--out', file('site'), '--quiet'],
    wide: ['pdf', file('layout/wide.md'), '--out', file('wide.pdf'), '--quiet'],
    longTable: ['pdf', file('long-table.md'), '--out', file('long-table.pdf'), '--quiet'],
    mixed: ['pdf', file('mixed.md'), '--out', file('mixed.pdf'), '--quiet'],
    layoutSite: ['build', file('layout'), '--out', file('layout-site'), '--quiet'],
    noChromium: [['pdf', seeds[0].path, '--out', file('never.pdf')], {CHROMIUM_PATH: '/nonexistent/chromium'}],
    badRecord: ['pdf', seeds[0].path, '--out', file('never.pdf'), '--record', file('not-a-record.json')],
    badPaper: ['pdf', seeds[0].path, '--paper', 'A3'],
    help: ['pdf', '--help']
  }
  const entries = await Promise.all(
    Object.entries(runs).map(async ([name, run]) => {
      const [args, env] = typeof run[0] === 'string' ? [run as string[], {}] : (run as [string[], Record<string, string>])
      return [name, await runsheet(args, env)] as const
    })
  )
  results = Object.fromEntries(entries)
}, 300_000)

describe.each(seeds)('the $name', (seed) => {
  const runbook = readRunbook(seed.path)

  test('prints on A4', () => {
    expect(results[seed === seeds[0] ? 'ko' : 'en']!).toMatchObject({code: 0})
    const info = pdfInfo(seed.pdf)
    expect(Math.abs(info.width - 595)).toBeLessThanOrEqual(1)
    expect(Math.abs(info.height - 842)).toBeLessThanOrEqual(1)
    expect(info.pages).toBeGreaterThan(3)
  })

  test('every step is in it', () => {
    const text = squash(pageTexts(seed.pdf).join('\n'))
    const items = itemsOf(runbook)
    expect(items.length).toBeGreaterThan(100)
    const missing = items.flatMap((item) => textPieces(item.content).filter((piece) => !text.includes(squash(piece))))
    expect(missing).toEqual([])
  })

  test('a print of one file claims nothing about runbooks it cannot see', () => {
    // Printed alone, the file is the whole site: "no other runbook links here" would be false on paper.
    const text = squash(pageTexts(seed.pdf).join('\n'))
    expect(text).not.toContain('No other runbook links here')
    expect(text).not.toContain('이 런북을 링크하는 다른 런북이 없습니다')
  })

  test('every page has the running header (title, version) and X / Y', () => {
    const pages = pageTexts(seed.pdf)
    pages.forEach((page, index) => {
      const header = page.split('\n').find((line) => line.trim() !== '') ?? ''
      expect(header).toContain(runbook.title)
      expect(header).toContain(runbook.version!)
      expect(page).toMatch(new RegExp(`\\b${index + 1} ?/ ?${pages.length}\\s*$`))
      expect(page).toContain(`sha256 ${runbook.source.sha256.slice(0, 12)}`)
    })
    // `X / Y` as printed, spaces included (the layout text may close them up).
    pageWords(seed.pdf).forEach((words, index) => {
      expect(words.join(' ')).toContain(`${index + 1} / ${pages.length}`)
    })
  })

  test('the sign-off block has every label, all on one page', () => {
    const pages = pageWords(seed.pdf)
    const labels = runbook.children.length > 0 ? seed.signoff : []
    const page = pages.findIndex((words) => words.includes(labels[0]!))
    expect(page).toBeGreaterThanOrEqual(0)
    for (const label of labels) expect(pages[page]).toContain(label)
    // Each label of the block is on that page and on no other page near it: the block never splits.
    const signatures: string[] = []
    walk(runbook, (node) => {
      if (node.type === 'signature') for (const field of node.fields) signatures.push(`${field.label}:`)
    })
    expect(signatures.length).toBeGreaterThanOrEqual(4)
    for (const label of signatures) expect(pages[page]!.join(' ')).toContain(label.split(' ').at(-1)!)
    const blockWords = pages[page]!.filter((word) => labels.includes(word as never))
    expect(new Set(blockWords)).toEqual(new Set(labels))
  })

  test('its emoji print as glyphs of an emoji font, not as empty boxes', () => {
    // Chromium embeds colour emoji as a Type 3 font of bitmaps; without an emoji font there is none, and
    // each icon is the text font's empty box.
    expect(JSON.stringify(runbook)).toMatch(/\p{Extended_Pictographic}/u)
    expect(pdfFonts(seed.pdf).some((font) => font.type === 'Type 3')).toBe(true)
  })

  test('no step is split from its command', () => {
    const pages = pageTexts(seed.pdf).map(squash)
    const withCommands = itemsOf(runbook).filter((item) => item.commands.length > 0)
    expect(withCommands.length).toBeGreaterThan(3)
    for (const item of withCommands) {
      const text = squash(textPieces(item.content)[0]!)
      const command = squash(item.commands[0]!.code.split('\n').find((line) => line.trim() !== '')!)
      const together = pages.some((page) => page.includes(text) && page.includes(command))
      expect(together, `${item.text} / ${command}`).toBe(true)
    }
  })
})

test('the Korean seed prints its Korean text in the self-hosted Noto Sans KR, embedded as TrueType outlines, regular and bold', () => {
  // What the site ships, not a font of the machine that printed; a font Chromium can only draw (a variable
  // font) comes out as Type 3 procedures: three times the size, and no font to name.
  const [seed] = seeds
  const fonts = pdfFonts(seed.pdf)
  const noto = fonts.filter((font) => /NotoSansKR/.test(font.name))
  expect(new Set(noto.map((font) => font.type))).toEqual(new Set(['CID TrueType']))
  expect(new Set(noto.map((font) => /-(\w+)$/.exec(font.name)?.[1]))).toEqual(new Set(['Regular', 'Bold']))
  // The machine's own CJK font (the test setup installs Noto Sans CJK) does not stand in for it anywhere.
  expect(fonts.filter((font) => /CJK/i.test(font.name))).toEqual([])
})

describe('the record of a run', () => {
  test('prints the ticks with their times, the filled values and the edition on every page', () => {
    expect(results.record!.code, results.record!.stderr).toBe(0)
    const pages = pageTexts(file('run.pdf'))
    const text = pages.join('\n')
    expect(text.match(/Ticked 21 Aug, \d\d:\d\d/g)?.length).toBe(6)
    // As the operator's clock read them (+09:00), wherever the record is printed.
    expect(text).toContain('Ticked 21 Aug, 14:10')
    expect(text).toContain('Jane Kim')
    expect(text).toMatch(/Deployment date:\s+2025-08-21/)
    expect(pages[0]).toMatch(/Record of a run · started 21 Aug 2025/)
    for (const page of pages) expect(page).toContain('Record of a run')
  })

  test('the blank form prints no ticks and no values', () => {
    const text = pageTexts(seeds[1].pdf).join('\n')
    expect(text).not.toMatch(/Ticked/)
    expect(text).not.toContain('Jane Kim')
    expect(text).not.toContain('Record of a run')
  })
})

describe('a folder', () => {
  test('one PDF with a cover and a contents page whose numbers point at each runbook', () => {
    expect(results.book!.code, results.book!.stderr).toBe(0)
    expect(results.book!.stdout).toMatch(/printed 2 runbooks with a cover and contents/)
    const pages = pageTexts(file('book.pdf'))
    expect(pages[0]).toMatch(/incident/)
    expect(pages[0]).toMatch(/2 runbooks/)
    const entries = [...pages[1]!.matchAll(/^[^\S\n]*(\S.*?\S)[^\S\n]{2,}(\d+)[^\S\n]*$/gm)].map((match) => ({title: match[1]!, page: Number(match[2])}))
    expect(entries.map((entry) => entry.title)).toEqual(['인시던트 런북: PostgreSQL RDS 페일오버', 'Incident runbook: PostgreSQL RDS failover'])
    for (const entry of entries) {
      const page = pages[entry.page - 1]!
      expect(page.split('\n').find((line) => line.trim() !== '')).toContain(entry.title)
      // The chapter's own first page (`1 / N`), then the book's page number: the one the contents give.
      expect(page).toMatch(new RegExp(`\\b1 ?/ ?\\d+\\s+${entry.page}\\s*$`))
      if (entry.page > 3) expect(pages[entry.page - 2]!.split('\n').find((line) => line.trim() !== '')).not.toContain(entry.title)
    }
  })

  test('every page after the cover shows its page in the book, so the contents can be followed', () => {
    const pages = pageTexts(file('book.pdf'))
    expect(pages.length).toBeGreaterThan(4)
    const folios = pages.map((page) => page.trimEnd().split('\n').at(-1)!.trim())
    expect(folios.slice(1)).toEqual(pages.slice(1).map((_, index) => String(index + 2)))
  })

  test('--split gives one PDF per runbook', () => {
    expect(results.split!).toMatchObject({code: 0, stdout: ''})
    for (const name of ['database-failover.pdf', 'database-failover.ko.pdf']) expect(existsSync(join(file('split'), name))).toBe(true)
    expect(pageTexts(join(file('split'), 'database-failover.pdf'))[0]).toContain('Incident runbook: PostgreSQL RDS failover')
  })
})

describe('options and errors', () => {
  test('--paper Letter prints on US Letter', () => {
    expect(results.letter!.code, results.letter!.stderr).toBe(0)
    const info = pdfInfo(file('letter.pdf'))
    expect([info.width, info.height]).toEqual([612, 792])
  })

  test('a missing Chromium is one line naming the install command', () => {
    const {code, stdout, stderr} = results.noChromium!
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^runsheet: no Chromium at \/nonexistent\/chromium: install it with 'sudo apt-get install chromium'/)
  })

  test('a file that is not a run record is one line, before anything is built', () => {
    const {code, stderr} = results.badRecord!
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/is not a run record \(runsheet-record\/1\): runbook: /)
  })

  test('an unknown paper size is a usage error', () => {
    expect(results.badPaper!).toMatchObject({code: 2, stderr: "runsheet: --paper takes A4 or Letter, not 'A3'\n"})
  })

  test('--help', () => {
    expect(results.help!.code).toBe(0)
    expect(results.help!.stdout).toMatch(/^Usage: runsheet pdf FILE\|DIR/)
    expect(results.help!.stdout).toContain('--record FILE')
  })
})

describe('a sign-off line of two signers', () => {
  // `**종료 처리자**: ___ **검토자**: ___`: each signer signs and dates on a line of their own.
  test.each([
    {pdf: 'database-failover.ko.pdf', labels: ['처리자:', '검토자:', '서명:', '날짜:', '시간:'], first: '처리자:', second: '검토자:', sign: '서명:', date: '날짜:', time: '시간:'},
    {pdf: 'database-failover.pdf', labels: ['Closed', 'Reviewed', 'Signature:', 'Date:', 'Time:'], first: 'Closed', second: 'Reviewed', sign: 'Signature:', date: 'Date:', time: 'Time:'}
  ])('prints a signature, date and time line for each, in one block on one page ($pdf)', ({pdf, labels, first, second, sign, date, time}) => {
    expect(results.split!.code, results.split!.stderr).toBe(0)
    const pages = pageWords(join(file('split'), pdf))
    const page = pages.findIndex((words) => words.includes(first))
    expect(page).toBeGreaterThanOrEqual(0)
    const words = pages[page]!
    const block = words.slice(words.indexOf(first)).filter((word) => labels.includes(word)).slice(0, 8)
    expect(block).toEqual([first, sign, date, time, second, sign, date, time])
  })

  test('a line of one signer prints as before: name, signature, date, time', () => {
    const words = pageWords(seeds[0].pdf).find((page) => page.includes('배포자:'))!
    const labels = ['배포자:', '승인자:', '서명:', '날짜:', '시간:']
    const block = words.slice(words.indexOf('배포자:')).filter((word) => labels.includes(word))
    expect(block).toEqual(['배포자:', '서명:', '날짜:', '시간:', '승인자:', '서명:', '날짜:', '시간:'])
  })
})

describe('what is wider or longer than the paper', () => {
  /** The right edge of the text area on A4: 16 mm in from the page's edge (styles/print.css), in points. */
  const rightEdge = 595 - (16 / 25.4) * 72

  test('every character of a long token and every column of a wide table reaches the paper', () => {
    expect(results.wide!.code, results.wide!.stderr).toBe(0)
    const text = squash(drawnText(file('wide.pdf')))
    for (const place of ['prose', 'step', 'url', 'heading', 'cell']) expect(text, place).toContain(token(place))
    expect(text).toContain('Column13')
    expect(text.split('value-13-abcdef')).toHaveLength(4)
    const past = placedWords(file('wide.pdf'))
      .flat()
      .filter((word) => word.xMax > rightEdge + 1)
    expect(past).toEqual([])
  })

  test('the running header is one line, the long title shortened with an ellipsis', () => {
    const topMargin = (22 / 25.4) * 72
    const pages = placedWords(file('wide.pdf'))
    expect(pages.length).toBeGreaterThan(1)
    for (const words of pages) {
      const header = words.filter((word) => word.yMax < topMargin)
      expect(new Set(header.map((word) => Math.round(word.yMin)))).toHaveProperty('size', 1)
      expect(header.map((word) => word.text).join(' ')).toMatch(/^Quarterly failover rehearsal stage0 \S.*… Version 1\.0$/)
    }
  })

  test('a table longer than a page starts under its heading and runs on, its header row on every page', () => {
    expect(results.longTable!.code, results.longTable!.stderr).toBe(0)
    const pages = pageWords(file('long-table.pdf'))
    expect(pages[0]).toContain('Hosts')
    expect(pages[0]).toContain('host-0')
    const withRows = pages.filter((words) => words.some((word) => /^host-\d+$/.test(word)))
    expect(withRows.length).toBeGreaterThan(3)
    for (const words of withRows) expect(words).toContain('Host')
    // Every row printed once: none lost at a page break, none split over two pages.
    const rows = withRows.flat().filter((word) => /^host-\d+$/.test(word))
    expect(rows).toEqual(Array.from({length: 300}, (_, index) => `host-${index}`))
  })

  test('a runbook mostly in Korean, with English lines, keeps its Korean words whole at line ends', () => {
    expect(results.mixed!.code, results.mixed!.stderr).toBe(0)
    const printed = pageWords(file('mixed.pdf')).flat().filter((word) => /\p{Script=Hangul}/u.test(word))
    expect(printed.length).toBeGreaterThan(koreanWords.length * 3)
    const written = new Set([...koreanWords, '배포', '점검', '목록'])
    expect(printed.filter((word) => !written.has(word))).toEqual([])
  })

  describe('laid out for print in the browser', () => {
    const mm = 96 / 25.4
    let layout: {
      owner: {height: number; width: number; rule: string}
      leadIn: string
      note: {labelTop: number; labelRight: number; firstTop: number; lines: number; lastLeft: number}
      emptyRow: number
      unresolved: {color: string; line: string}
    }

    beforeAll(async () => {
      expect(results.layoutSite!.code, results.layoutSite!.stderr).toBe(0)
      const server = await serveStatic(file('layout-site'))
      const browser = await launchChromium()
      try {
        // As wide as A4 between its margins, so that the page lays out as it prints.
        const page = await browser.newPage({viewport: {width: Math.round(169 * mm), height: 900}})
        await page.goto(`${server.origin}/wide/`)
        await page.emulateMedia({media: 'print'})
        layout = await page.evaluate(() => {
          const field = (label: string) => [...document.querySelectorAll('.rs-field')].find((each) => each.querySelector('.rs-field-label')!.textContent === label)!
          const owner = field('Owner').querySelector('.rs-field-value')!
          const noteLabel = field('Note').querySelector('.rs-field-label')!.getBoundingClientRect()
          const noteLines = [...field('Note').querySelector('.rs-field-value')!.getClientRects()]
          const emptyRow = [...document.querySelectorAll('.rs-table tbody tr')].find((row) => row.textContent!.trim() === '')!
          const unresolved = getComputedStyle(document.querySelector('.rs-unresolved')!)
          const line = owner.querySelector('.rs-write-line')
          const leadIn = field('Checks').querySelector('.rs-write-line')
          return {
            owner: {height: owner.getBoundingClientRect().height, width: owner.getBoundingClientRect().width, rule: line ? getComputedStyle(line).borderBottomStyle : 'none'},
            leadIn: leadIn ? getComputedStyle(leadIn).display : 'none',
            note: {labelTop: noteLabel.top, labelRight: noteLabel.right, firstTop: noteLines[0]!.top, lines: noteLines.length, lastLeft: noteLines.at(-1)!.left},
            emptyRow: emptyRow.getBoundingClientRect().height,
            unresolved: {color: unresolved.color, line: unresolved.textDecorationLine}
          }
        })
      } finally {
        await browser.close()
        await server.close()
      }
    }, 60_000)

    test('a field with nothing after its label prints a writing line, as a blank does', () => {
      expect(layout.owner.rule).toBe('solid')
      expect(layout.owner.height).toBeGreaterThanOrEqual(6 * mm)
      expect(layout.owner.width).toBeGreaterThan(40 * mm)
      // One that introduces the list under it is answered there.
      expect(layout.leadIn).toBe('none')
    })

    test('a table row with nothing in it has room to write in', () => {
      // A row of one handwritten line, not the few millimetres of its padding.
      expect(layout.emptyRow).toBeGreaterThanOrEqual(7.5 * mm)
    })

    test('a long value after a bold lead-in reads on from the label and wraps under it', () => {
      expect(Math.abs(layout.note.firstTop - layout.note.labelTop)).toBeLessThan(4)
      expect(layout.note.lines).toBeGreaterThan(1)
      expect(layout.note.lastLeft).toBeLessThan(layout.note.labelRight)
    })

    test('a link to a runbook that is not there prints black, without the wavy line', () => {
      expect(layout.unresolved).toEqual({color: 'rgb(0, 0, 0)', line: 'none'})
    })
  })
})

describe('printing from the browser', () => {
  let server: StaticServer
  let browser: Browser

  beforeAll(async () => {
    expect(results.site!.code, results.site!.stderr).toBe(0)
    server = await serveStatic(file('site'))
    browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  test('what was typed in a blank prints whole, on as many writing lines as it needs, without focus ring or caret', async () => {
    // As wide as A4 between its margins (210 - 25 - 16 mm), so that the page lays out as it prints.
    const page = await browser.newPage({viewport: {width: Math.round((169 / 25.4) * 96), height: 900}})
    await page.goto(`${server.origin}/production-deploy.ko/`)
    await page.locator('[data-runbar]:not([hidden])').waitFor()
    const remark = '배포 중 결제 서비스의 응답 지연이 일시적으로 증가하였으나 캐시 재적재 후 정상화되었으며 추가 조치는 다음 주 정기 점검에서 진행할 예정입니다'
    const contact = '010-1234-5678 / devops-lead@example.com'
    await page.getByLabel('비고', {exact: true}).fill(remark)
    await page.getByLabel('DevOps 리드 · 이름').fill('김하늘')
    // Left focused: paper shows the value, not the cursor in it.
    await page.getByLabel('DevOps 리드 · 연락처').fill(contact)
    await page.emulateMedia({media: 'print'})
    const pdf = file('typed.pdf')
    await page.pdf({path: pdf, format: 'A4'})
    const text = squash(drawnText(pdf))
    expect(text).toContain(squash(remark))
    expect(text).toContain(squash(contact))

    // In lines of 6.5 mm: an empty blank and a short value one writing line as before, the long remark more.
    const line = (6.5 / 25.4) * 96
    const lines = await page.evaluate(() =>
      Object.fromEntries(
        ['비고', 'DevOps 리드 · 이름', '백엔드 리드 · 이름'].map((label) => [label, document.querySelector(`[aria-label="${label}"]`)!.parentElement!.getBoundingClientRect().height])
      )
    )
    expect(lines['비고']! / line).toBeGreaterThanOrEqual(1.9)
    expect(lines['DevOps 리드 · 이름']! / line).toBeCloseTo(1, 1)
    expect(lines['백엔드 리드 · 이름']! / line).toBeCloseTo(1, 1)
    const focused = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!)
      return {label: document.activeElement!.getAttribute('aria-label'), outline: style.outlineStyle, caret: style.caretColor}
    })
    expect(focused).toEqual({label: 'DevOps 리드 · 연락처', outline: 'none', caret: 'rgba(0, 0, 0, 0)'})
    await page.close()
  })
})
