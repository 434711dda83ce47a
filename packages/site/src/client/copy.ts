/** Copy buttons of commands: shown once this script runs, each copying the code block beside it. */
import {readMessages} from './page-data.js'

export function startCopyButtons(root: ParentNode = document): void {
  const messages = readMessages(document, 'script[data-runbook-messages]')
  const buttons = root.querySelectorAll<HTMLButtonElement>('button[data-copy]')
  if (buttons.length === 0) return
  const said = announcer()
  for (const button of buttons) {
    button.hidden = false
    button.addEventListener('click', async () => {
      const code = button.parentElement?.querySelector('pre')?.textContent ?? ''
      const ok = await copyText(code)
      const label = button.textContent
      const result = ok ? (messages['command.copied'] ?? '✓') : (messages['command.copyFailed'] ?? '×')
      button.textContent = result
      button.dataset.state = ok ? 'copied' : 'failed'
      // The button's own label names what it does, and hides its changing text from a screen reader.
      said(result)
      setTimeout(() => {
        button.textContent = messages['command.copy'] ?? label
        delete button.dataset.state
      }, ok ? 1600 : 6000)
    })
  }
}

/** A status line read out by screen readers and shown to no one: says each text it is given. */
function announcer(): (text: string) => void {
  const region = document.createElement('p')
  region.className = 'rs-sr-only'
  region.setAttribute('role', 'status')
  region.dataset.copyStatus = ''
  document.body.append(region)
  return (text) => {
    // Emptied first: the same words twice in a row are a change, and said again.
    region.textContent = ''
    requestAnimationFrame(() => (region.textContent = text))
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  }
}
