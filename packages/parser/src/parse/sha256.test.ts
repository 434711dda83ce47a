import {createHash} from 'node:crypto'
import fc from 'fast-check'
import {expect, test} from 'vitest'
import {portableSha256Hex, sha256Hex} from './sha256.js'

const reference = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')

test('the hash in use and the portable one give the SHA-256 of the UTF-8 bytes, lone surrogates included', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({unit: 'binary'}), fc.uint8Array()), (data) => {
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
      expect(sha256Hex(data)).toBe(reference(bytes))
      expect(portableSha256Hex(data)).toBe(reference(bytes))
    })
  )
})

test('in Node, the native hash is the one in use', () => {
  expect(sha256Hex).not.toBe(portableSha256Hex)
})
