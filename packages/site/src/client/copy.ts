/** Copy buttons of commands: shown once this script runs, each copying the code block beside it. */
import {readMessages} from './page-data.js'

export function startCopyButtons(root: ParentNode = document): void {
  const messages = readMessages(document, 'script[data-runbook-messages]')
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.hidden = false
    button.addEventListener('click', async () => {
      const code = button.parentElement?.querySelector('pre')?.textContent ?? ''
      const ok = await copyText(code)
      const label = button.textContent
      button.textContent = ok ? (messages['command.copied'] ?? '✓') : (messages['command.copyFailed'] ?? '×')
      button.dataset.state = ok ? 'copied' : 'failed'
      setTimeout(() => {
        button.textContent = messages['command.copy'] ?? label
        delete button.dataset.state
      }, 1600)
    })
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
