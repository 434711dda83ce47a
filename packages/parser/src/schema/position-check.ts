import type {Position} from './position.js'

/**
 * Whether a value is a position, as `positionSchema` says, written out by hand. Every node has one, and
 * the parser checks each model it builds: this is the check it runs on positions (a property test holds
 * it to the schema), as even the compiled schema copies each position it checks.
 */
export function isPosition(value: unknown): value is Position {
  return isObject(value) && isPoint(value.start) && isPoint(value.end)
}

function isPoint(value: unknown): boolean {
  return (
    isObject(value) &&
    Number.isSafeInteger(value.line) &&
    (value.line as number) >= 1 &&
    Number.isSafeInteger(value.column) &&
    (value.column as number) >= 1 &&
    Number.isSafeInteger(value.offset) &&
    (value.offset as number) >= 0
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
