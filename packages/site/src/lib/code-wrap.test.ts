import {expect, test} from 'vitest'
import {wrapsLongLines} from './code-wrap.js'

test('shell commands wrap, whatever the case of their language', () => {
  for (const lang of ['sh', 'bash', 'Bash', 'zsh', 'console', 'powershell', 'PowerShell', 'cmd']) expect(wrapsLongLines(lang)).toBe(true)
})

test('diagrams, data and blocks without a language keep their lines', () => {
  for (const lang of ['text', 'json', 'yaml', 'sql', 'python', 'mermaid', '', null, undefined]) expect(wrapsLongLines(lang)).toBe(false)
})
