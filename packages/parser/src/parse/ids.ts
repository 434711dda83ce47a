/** One namespace for every section and item id of a runbook: they share one page in the site. */
export class IdRegistry {
  readonly #used = new Set<string>()
  /** Per base, the suffix to try first: the ones below it are taken, and ids are never given back. */
  readonly #nextSuffix = new Map<string, number>()

  has(id: string): boolean {
    return this.#used.has(id)
  }

  /** `base` when free, else `base-2`, `base-3`…; the second value says whether a suffix was needed. */
  claim(base: string): [id: string, suffixed: boolean] {
    // One lookup for an id not taken yet, nearly every one: added, the set grew.
    const size = this.#used.size
    if (this.#used.add(base).size > size) return [base, false]
    // Counting up from 2 on every claim would make a label repeated n times (`날짜` on each line of a
    // sign-off sheet) cost n² lookups.
    let n = this.#nextSuffix.get(base) ?? 2
    let id = `${base}-${n}`
    while (this.#used.has(id)) id = `${base}-${++n}`
    this.#used.add(id)
    this.#nextSuffix.set(base, n + 1)
    return [id, true]
  }
}
