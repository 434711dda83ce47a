/** One namespace for every section and item id of a runbook: they share one page in the site. */
export class IdRegistry {
  readonly #used = new Set<string>()

  has(id: string): boolean {
    return this.#used.has(id)
  }

  /** `base` when free, else `base-2`, `base-3`…; the second value says whether a suffix was needed. */
  claim(base: string): [id: string, suffixed: boolean] {
    if (!this.#used.has(base)) {
      this.#used.add(base)
      return [base, false]
    }
    let n = 2
    while (this.#used.has(`${base}-${n}`)) n++
    const id = `${base}-${n}`
    this.#used.add(id)
    return [id, true]
  }
}
