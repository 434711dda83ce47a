/**
 * Printing shows the body of every collapsible callout: closed ones are opened for the print and closed
 * again after, so the screen is left as the reader had it. Print CSS does the same through
 * `::details-content` where the browser has it; this covers browsers that do not.
 */
export function startPrintDetails(root: ParentNode = document): void {
  let opened: HTMLDetailsElement[] = []
  window.addEventListener('beforeprint', () => {
    opened = [...root.querySelectorAll<HTMLDetailsElement>('details.rs-callout:not([open])')]
    for (const details of opened) details.open = true
  })
  window.addEventListener('afterprint', () => {
    for (const details of opened) details.open = false
    opened = []
  })
}
