import { argon2idAsync } from '@noble/hashes/argon2.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { ImportError } from '../errors';
import { decodeBase64 } from '../otp/base64';
import { type ImportKdfCaps, refuseCostlyKdf } from './limits';

type Buf = Uint8Array<ArrayBuffer>;
const copy = (bytes: Uint8Array): Buf => new Uint8Array(bytes);

/** Called with 0..1 while a slow key derivation runs (for the progress line). */
export type KdfProgress = (fraction: number) => void;

/** The password as UTF-8 bytes; an empty one is asked for again. */
export function passwordBytes(password: string | undefined, app: string): Buf {
  if (typeof password !== 'string' || password.length === 0) {
    throw new ImportError('import/needs-passphrase', `This ${app} file is encrypted. Enter the password it was exported with.`, {
      key: 'error_import_needs_password',
      subs: [app],
    });
  }
  return new TextEncoder().encode(password);
}

/** The error for a password that does not open the file. */
export function wrongPassword(app: string): ImportError {
  return new ImportError('import/wrong-password', `The password is wrong for this ${app} file (or the file is damaged). Nothing was imported; try the password again.`, {
    key: 'error_import_wrong_password',
    subs: [app],
  });
}

/** AES-256-GCM decryption (WebCrypto); a failed tag check throws `onFail()`. */
export async function openAesGcm(key: Uint8Array, iv: Uint8Array, ciphertextAndTag: Uint8Array, onFail: () => Error): Promise<Uint8Array> {
  if (key.length !== 32 || iv.length !== 12 || ciphertextAndTag.length < 16) throw onFail();
  const cryptoKey = await crypto.subtle.importKey('raw', copy(key), 'AES-GCM', false, ['decrypt']);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: copy(iv) }, cryptoKey, copy(ciphertextAndTag)));
  } catch {
    throw onFail();
  }
}

/** PBKDF2 (WebCrypto) with the iteration count checked against the cap first. */
export async function derivePbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number, hash: 'SHA-1' | 'SHA-256', caps: ImportKdfCaps): Promise<Uint8Array> {
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new ImportError('import/damaged', 'The file’s key-derivation settings are damaged.', { key: 'error_import_kdf_damaged' });
  }
  if (iterations > caps.pbkdf2Iterations) {
    refuseCostlyKdf(`PBKDF2 with ${iterations} iterations; at most ${caps.pbkdf2Iterations}`, {
      key: 'error_import_kdf_pbkdf2',
      subs: [iterations, caps.pbkdf2Iterations],
    });
  }
  const base = await crypto.subtle.importKey('raw', copy(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash, salt: copy(salt), iterations }, base, 256));
}

/** scrypt (RFC 7914) with N, r, p checked against the cap first. */
export async function deriveScrypt(password: Uint8Array, salt: Uint8Array, N: number, r: number, p: number, caps: ImportKdfCaps, onProgress?: KdfProgress): Promise<Uint8Array> {
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n >= 1) || (N & (N - 1)) !== 0 || N < 2) {
    throw new ImportError('import/damaged', 'The file’s key-derivation settings (scrypt N, r, p) are damaged.', { key: 'error_import_kdf_scrypt_damaged' });
  }
  // The parameters are the words here: "scrypt N=…, r=…, p=…" reads the same in every language.
  if (128 * N * r > caps.scryptMemoryBytes || p > caps.scryptP) refuseCostlyKdf(`scrypt N=${N}, r=${r}, p=${p}`, `scrypt N=${N}, r=${r}, p=${p}`);
  return scryptAsync(password, salt, { N, r, p, dkLen: 32, maxmem: caps.scryptMemoryBytes + 1024 * 1024, onProgress });
}

/** Argon2id (RFC 9106, version 0x13) with memory (KiB) and passes checked against the cap first. */
export async function deriveArgon2id(password: Uint8Array, salt: Uint8Array, mKiB: number, t: number, caps: ImportKdfCaps, onProgress?: KdfProgress): Promise<Uint8Array> {
  if (![mKiB, t].every((n) => Number.isSafeInteger(n) && n >= 1) || mKiB < 8) {
    throw new ImportError('import/damaged', 'The file’s key-derivation settings (Argon2id memory and passes) are damaged.', { key: 'error_import_kdf_argon2_damaged' });
  }
  if (mKiB > caps.argon2MemoryKiB || mKiB * t > caps.argon2Work) {
    refuseCostlyKdf(`Argon2id with ${Math.round(mKiB / 1024)} MiB and ${t} passes`, { key: 'error_import_kdf_argon2', subs: [Math.round(mKiB / 1024), t] });
  }
  return argon2idAsync(password, salt, { m: mKiB, t, p: 1, dkLen: 32, maxmem: (caps.argon2MemoryKiB + 1024) * 1024, onProgress });
}

/** SHA-256 of bytes (WebCrypto). */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', copy(bytes)));
}

/** Hex text to bytes; anything else is damage. */
export function hexBytes(text: unknown, field: string): Uint8Array {
  if (typeof text !== 'string' || !/^(?:[0-9a-fA-F]{2})*$/.test(text)) {
    throw new ImportError('import/damaged', `The file’s field “${field}” is not hex text; the file is damaged.`, { key: 'error_import_field_not_hex', subs: [field] });
  }
  return Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** Base64 text to bytes; anything else is damage. */
export function base64Bytes(text: unknown, field: string): Uint8Array {
  try {
    if (typeof text !== 'string') throw new Error('not text');
    return decodeBase64(text.trim());
  } catch {
    throw new ImportError('import/damaged', `The file’s field “${field}” is not base64 text; the file is damaged.`, { key: 'error_import_field_not_base64', subs: [field] });
  }
}
