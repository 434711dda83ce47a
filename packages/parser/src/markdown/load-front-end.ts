import {type FrontEnd, remarkFrontEnd} from './front-end.js'
import {type SatteriModule, satteriFrontEnd} from './satteri.js'

/** The front ends by name: `auto` is satteri where it is installed and loads, remark elsewhere. */
export const frontEndNames = ['auto', 'remark', 'satteri'] as const

export type FrontEndName = (typeof frontEndNames)[number]

/** Thrown by `loadFrontEnd('satteri')` where satteri is not installed (or has no build for this platform). */
export class FrontEndUnavailableError extends Error {
  constructor(name: string, cause: unknown) {
    super(`the ${name} front end needs ${name}: npm install ${name}`, {cause})
    this.name = 'FrontEndUnavailableError'
  }
}

let satteri: Promise<SatteriModule | undefined> | undefined

/**
 * satteri, the native markdown parser, once per process, or undefined where it does not load. It is an
 * optional peer dependency, imported by a name in a variable so that no bundler resolves it ahead: in a
 * browser it is simply not there.
 */
function satteriModule(): Promise<SatteriModule | undefined> {
  const specifier = 'satteri'
  satteri ??= import(/* @vite-ignore */ specifier).then(
    (module: SatteriModule) => (typeof module.markdownToMdast === 'function' ? module : undefined),
    () => undefined
  )
  return satteri
}

/**
 * The front end of a name. Both give the same model (`satteri.test.ts` proves it on every example and
 * corpus file and on generated documents), so `auto` takes the faster where it can: a runbook of 1 MB
 * reads in a few hundred milliseconds with satteri, in seconds with remark.
 */
export async function loadFrontEnd(name: FrontEndName = 'auto'): Promise<FrontEnd> {
  if (name === 'remark') return remarkFrontEnd
  const module = await satteriModule()
  if (module) return satteriFrontEnd(module)
  if (name === 'satteri') throw new FrontEndUnavailableError('satteri', undefined)
  return remarkFrontEnd
}

/** Whether a string names a front end (for flags and options read from users). */
export function isFrontEndName(name: unknown): name is FrontEndName {
  return typeof name === 'string' && (frontEndNames as readonly string[]).includes(name)
}
