/** localStorage that never throws (private windows, full quota, blocked storage): a run then lasts the visit. */
export const storage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key)
    } catch {
      return null
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value)
    } catch {
      // Not saved: the page still works for this visit.
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
