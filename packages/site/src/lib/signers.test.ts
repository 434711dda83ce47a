import {parseRunbook, walk, type Signature} from '@runsheet/parser'
import {expect, test} from 'vitest'
import {fieldsBySigner} from './signers.js'

/** The labels of a sign-off line's fields, by signer. */
function signersOf(line: string): string[][] {
  let found: Signature | undefined
  walk(parseRunbook(`## 승인\n\n${line}\n`).runbook, (node) => {
    if (node.type === 'signature') found = node
  })
  if (!found) throw new Error(`not a sign-off line: ${line}`)
  return fieldsBySigner(found.fields).map((group) => group.map((field) => field.label))
}

test('each person named on the line signs: their own fields go with them', () => {
  expect(signersOf('**종료 처리자**: ___ **검토자**: ___')).toEqual([['종료 처리자'], ['검토자']])
  expect(signersOf('**배포자**: ____ **날짜**: ____ **승인자**: ____ **날짜**: ____')).toEqual([['배포자', '날짜'], ['승인자', '날짜']])
  expect(signersOf('**Closed by**: ____ **Reviewed by**: ____ **Date**: ____')).toEqual([['Closed by'], ['Reviewed by', 'Date']])
})

test('fields about the signer (a role, the environment, notes) are not signers of their own', () => {
  expect(signersOf('**Name**: ____ **Role**: ____ **Signature**: ____ **Date**: ____')).toEqual([['Name', 'Role', 'Signature', 'Date']])
  expect(signersOf('**Deployed by**: ____ **Environment**: production **Date**: ____')).toEqual([['Deployed by', 'Environment', 'Date']])
  expect(signersOf('**승인자**: ____ **비고**: ____')).toEqual([['승인자', '비고']])
})
