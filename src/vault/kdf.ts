import { argon2idAsync } from '@noble/hashes/argon2.js';
import type { Bytes } from './bytes';
import { vaultError } from './errors';

/** Argon2id cost (RFC 9106): memory in KiB, iterations, lanes. */
export interface KdfParams {
  m: number;
  t: number;
  p: number;
}

/** OWASP's Argon2id minimum (m=19 MiB, t=2, p=1); also the default. Unlock takes ~0.2–0.25 s in Node on 2 vCPUs. */
export const DEFAULT_KDF_PARAMS: Readonly<KdfParams> = Object.freeze({ m: 19456, t: 2, p: 1 });

/** Nothing weaker is ever derived or accepted: a weaker header may be a downgrade attack. */
export const KDF_FLOOR: Readonly<KdfParams> = DEFAULT_KDF_PARAMS;

/** Anything costlier is refused so a hostile header cannot freeze the browser or exhaust memory. */
export const KDF_CAP: Readonly<KdfParams> = Object.freeze({ m: 1024 * 1024, t: 20, p: 4 });

/**
 * The costliest parameters an organisation's policy may ask for new vaults and backups: 256 MiB and 10 passes
 * already take some seconds to unlock (the default takes a quarter of a second). Lower than KDF_CAP so that
 * vaults and backups written under earlier, wider bounds still open.
 */
export const KDF_POLICY_CAP: Readonly<KdfParams> = Object.freeze({ m: 256 * 1024, t: 10, p: 4 });

/** Length of the key-encryption key derived from the passphrase (AES-256). */
export const KEK_BYTES = 32;

/** Default minimum passphrase length, in Unicode code points after NFC normalisation. */
export const DEFAULT_MIN_PASSPHRASE_LENGTH = 8;

/** Longest passphrase accepted, in code points; longer input is almost certainly a paste mistake. */
export const MAX_PASSPHRASE_LENGTH = 4096;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws unless `params` are whole numbers between KDF_FLOOR and KDF_CAP. */
export function checkKdfParams(params: KdfParams): KdfParams {
  const { m, t, p } = params;
  if (![m, t, p].every((n) => Number.isSafeInteger(n))) {
    throw vaultError('vault/malformed', 'The key-derivation parameters m, t and p must be whole numbers.', { key: 'error_vault_kdf_not_numbers' });
  }
  if (m < KDF_FLOOR.m || t < KDF_FLOOR.t || p < KDF_FLOOR.p) {
    throw vaultError(
      'vault/kdf-too-weak',
      `The vault asks for weaker key derivation than allowed (at least m=${KDF_FLOOR.m} KiB, t=${KDF_FLOOR.t}, p=${KDF_FLOOR.p}). ` +
        'It may have been tampered with to make the passphrase easier to guess; restore it from a backup.',
      { key: 'error_vault_kdf_too_weak', subs: [KDF_FLOOR.m, KDF_FLOOR.t, KDF_FLOOR.p] },
    );
  }
  if (m > KDF_CAP.m || t > KDF_CAP.t || p > KDF_CAP.p) {
    throw vaultError(
      'vault/kdf-too-costly',
      `The vault asks for more costly key derivation than allowed (at most m=${KDF_CAP.m} KiB, t=${KDF_CAP.t}, p=${KDF_CAP.p}). ` +
        'It is damaged or was not written by this extension.',
      { key: 'error_vault_kdf_too_costly', subs: [KDF_CAP.m, KDF_CAP.t, KDF_CAP.p] },
    );
  }
  return { m, t, p };
}

/**
 * Normalises a passphrase to NFC (so the same typed text always derives the same key) and enforces the rules:
 * not empty, no NUL, no unpaired surrogates, between `minLength` and MAX_PASSPHRASE_LENGTH code points.
 */
export function preparePassphrase(passphrase: string, minLength = DEFAULT_MIN_PASSPHRASE_LENGTH): string {
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw vaultError('vault/passphrase-empty', 'Enter a passphrase.', { key: 'error_passphrase_empty' });
  }
  if (passphrase.includes('\0')) {
    throw vaultError('vault/passphrase-nul', 'The passphrase contains a NUL character; use printable characters only.', { key: 'error_passphrase_nul' });
  }
  if (LONE_SURROGATE.test(passphrase)) {
    throw vaultError('vault/passphrase-invalid', 'The passphrase contains a broken Unicode character; retype it.', { key: 'error_passphrase_broken' });
  }
  const normalised = passphrase.normalize('NFC');
  const length = [...normalised].length;
  if (length < minLength) {
    throw vaultError('vault/passphrase-too-short', `The passphrase must be at least ${minLength} characters long.`, {
      key: 'error_passphrase_too_short',
      subs: [minLength],
    });
  }
  if (length > MAX_PASSPHRASE_LENGTH) {
    throw vaultError('vault/passphrase-too-long', `The passphrase must be at most ${MAX_PASSPHRASE_LENGTH} characters long.`, {
      key: 'error_passphrase_too_long',
      subs: [MAX_PASSPHRASE_LENGTH],
    });
  }
  return normalised;
}

/** Derives the 256-bit key-encryption key with Argon2id (RFC 9106); refuses parameters outside floor and cap. */
export async function deriveKeyEncryptionKey(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<Bytes> {
  const { m, t, p } = checkKdfParams(params);
  const key = await argon2idAsync(passphrase, salt, { m, t, p, dkLen: KEK_BYTES, maxmem: (KDF_CAP.m + 1024) * 1024 });
  return Uint8Array.from(key);
}
