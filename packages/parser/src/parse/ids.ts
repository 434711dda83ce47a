/**
 * One namespace for every section and item id of a runbook: they share one page in the site.
 *
 * Ids are claimed as a name within a scope, `scope--name` (a step `확인` in section `배포` is `배포--확인`), and
 * kept by scope: a long runbook has tens of thousands of ids, and one set of them all (its entries
 * scattered over the heap, each id a string to join and hash whole) cost a tenth of building the model.
 * Every id is kept under the scope before its last `--`, whichever way it was claimed, so two claims that
 * spell one id always meet.
 */
export class IdRegistry {
  /** Per scope (null for ids without `--`), the names taken in it. */
  readonly #scopes = new Map<string | null, Set<string>>()
  /** Per scope and name, the suffix to try first: the ones below it are taken, and ids are never given back. */
  readonly #nextSuffix = new Map<string | null, Map<string, number>>()

  /** Whether the id `scope--name` (`name`, without a scope) is taken. */
  has(name: string, scope = ''): boolean {
    const [inScope, last] = placeOf(name, scope === '' ? null : scope)
    return this.#scopes.get(inScope)?.has(last) ?? false
  }

  /** The id `scope--name` (`name`, without a scope) when free, else with a suffix: `-2`, `-3`…. */
  claim(name: string, scope = ''): string {
    const [inScope, last] = placeOf(name, scope === '' ? null : scope)
    if (this.#take(inScope, last)) return idOf(inScope, last)
    // Counting up from 2 on every claim would make a label repeated n times (`날짜` on each line of a
    // sign-off sheet) cost n² lookups.
    let suffixes = this.#nextSuffix.get(inScope)
    if (!suffixes) this.#nextSuffix.set(inScope, (suffixes = new Map()))
    let n = suffixes.get(last) ?? 2
    // A suffixed name is placed as any: `b-` and `-2` make `b--2`, another scope's.
    while (!this.#take(...placeOf(`${last}-${n}`, inScope))) n++
    suffixes.set(last, n + 1)
    return idOf(inScope, `${last}-${n}`)
  }

  /** The scope claimed in last, and its names: the steps of a section are claimed one after the other. */
  #lastScope: string | null | undefined
  #lastNames: Set<string> | undefined

  /** Takes `name` in `scope` when free; whether it was. */
  #take(scope: string | null, name: string): boolean {
    let names = this.#lastScope === scope ? this.#lastNames : this.#scopes.get(scope)
    if (!names) this.#scopes.set(scope, (names = new Set()))
    this.#lastScope = scope
    this.#lastNames = names
    // One lookup: added, the set grew.
    const size = names.size
    return names.add(name).size > size
  }
}

function idOf(scope: string | null, name: string): string {
  return scope === null ? name : `${scope}--${name}`
}

/**
 * Where the id `scope--name` is kept: the scope before its last `--`, and the rest. Most names hold no
 * `--` and begin with no `-` (slugs never do), and then that is `scope` and `name` as they are, no id
 * spelled out; a suffix (`-2`) keeps it so.
 */
function placeOf(name: string, scope: string | null): [scope: string | null, name: string] {
  if (name.charCodeAt(0) !== dash && !name.includes('--')) return [scope, name]
  const id = idOf(scope, name)
  const cut = id.lastIndexOf('--')
  return cut === -1 ? [null, id] : [id.slice(0, cut), id.slice(cut + 2)]
}

const dash = 0x2d
