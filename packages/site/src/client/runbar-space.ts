/**
 * How much of the top of the window the sticky run bar takes, kept in `--rs-runbar-space` on the root for the
 * scroll padding that keeps a focused or linked-to element out from under it. The bar has no fixed height:
 * its buttons wrap to a second row in narrow windows and at large zoom, and on phones it is not sticky at all.
 */
export function startRunbarSpace(bar: HTMLElement | null = document.querySelector<HTMLElement>('[data-runbar]')): void {
  if (!bar || typeof ResizeObserver === 'undefined') return
  const root = document.documentElement
  const update = () => {
    const sticky = !bar.hidden && getComputedStyle(bar).position === 'sticky'
    root.style.setProperty('--rs-runbar-space', sticky ? `${Math.ceil(bar.getBoundingClientRect().height)}px` : '0px')
  }
  // Its size changes as it is shown and as it wraps; whether it sticks changes with the window's width.
  new ResizeObserver(update).observe(bar)
  addEventListener('resize', update)
  update()
}
