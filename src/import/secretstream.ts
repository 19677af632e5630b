import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { chacha20, hchacha } from '@noble/ciphers/chacha.js';

// libsodium's crypto_secretstream_xchacha20poly1305, one message: the 24-byte header gives a subkey (HChaCha20 of
// its first 16 bytes) and a nonce (counter 1 ‖ its last 8 bytes); a message is the encrypted tag byte, the
// ciphertext and a Poly1305 tag over the tag block (64 bytes) and the ciphertext, each padded to 16 bytes.

/** Header length of a secretstream. */
export const SECRETSTREAM_HEADER_BYTES = 24;
/** Bytes a message grows by: the tag byte and the 16-byte MAC. */
export const SECRETSTREAM_ABYTES = 17;
/** The tag of the last message of a stream. */
export const SECRETSTREAM_TAG_FINAL = 3;

const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);

function words(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}

/** The subkey and 12-byte nonce of the stream's first message. */
export function secretstreamState(key: Uint8Array, header: Uint8Array): { subkey: Uint8Array; nonce: Uint8Array } {
  const out = new Uint32Array(8);
  hchacha(SIGMA, words(key), words(header.subarray(0, 16)), out);
  const subkey = new Uint8Array(32);
  const view = new DataView(subkey.buffer);
  out.forEach((w, i) => view.setUint32(i * 4, w, true));
  const nonce = new Uint8Array(12);
  nonce[0] = 1;
  nonce.set(header.subarray(16, 24), 4);
  return { subkey, nonce };
}

/** The MAC of one message: Poly1305 keyed by block 0, over the (encrypted) tag block and the ciphertext. */
export function secretstreamMac(subkey: Uint8Array, nonce: Uint8Array, tagBlock: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const polyKey = chacha20(subkey, nonce, new Uint8Array(64), undefined, 0).subarray(0, 32);
  // libsodium pads with (0x10 - 64 + mlen) & 0xf zero bytes, i.e. mlen mod 16: not to a 16-byte boundary.
  const pad = new Uint8Array(ciphertext.length & 0xf);
  const lengths = new Uint8Array(16);
  new DataView(lengths.buffer).setBigUint64(8, BigInt(64 + ciphertext.length), true);
  const mac = poly1305.create(polyKey);
  mac.update(tagBlock).update(ciphertext).update(pad).update(lengths);
  return mac.digest();
}

function equalTimes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Opens the single, final message of a secretstream; undefined when the MAC fails (wrong key or damage). */
export function openSecretstreamFinal(key: Uint8Array, header: Uint8Array, message: Uint8Array): Uint8Array | undefined {
  if (key.length !== 32 || header.length !== SECRETSTREAM_HEADER_BYTES || message.length < SECRETSTREAM_ABYTES) return undefined;
  const { subkey, nonce } = secretstreamState(key, header);
  const ciphertext = message.subarray(1, message.length - 16);
  // The MAC covers the whole encrypted tag block: the received first byte, then the keystream of block 1.
  const tagBlock = new Uint8Array(64);
  tagBlock[0] = message[0]!;
  const opened = chacha20(subkey, nonce, tagBlock, undefined, 1);
  const tag = opened[0];
  opened[0] = message[0]!;
  const expected = secretstreamMac(subkey, nonce, opened, ciphertext);
  if (!equalTimes(expected, message.subarray(message.length - 16))) return undefined;
  if (tag !== SECRETSTREAM_TAG_FINAL) return undefined;
  return chacha20(subkey, nonce, ciphertext, undefined, 2);
}
