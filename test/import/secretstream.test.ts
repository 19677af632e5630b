import { describe, expect, it } from 'vitest';
import { argon2id } from '@noble/hashes/argon2.js';
import { openSecretstreamFinal } from '../../src/import/secretstream';
import { secretstreamSealFinal } from '../fixtures/import/build-fixtures';

// Vectors made once with libsodium itself (PyNaCl 1.5 bindings): an independent implementation, so the
// secretstream reader and the fixture writer cannot agree on a mistake unnoticed.
const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);
const HEADER = Buffer.from('OGEjdHZgtNhj1xRjrfI1ZcSTcYzv+KZE', 'base64');
const MESSAGE = Buffer.from('Cgx2je0X++hiPtpNX5DZMWR9zKn3Xh/9knYDonHuDLPOZQOA0sQvnPEMczi4lIvZv21G82317nqcnvbZZ5YTk2ckXwTgn4URykMDHH5mKUo=', 'base64');
const PLAIN = 'otpauth://totp/Ente:vector?secret=JBSWY3DPEHPK3PXP&issuer=Ente\n';

describe('libsodium secretstream (XChaCha20-Poly1305), one final message', () => {
  it('opens a message libsodium sealed', () => {
    expect(new TextDecoder().decode(openSecretstreamFinal(KEY, HEADER, MESSAGE))).toBe(PLAIN);
  });

  it('seals what libsodium seals, byte for byte (the fixture writer)', () => {
    expect(Buffer.from(secretstreamSealFinal(KEY, HEADER, new TextEncoder().encode(PLAIN))).toString('base64')).toBe(MESSAGE.toString('base64'));
  });

  it('refuses a flipped byte anywhere, and a wrong key', () => {
    for (let i = 0; i < MESSAGE.length; i += 7) {
      const bad = Uint8Array.from(MESSAGE);
      bad[i] = bad[i]! ^ 1;
      expect(openSecretstreamFinal(KEY, HEADER, bad)).toBeUndefined();
    }
    expect(openSecretstreamFinal(Uint8Array.from(KEY, (b) => b ^ 1), HEADER, MESSAGE)).toBeUndefined();
  });

  it('derives the key as libsodium crypto_pwhash Argon2id13 does (memLimit 8 MiB → m = 8192 KiB, opsLimit 2, p 1)', () => {
    const key = argon2id(new TextEncoder().encode('correct horse'), Uint8Array.from({ length: 16 }, (_, i) => i), { m: 8192, t: 2, p: 1, dkLen: 32 });
    expect(Buffer.from(key).toString('hex')).toBe('5d6feb78fec962f9fe4465119605b64a5dbce8acde9e8ae0c8b3d4c2f518c9a4');
  });
});
