import {describe, expect, test} from 'vitest'
import type {Command} from '../schema/blocks.js'
import {walk} from '../model/walk.js'
import {parseRunbook} from './parse-runbook.js'

function commandsOf(source: string): Command[] {
  const out: Command[] = []
  walk(parseRunbook(source).runbook, (node) => {
    if (node.type === 'command') out.push(node)
  })
  return out
}

describe('commands', () => {
  test('a code block outside an item is a command of its section, lang and meta kept', () => {
    const source = '## 빠른 참조\n\n```bash title="status"\n./scripts/deploy-aws.sh production status\n```\n'
    const [section] = parseRunbook(source).runbook.children
    expect(section?.type === 'section' && section.children).toEqual([
      {
        type: 'command',
        lang: 'bash',
        meta: 'title="status"',
        code: './scripts/deploy-aws.sh production status',
        position: {start: {line: 3, column: 1, offset: source.indexOf('```')}, end: {line: 5, column: 4, offset: source.length - 1}}
      }
    ])
  })

  test('an indented code block and a tilde fence are commands without a lang', () => {
    expect(commandsOf('## S\n\n    ls -la\n\n~~~\npwd\n~~~\n').map((command) => [command.lang, command.code])).toEqual([
      [null, 'ls -la'],
      [null, 'pwd']
    ])
  })

  test('in a quick-reference block each `# comment` labels the command after it', () => {
    const source = [
      '## 🎯 빠른 참조',
      '',
      '```bash',
      '# 배포 상태 확인',
      './scripts/deploy-aws.sh production status',
      '',
      '# 서비스 재시작',
      'aws ecs update-service --cluster knowledge-cluster \\',
      '  --service knowledge-service --force-new-deployment',
      '```',
      ''
    ].join('\n')
    expect(commandsOf(source)[0]?.parts).toEqual([
      {label: '배포 상태 확인', code: './scripts/deploy-aws.sh production status'},
      {label: '서비스 재시작', code: 'aws ecs update-service --cluster knowledge-cluster \\\n  --service knowledge-service --force-new-deployment'}
    ])
  })

  test('English comments label commands too', () => {
    expect(commandsOf('```sh\n# Check status\nkubectl get pods\n\n# Tail logs\nkubectl logs -f app\n```\n')[0]?.parts).toEqual([
      {label: 'Check status', code: 'kubectl get pods'},
      {label: 'Tail logs', code: 'kubectl logs -f app'}
    ])
  })

  test.each([
    ['a script with one stray comment', '```bash\n# set up\nexport A=1\nexport B=2\n```\n'],
    ['a single labelled command', '```bash\n# status\n./status.sh\n```\n'],
    ['a group without a comment', '```bash\n# one\na\n\nb\n```\n'],
    ['a shebang', '```bash\n#!/bin/bash\nset -e\n\n#!/bin/sh\nls\n```\n'],
    ['a language that is not a shell', '```python\n# one\na()\n\n# two\nb()\n```\n'],
    ['a console transcript, where `# ` is the root prompt', '```console\n# whoami\nroot\n\n# id -u\n0\n```\n'],
    ['a shell-session transcript', '```shell-session\n# systemctl is-active nginx\nactive\n\n# nginx -t\nsyntax is ok\n```\n']
  ])('no parts for %s', (_, source) => {
    const [command] = commandsOf(source)
    expect(command).toBeDefined()
    expect(command?.parts).toBeUndefined()
  })
})
