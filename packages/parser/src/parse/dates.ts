/** An ISO date (`2025-08-21`) from the ways runbooks write one, or null. */
export function isoDateOf(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10)
  if (typeof value !== 'string') return null
  const text = value.trim()
  const numeric = /(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*일?/u.exec(text)
  if (numeric) return validDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]))
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
  const named = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text)
  if (named) {
    const month = months.indexOf((named[1] ?? '').toLowerCase()) + 1
    if (month > 0) return validDate(Number(named[3]), month, Number(named[2]))
  }
  return null
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}
