/**
 * Shared pieces of the Content-Security-Policy tests: the policy a built page carries, and the violations
 * Chromium reports, both as `securitypolicyviolation` events and as console errors.
 */
import type {BrowserContext, Page} from 'playwright-core'

/** The page's `<meta http-equiv="content-security-policy">` as its directives and their sources, or null. */
export function cspOf(html: string): Record<string, string[]> | null {
  const match = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)
  if (!match) return null
  const content = match[1]!.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  const directives: Record<string, string[]> = {}
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    // A repeated directive is ignored by browsers: only the first counts.
    if (name && !(name in directives)) directives[name] = sources
  }
  return directives
}

const consoleViolations = new WeakMap<Page, string[]>()

/**
 * Records every violation on the context's pages: the events, from an init script (which the page's policy
 * does not govern), and the browser's console errors, which outlive a navigation.
 */
export async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', {value: seen})
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`)
    })
  })
  context.on('console', (message) => {
    const page = message.page()
    if (!page || !/Content Security Policy/i.test(message.text())) return
    const list = consoleViolations.get(page) ?? []
    list.push(message.text())
    consoleViolations.set(page, list)
  })
}

/** The violations reported on the page so far: events since its last navigation, console errors since it opened. */
export async function violationsOf(page: Page): Promise<string[]> {
  const read = () => page.evaluate(() => [...((window as unknown as {__cspViolations?: string[]}).__cspViolations ?? [])])
  // A click may have started a navigation: read the new page once it has loaded.
  const events = await read().catch(async () => {
    await page.waitForLoadState()
    return read()
  })
  return [...events, ...(consoleViolations.get(page) ?? [])]
}
