/**
 * localStorage that never throws (private windows, full quota, blocked storage): a run then lasts the visit,
 * and `set` says whether it was kept, so that the page can tell the operator it was not.
 */
export const storage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key)
    } catch {
      return null
    }
  },
  /** Whether the browser kept the value: false when storage is blocked or full. */
  set(key: string, value: string): boolean {
    try {
      window.localStorage.setItem(key, value)
      return true
    } catch {
      // Not saved: the page still works for this visit.
      return false
    }
  },
  /** Every key that starts with `prefix`. */
  keysStartingWith(prefix: string): string[] {
    const keys: string[] = []
    try {
      for (let index = 0; index < window.localStorage.length; index++) {
        const key = window.localStorage.key(index)
        if (key?.startsWith(prefix)) keys.push(key)
      }
    } catch {
      // Storage that cannot be read holds nothing for this page.
    }
    return keys
  },
  remove(key: string): void {
    try {
      window.localStorage.removeItem(key)
    } catch {
      // Nothing to remove.
    }
  }
}
