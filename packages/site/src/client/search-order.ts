/**
 * The order the search box shows Pagefind's results in, decided before any result's data is loaded: the
 * index's `lang` filter tells which results are in the preferred language, so they come first (each group
 * in Pagefind's rank order) however far down Pagefind ranked them, and only the results shown are loaded.
 */

/** A result of Pagefind's search, as far as its order needs. */
export interface RankedResult {
  id: string
}

export interface ResultsShownOptions {
  /** Results of the index's parts that an overlay holds newer ones for (or whose pages are gone). */
  hidden: ReadonlySet<string>
  /** Results an overlay holds again unchanged: shown once. */
  once: ReadonlySet<string>
  /** The results in the preferred language. */
  preferred: ReadonlySet<string>
}

/** `results` (in rank order) as shown: those hidden left out, the once-only ones once, the preferred language first. */
export function resultsShown<Result extends RankedResult>(results: readonly Result[], {hidden, once, preferred}: ResultsShownOptions): Result[] {
  const seen = new Set<string>()
  const visible = results.filter(({id}) => {
    if (hidden.has(id) || (once.has(id) && seen.has(id))) return false
    seen.add(id)
    return true
  })
  return [...visible.filter(({id}) => preferred.has(id)), ...visible.filter(({id}) => !preferred.has(id))]
}
