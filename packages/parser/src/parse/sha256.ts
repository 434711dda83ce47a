import {sha256} from '@noble/hashes/sha2.js'
import {bytesToHex} from '@noble/hashes/utils.js'

interface NativeCrypto {
  createHash(algorithm: 'sha256'): {update(data: string | Uint8Array, encoding?: 'utf8'): {digest(encoding: 'hex'): string}}
}

/**
 * Node's own crypto, reached without an import so that browsers and bundlers never see one: hashing
 * every parsed source in pure JavaScript cost several times what the native hash does.
 */
const native = (globalThis as {process?: {getBuiltinModule?: (id: string) => unknown}}).process?.getBuiltinModule?.('node:crypto') as
  | NativeCrypto
  | undefined

/** Hex SHA-256 of the UTF-8 bytes of a text, or of bytes: natively in Node, portably elsewhere. */
export const sha256Hex: (data: string | Uint8Array) => string = native ? nativeSha256Hex : portableSha256Hex

function nativeSha256Hex(data: string | Uint8Array): string {
  return native!.createHash('sha256').update(data, typeof data === 'string' ? 'utf8' : undefined).digest('hex')
}

/** The pure JavaScript hash, for browsers and Node before 20.16; exported so tests hold both to one answer. */
export function portableSha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data))
}
