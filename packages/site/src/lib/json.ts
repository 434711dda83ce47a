/**
 * JSON that is safe inside `<script type="application/json">`: `<`, `>`, `&` and the line separators are
 * escaped, so no content can close the script element or open a comment in it.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
