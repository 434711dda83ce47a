import {accessSync, constants} from 'node:fs'
import {join} from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'
import {UsageError} from '@runsheet/parser/cli-kit'
import {shortScratchFolder} from '../cli/scratch.js'

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

/**
 * Starts headless Chromium with a fresh profile, removed again on close or any exit. Chromium also puts its
 * own temp files (its profile's lock socket among them) under TMPDIR: it gets the profile's folder as its
 * TMPDIR, so nothing of it is left in the user's, and a deep TMPDIR cannot make the socket's path too long.
 */
export async function launchPrintBrowser(): Promise<PrintBrowser> {
  const executablePath = requireChromium()
  const scratch = shortScratchFolder('rs-chromium')
  const profile = join(scratch.path, 'profile')
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      args: chromiumArgs,
      headless: true,
      viewport: {width: 900, height: 1200},
      env: {...process.env, TMPDIR: scratch.path}
    })
    return {
      context,
      async close() {
        await context.close().catch(() => undefined)
        scratch.remove()
      }
    }
  } catch (error) {
    scratch.remove()
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new Error(`could not start Chromium at ${executablePath}: ${message}`)
  }
}
