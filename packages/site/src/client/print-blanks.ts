/**
 * What a blank prints. An input holds one line and clips the rest, so paper shows the value from the
 * `data-value` of the box around it, wrapped on writing lines (print CSS); the input's own `value`
 * attribute and `data-filled` follow too. Every write goes through `writeBlankValue`: what is typed (here),
 * and what run mode puts in (a saved run, another tab, a reset).
 */
export function startPrintBlanks(root: Document | Element = document): void {
  root.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.dataset.blank !== undefined) writeBlankValue(event.target, event.target.value)
  })
}

/** A blank's value written into its attributes and its box's, so that a printed page shows it whole. */
export function writeBlankValue(input: HTMLInputElement, value: string): void {
  input.setAttribute('value', value)
  input.toggleAttribute('data-filled', value !== '')
  const box = input.parentElement
  if (box?.classList.contains('rs-blank-box')) box.dataset.value = value
}
