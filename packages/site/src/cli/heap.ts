import {setFlagsFromString} from 'node:v8'

/** From this many runbooks, a build favours memory over speed (`favourSmallHeap`). */
export const smallHeapFrom = 2000

/**
 * For a site of `runbooks` runbooks from `smallHeapFrom` on, asks V8 to grow this process's heap by at
 * most a quarter over what each full collection leaves alive. By default V8 lets it grow to about twice
 * that between collections: at 5 000 runbooks, whose models and pages keep about 1.1 GB alive, a build
 * peaked at 2.2–2.8 GB, and at 1.5–1.6 GB with this (bench/RESULTS.md). Collecting more often costs time: 1–2 s
 * of a 20 s build of 1 000 runbooks, which peaks at 0.7 GB either way, so smaller sites keep V8's default.
 *
 * A process-wide setting, so only the `runsheet build` command makes it, never the library; and before the
 * build allocates: set once the heap had grown, it made the peak larger, not smaller.
 */
export function favourSmallHeap(runbooks: number): void {
  if (runbooks >= smallHeapFrom) setFlagsFromString('--heap-growing-percent=25')
}
