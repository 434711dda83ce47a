/**
 * What a blank prints: its input's value, copied to the `data-value` of the box around it, which print CSS
 * shows wrapped on writing lines (an input would clip it to one line). Copied as it is typed, whenever run
 * mode writes a value into the input (a saved run, another tab, a reset) and once more just before printing.
 */
export function startPrintBlanks(root: Document | Element = document): void {
  const blanks = () => root.querySelectorAll<HTMLInputElement>('input[data-blank]')
  const copyAll = () => {
    for (const input of blanks()) copyValue(input)
  }
  copyAll()
  root.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.dataset.blank !== undefined) copyValue(event.target)
  })
  // Run mode sets a value it renders as the input's `value` attribute too (`writeBlankValue`).
  new MutationObserver((records) => {
    for (const record of records) if (record.target instanceof HTMLInputElement) copyValue(record.target)
  }).observe(root, {subtree: true, attributes: true, attributeFilter: ['value']})
  window.addEventListener('beforeprint', copyAll)
}

function copyValue(input: HTMLInputElement): void {
  const box = input.parentElement
  if (box?.classList.contains('rs-blank-box') && box.dataset.value !== input.value) box.dataset.value = input.value
}
