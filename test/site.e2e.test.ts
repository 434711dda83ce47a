/**
 * The examples site in a real browser: navigation and cross-links, languages, search in Korean and
 * English, run mode (tick, reload, export), accessibility, and a page that works without JavaScript.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'
import {axeSource, launchChromium, runsheet, seriousAxeViolations, tempDir, type CliResult} from './site-helpers.js'

let out: string
let build: CliResult
let server: StaticServer
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  out = join(tempDir('runsheet-examples-'), 'site')
  build = await runsheet(['build', 'examples', '--out', out, '--lang', 'en'])
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
  server = await serveStatic(out)
  browser = await launchChromium()
  context = await browser.newContext({viewport: {width: 1280, height: 900}, acceptDownloads: true})
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function open(path: string): Promise<Page> {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(server.origin + path)
  ;(page as Page & {errors: string[]}).errors = errors
  return page
}

describe('the build', () => {
  test('reports success, with a search index at /pagefind/', () => {
    expect(build.stdout).toMatch(/built 12 runbooks into .* with a search index/)
    expect(build.stderr).not.toMatch(/unresolved-link/)
    expect(readFileSync(join(out, 'pagefind/pagefind.js'), 'utf8').length).toBeGreaterThan(1000)
  })

  test('the pages\' scripts carry no markdown or YAML reader: run mode writes markdown, it never parses it', () => {
    const scripts = readdirSync(join(out, '_astro')).filter((file) => file.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(0)
    for (const file of scripts) {
      const code = readFileSync(join(out, '_astro', file), 'utf8')
      // A message of mdast-util-from-markdown's and one of yaml's: either would mean the parser came along.
      expect(code, file).not.toContain('Cannot close')
      expect(code, file).not.toContain('Nested mappings are not allowed')
    }
  })

  test('a runbook page is lean: each step id written once, its model beside it, styles and scripts shared', () => {
    const html = readFileSync(join(out, 'production-deploy.ko/index.html'), 'utf8')
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(100 * 1024)
    const ids = [...html.matchAll(/<li class="rs-item" id="([^"]*)"/g)].map((match) => match[1]!)
    expect(ids.length).toBe(116)
    expect(ids.filter((id) => html.split(`"${id}"`).length !== 2)).toEqual([])
    expect(html).not.toContain('data-runbook-model')
    expect(html).toContain('data-run-model="/production-deploy.ko/runbook.json"')
    const model = JSON.parse(readFileSync(join(out, 'production-deploy.ko/runbook.json'), 'utf8'))
    expect(model.source.path).toBe('production-deploy.ko.md')
    // One <style>, the page's running header in print; every stylesheet and module script is a shared file.
    expect(html.match(/<style\b[^>]*>/g)).toEqual(['<style media="print" data-print-page>'])
    expect(html.match(/<link rel="stylesheet" href="\/_astro\/[^"]+\.css">/g)?.length).toBeGreaterThan(0)
    expect(html.match(/<script type="module"(?! src="\/_astro\/)/g)).toBeNull()
  })

  test('the font ships as WOFF2 only', () => {
    const assets = readdirSync(join(out, '_astro'))
    expect(assets.filter((name) => name.endsWith('.woff2')).length).toBeGreaterThan(0)
    expect(assets.filter((name) => name.endsWith('.woff'))).toEqual([])
    for (const css of assets.filter((name) => name.endsWith('.css'))) expect(readFileSync(join(out, '_astro', css), 'utf8')).not.toMatch(/format\(["']woff["']\)/)
  })

  test('a runbook page does not list the whole site', () => {
    const html = readFileSync(join(out, 'incident/database-failover/index.html'), 'utf8')
    expect(html).not.toContain('/docs/api/API_DOCUMENTATION/')
    expect(html).not.toContain('/docs/sdlc/knowledge-database/architecture.ko/')
  })
})

describe('navigation', () => {
  test('home → runbook → cross-link → backlink → language switch', async () => {
    const page = await open('/')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.getByRole('link', {name: 'Troubleshooting guide', exact: true}).click()
    await page.waitForURL('**/docs/TROUBLESHOOTING/')
    expect(await page.locator('h1').textContent()).toBe('Troubleshooting guide')

    // A relative link with a GitHub anchor lands on the section of the other runbook.
    await page.locator('a[href="/production-deploy/#rollback-procedure"]').first().click()
    await page.waitForURL('**/production-deploy/#rollback-procedure')
    expect(await page.locator('section#rollback-procedure').evaluate((element) => element.matches(':target'))).toBe(true)
    expect(await page.locator('#rollback-procedure h2').textContent()).toContain('Rollback procedure')

    // Referenced by: back to the troubleshooting guide.
    const backlinks = page.locator('[data-backlinks] a')
    expect(await backlinks.allTextContents()).toContain('Troubleshooting guide')
    await backlinks.filter({hasText: 'Troubleshooting guide'}).click()
    await page.waitForURL('**/docs/TROUBLESHOOTING/')

    // Language switch, both ways, with hreflang alternates and <html lang>.
    expect(await page.getAttribute('link[rel=alternate][hreflang=ko]', 'href')).toBe('/docs/TROUBLESHOOTING.ko/')
    await page.locator('[data-lang-switch=ko]').click()
    await page.waitForURL('**/docs/TROUBLESHOOTING.ko/')
    expect(await page.getAttribute('html', 'lang')).toBe('ko')
    expect(await page.getAttribute('link[rel=alternate][hreflang=en]', 'href')).toBe('/docs/TROUBLESHOOTING/')
    expect(await page.locator('.rs-site-header').textContent()).toContain('한국어')
    await page.locator('[data-lang-switch=en]').click()
    await page.waitForURL('**/docs/TROUBLESHOOTING/')
    await page.close()
  })

  test('GitHub anchors and model ids both land', async () => {
    const page = await open('/production-deploy.ko/#-롤백-절차')
    expect(await page.evaluate(() => document.querySelector(':target')?.closest('section')?.id)).toBe('롤백-절차')
    const itemId = await page.locator('#롤백-절차 li[data-item]').first().getAttribute('id')
    expect(itemId).toMatch(/^문제-발견-시--/)
    await page.goto(`${server.origin}/production-deploy.ko/#${encodeURIComponent(itemId!)}`)
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('LI')
    await page.close()
  })

  test('file links show their repository path; external links open with rel=noopener', async () => {
    const page = await open('/production-deploy/')
    const file = page.locator('[data-link=file][data-path="scripts/rollback.sh"]').first()
    expect(await file.textContent()).toContain('scripts/rollback.sh')
    const external = page.locator('a[data-link=external]').first()
    expect(await external.getAttribute('rel')).toBe('noopener')
    expect(await page.locator('a[href=""], a:not([href])').count()).toBe(0)
    await page.close()
  })

  test('the home page lists every runbook by folder and language, and filters', async () => {
    const page = await open('/ko/')
    expect(await page.getAttribute('html', 'lang')).toBe('ko')
    expect(await page.locator('[data-runbook-card]').count()).toBe(12)
    expect(await page.locator('.rs-group-title').allTextContents()).toEqual(['최상위', 'docs/', 'docs/api/', 'docs/sdlc/knowledge-database/', 'incident/'])
    const card = page.locator('[data-runbook-card="production-deploy.ko.md"]')
    expect(await card.textContent()).toMatch(/1\.0\.0.*2025.*항목 116개.*롤백/s)
    await page.fill('[id="rs:filter-input"]', 'failover')
    expect(await page.locator('[data-runbook-card]:visible').count()).toBe(2)
    await page.fill('[id="rs:filter-input"]', '롤백')
    expect(await page.locator('[data-runbook-card]:visible').count()).toBeGreaterThan(2)
    await page.close()
  })
})

describe('home page cards', () => {
  test('name each count for a screen reader in the page\'s language, without a bare counter word', async () => {
    const page = await open('/ko/')
    const card = page.locator('[data-runbook-card="production-deploy.ko.md"]')
    expect(await card.locator('.rs-card-facts dt.rs-sr-only').allTextContents()).toEqual(['항목', '빈칸', '명령'])
    expect(await card.locator('.rs-card-facts dd').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^항목 \d+개$/)]))
    await page.close()
  })
})

describe('a missing address', () => {
  test('answers 404 with a page in each language that leads home and searches, at any depth', async () => {
    expect(readdirSync(out)).toContain('404.html')
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const response = await page.goto(`${server.origin}/incident/moved-runbook/deeper/`)
    expect(response?.status()).toBe(404)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.title()).toBe('Page not found · Runsheet')
    expect(await page.getAttribute('meta[name=robots]', 'content')).toBe('noindex')
    expect(await page.locator('h1').textContent()).toBe('Page not found')
    expect(await page.locator('section[lang=ko] h2').textContent()).toBe('페이지를 찾을 수 없습니다')
    // Absolute links: the page is shown at whatever depth the missing address had.
    expect(await page.locator('a.rs-not-found-home').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/', '/ko/'])
    // Styled and scripted from the site's root, not from the missing address's folder.
    expect(await page.locator('main').evaluate((main) => getComputedStyle(main).maxWidth)).not.toBe('none')
    await page.fill('[id="rs:search-input"]', 'rollback')
    await page.waitForSelector('.rs-search-list a')
    expect(await page.locator('.rs-search-list a').first().getAttribute('href')).toMatch(/^\//)
    await page.locator('a.rs-not-found-home[hreflang=ko]').click()
    await page.waitForURL(`${server.origin}/ko/`)
    expect(errors).toEqual([])
    await page.close()
  })

  test('axe finds no serious or critical violations on it', async () => {
    const page = await open('/no/such/page/')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.close()
  })
})

describe('search', () => {
  async function search(page: Page, query: string): Promise<string> {
    await page.fill('[id="rs:search-input"]', query)
    await page.waitForFunction(() => document.querySelector('.rs-search-list') !== null || /없습니다|No results/.test(document.querySelector('.rs-search-results')?.textContent ?? ''))
    return (await page.locator('.rs-search-results').innerText()).replace(/\s+/g, ' ')
  }

  /** Every page and section the index returns for a query, straight from Pagefind. */
  async function indexHits(page: Page, query: string): Promise<{url: string; title: string; sections: {title: string; excerpt: string}[]}[]> {
    // A string, so the test runner leaves the browser's dynamic import alone.
    return page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js')
      await pagefind.options({baseUrl: '/'})
      const found = await pagefind.search(${JSON.stringify(query)})
      const data = await Promise.all(found.results.map((result) => result.data()))
      return data.map((each) => ({
        url: each.url,
        title: each.meta.title,
        sections: each.sub_results.map((sub) => ({title: sub.title, excerpt: sub.excerpt}))
      }))
    })()`)
  }

  test('Korean stems are found inside words with particles and suffixes', async () => {
    const page = await open('/production-deploy.ko/')
    const seed = (hits: Awaited<ReturnType<typeof indexHits>>) => hits.find((hit) => hit.url === '/production-deploy.ko/')
    const rollback = seed(await indexHits(page, '롤백'))
    expect(rollback?.sections.some((section) => /<mark>[^<]*롤백<\/mark> 실행:/.test(section.excerpt))).toBe(true)
    const certificate = seed(await indexHits(page, '인증서'))
    expect(certificate?.sections.some((section) => section.excerpt.includes('SSL <mark>인증서</mark> 준비됨'))).toBe(true)
    const deploy = seed(await indexHits(page, '배포'))
    expect(deploy?.sections.some((section) => section.excerpt.includes('<mark>배포자</mark>'))).toBe(true)

    // The search box names the runbook and the section.
    const text = await search(page, '롤백')
    expect(text).toContain('프로덕션 배포 체크리스트')
    expect(text).toContain('문제 발견 시:')
    expect(text).toContain('롤백 실행:')
    await page.locator('.rs-search-section', {hasText: '문제 발견 시:'}).first().click()
    await page.waitForURL(/production-deploy\.ko\/#/)
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#문제-발견-시')
    await page.close()
  })

  test('English queries find English runbooks and sections', async () => {
    const page = await open('/')
    const text = await search(page, 'rollback')
    expect(text).toContain('Production deployment checklist')
    expect(text).toContain('Rollback procedure')
    const none = await search(page, 'zzyzxnotaword')
    expect(none).toContain('No results')
    await page.close()
  })
})

describe('run mode', () => {
  test('tick → reload → still ticked → exported as markdown and JSON', async () => {
    const page = await open('/production-deploy/')
    const item = page.locator('#rollback-procedure li[data-item]').first()
    const id = (await item.getAttribute('id'))!
    // The step's id is on its <li> only; its box is the one on its line.
    const boxOf = (step: string) => page.locator(`li[id="${step}"] > .rs-item-line input[data-check]`)
    const box = boxOf(id)
    await box.check()
    await page.locator('input[data-blank][id="header--deployment-owner"]').fill('Kim Operator')
    await page.locator('fieldset[data-choice] input[value="Success"]').check()
    expect(await page.locator('[data-run-count]').textContent()).toBe('1 / 116 done')
    expect(await page.locator('.rs-toc [data-progress=rollback-procedure] [data-done]').textContent()).toBe('1')

    await page.reload()
    expect(await boxOf(id).isChecked()).toBe(true)
    expect(await item.getAttribute('data-checked')).toBe('true')
    expect(await page.locator(`[id="${id}"] [data-tick-time]`).isVisible()).toBe(true)
    expect(await page.locator('input[data-blank][id="header--deployment-owner"]').inputValue()).toBe('Kim Operator')

    const [markdownDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=markdown]').click()])
    const markdown = readFileSync((await markdownDownload.path())!, 'utf8')
    const text = (await item.locator('.rs-item-text').textContent())!.replace(/^\d+\.\s*/, '').trim()
    expect(markdown).toContain(`[x] ${text}`)
    expect(markdown).toContain('Kim Operator')
    expect(markdown).toMatch(/\[x\] Success/)

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=json]').click()])
    const record = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'))
    expect(record.format).toBe('runsheet-record/1')
    expect(record.runbook.path).toBe('production-deploy.md')
    expect(record.items[id].value).toBe(true)
    expect(Number.isNaN(Date.parse(record.items[id].at))).toBe(false)
    expect(record.blanks['header--deployment-owner'].value).toBe('Kim Operator')

    page.once('dialog', (dialog) => void dialog.accept())
    await page.locator('[data-reset]').click()
    expect(await boxOf(id).isChecked()).toBe(false)
    await page.reload()
    expect(await boxOf(id).isChecked()).toBe(false)
    expect((page as Page & {errors: string[]}).errors).toEqual([])
    await page.close()
  })

  test('a run under way on the other language’s edition is pointed to from an edition with no run of its own', async () => {
    const korean = await open('/production-deploy.ko/')
    await korean.locator('li[data-item] > .rs-item-line input[data-check]').first().check()
    const english = await open('/production-deploy/')
    const pointer = english.locator('[data-run-edition]')
    await expect.poll(() => pointer.isVisible()).toBe(true)
    expect(await pointer.textContent()).toContain('A run of this runbook is under way on its 한국어 edition')
    expect(await pointer.locator('a').getAttribute('href')).toBe('/production-deploy.ko/')
    // The Korean page, with its run, points nowhere; the English page, once its own run begins, neither.
    expect(await korean.locator('[data-run-edition]').isVisible()).toBe(false)
    // It follows the other edition's run as it changes in another tab: reset there, it goes; begun again, it comes back.
    korean.once('dialog', (dialog) => void dialog.accept())
    await korean.locator('[data-reset]').click()
    await expect.poll(() => pointer.isVisible()).toBe(false)
    await korean.locator('li[data-item] > .rs-item-line input[data-check]').first().check()
    await expect.poll(() => pointer.isVisible()).toBe(true)
    await english.locator('li[data-item] > .rs-item-line input[data-check]').first().check()
    expect(await pointer.isVisible()).toBe(false)
    for (const page of [korean, english]) {
      page.once('dialog', (dialog) => void dialog.accept())
      await page.locator('[data-reset]').click()
      await page.close()
    }
  })

  test('a Markdown export that cannot fetch the model says so in the run notice and on its button, and works once the model loads; the JSON export still works', async () => {
    const page = await open('/production-deploy/')
    await page.route('**/runbook.json', (route) => route.abort())
    await page.locator('li[data-item] input[data-check]').first().check()
    const button = page.locator('[data-export=markdown]')
    await button.click()
    await expect.poll(() => button.getAttribute('data-state')).toBe('failed')
    // Said in words too, where the run's notices are read out (role=status), not by a colour alone.
    await expect.poll(() => page.locator('[data-run-notice]').textContent()).toMatch(/Markdown export needs this runbook's text.*Export JSON holds the whole run/)
    await page.unroute('**/runbook.json')
    const [markdown] = await Promise.all([page.waitForEvent('download'), button.click()])
    expect(readFileSync((await markdown.path())!, 'utf8')).toMatch(/^- \[x\] /m)
    expect(await page.locator('[data-run-notice]').isHidden()).toBe(true)
    expect(await button.getAttribute('data-state')).toBeNull()
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=json]').click()])
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8')).format).toBe('runsheet-record/1')
    page.once('dialog', (dialog) => void dialog.accept())
    await page.locator('[data-reset]').click()
    expect((page as Page & {errors: string[]}).errors).toEqual([])
    await page.close()
  })

  test('a refused import is said in the page\'s language, the reason included', async () => {
    const page = await open('/production-deploy.ko/')
    const dir = tempDir('runsheet-import-')
    const files: [string, string, RegExp][] = [
      ['broken.json', '{', /^broken\.json은\(는\) Runsheet 실행 기록이 아니어서 가져오지 않았습니다: JSON 파일이 아닙니다$/],
      ['notes.json', '{"format": "runsheet-record/1"}', /^notes\.json은\(는\) Runsheet 실행 기록이 아니어서 가져오지 않았습니다: runbook 항목이 실행 기록 형식에 맞지 않습니다$/]
    ]
    for (const [name, text, notice] of files) {
      writeFileSync(join(dir, name), text)
      await page.locator('input[data-import-file]').setInputFiles(join(dir, name))
      await expect.poll(() => page.locator('[data-run-notice]').textContent()).toMatch(notice)
    }
    await page.close()
  })

  test('without JavaScript the page is a complete runbook, without run controls', async () => {
    const plain = await browser.newContext({javaScriptEnabled: false})
    const page = await plain.newPage()
    await page.goto(`${server.origin}/production-deploy.ko/`)
    expect(await page.locator('input[type=checkbox][data-check]').count()).toBe(116)
    expect(await page.locator('[data-runbar]').isVisible()).toBe(false)
    expect(await page.locator('pre code').first().textContent()).toContain('terraform plan')
    expect(await page.locator('.rs-signature').count()).toBeGreaterThan(0)
    await plain.close()
  })
})

describe('accessibility', () => {
  for (const path of ['/', '/ko/', '/production-deploy.ko/', '/incident/database-failover/']) {
    test(`axe finds no serious or critical violations on ${path}`, async () => {
      const page = await open(path)
      expect(await seriousAxeViolations(page)).toEqual([])
      await page.close()
    })
  }

  test('the landmarks are few and named apart, however many sections share a name', async () => {
    const page = await open('/production-deploy.ko/')
    // The seed repeats section names (확인 under several phases): sections are no landmarks of their own.
    expect(await page.locator('section.rs-section[aria-labelledby], section.rs-section[aria-label]').count()).toBe(0)
    await page.evaluate(readFileSync(axeSource, 'utf8'))
    const unique = await page.evaluate(async () => {
      const axe = (window as unknown as {axe: {run: (options: unknown) => Promise<{violations: {id: string}[]}>}}).axe
      return (await axe.run({runOnly: ['landmark-unique']})).violations.map((each) => each.id)
    })
    expect(unique).toEqual([])
    // Each sign-off is a group named by its signers, so the deployer's and the approver's are told apart.
    expect(await page.locator('.rs-signature').evaluateAll((groups) => groups.map((group) => group.getAttribute('aria-label')))).toEqual(['서명: 배포자', '서명: 승인자'])
    await page.close()
  })
})
