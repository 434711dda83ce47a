import {accessSync, constants, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'
import {UsageError} from '@runsheet/parser/cli-kit'

/** Debian's Chromium, or `$CHROMIUM_PATH`. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium'
}

/** The browser's path, or a one-line error naming the package that provides it. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = chromiumPath(env)
  try {
    accessSync(path, constants.X_OK)
  } catch {
    throw new UsageError(
      `no Chromium at ${path}: install it with 'sudo apt-get install chromium' (or set CHROMIUM_PATH to a Chromium binary)`,
      1
    )
  }
  return path
}

/** Quiet, headless, no network chatter: the browser only ever talks to the local server. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export interface PrintBrowser {
  context: BrowserContext
  close(): Promise<void>
}

/** Starts headless Chromium with a fresh profile, removed again on close. */
export async function launchPrintBrowser(): Promise<PrintBrowser> {
  const executablePath = requireChromium()
  const profile = mkdtempSync(join(tmpdir(), 'runsheet-chromium-'))
  try {
    const context = await chromium.launchPersistentContext(profile, {executablePath, args: chromiumArgs, headless: true, viewport: {width: 900, height: 1200}})
    return {
      context,
      async close() {
        await context.close().catch(() => undefined)
        rmSync(profile, {recursive: true, force: true})
      }
    }
  } catch (error) {
    rmSync(profile, {recursive: true, force: true})
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new Error(`could not start Chromium at ${executablePath}: ${message}`)
  }
}
