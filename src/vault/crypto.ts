import { type Bytes, encodeBase64, randomBytes } from './bytes';
import {
  DATA_KEY_BYTES,
  type Envelope,
  type EnvelopeFormat,
  type EnvelopeHeader,
  ENVELOPE_VERSION,
  NONCE_BYTES,
  type ParsedEnvelope,
  payloadAad,
  SALT_BYTES,
  slotAad,
} from './envelope';
import { vaultError } from './errors';
import { deriveKeyEncryptionKey, type KdfParams } from './kdf';

/** A fresh random 256-bit data key. */
export function generateDataKey(): Bytes {
  return randomBytes(DATA_KEY_BYTES);
}

async function importAesKey(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** AES-256-GCM encryption (NIST SP 800-38D) with a fresh random 96-bit nonce on every call; tag appended. */
export async function encryptAesGcm(key: Bytes, plaintext: Bytes, aad: Bytes): Promise<{ nonce: Bytes; ciphertext: Bytes }> {
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 },
    await importAesKey(key),
    plaintext,
  );
  return { nonce, ciphertext: new Uint8Array(sealed) };
}

/** AES-256-GCM decryption; returns undefined only for the one expected failure, an authentication mismatch. */
export async function tryDecryptAesGcm(key: Bytes, nonce: Bytes, ciphertext: Bytes, aad: Bytes): Promise<Bytes | undefined> {
  const cryptoKey = await importAesKey(key);
  try {
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, cryptoKey, ciphertext);
    return new Uint8Array(opened);
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'OperationError') return undefined;
    throw error;
  }
}

/** Builds a header whose single passphrase slot wraps `dataKey` under an Argon2id key with a fresh salt. */
export async function createPassphraseHeader(
  format: EnvelopeFormat,
  dataKey: Bytes,
  passphrase: string,
  params: KdfParams,
): Promise<EnvelopeHeader> {
  const salt = randomBytes(SALT_BYTES);
  const kdf = { alg: 'argon2id' as const, params: { ...params }, salt: encodeBase64(salt) };
  const kek = await deriveKeyEncryptionKey(passphrase, salt, params);
  const { nonce, ciphertext } = await encryptAesGcm(kek, dataKey, slotAad({ format, version: ENVELOPE_VERSION, kdf }));
  kek.fill(0);
  return {
    format,
    version: ENVELOPE_VERSION,
    kdf,
    slots: [{ type: 'passphrase', nonce: encodeBase64(nonce), wrappedKey: encodeBase64(ciphertext) }],
  };
}

/**
 * Recovers the data key from the passphrase slot. A wrong passphrase and a damaged slot or salt are
 * indistinguishable under AES-GCM, so both raise `vault/wrong-passphrase` with a message naming both causes.
 */
export async function unwrapDataKey(parsed: ParsedEnvelope, passphrase: string): Promise<Bytes> {
  const kek = await deriveKeyEncryptionKey(passphrase, parsed.salt, parsed.header.kdf.params);
  const aad = slotAad(parsed.header);
  try {
    for (const slot of parsed.slots) {
      const dataKey = await tryDecryptAesGcm(kek, slot.nonce, slot.wrappedKey, aad);
      if (dataKey) return dataKey;
    }
  } finally {
    kek.fill(0);
  }
  const noun = parsed.header.format === 'portal-authenticator-backup' ? 'backup file' : 'vault';
  throw vaultError(
    'vault/wrong-passphrase',
    `The passphrase does not open this ${noun}. Check it (and Caps Lock) and try again; if you are sure it is right, the ${noun}'s key slot is damaged and you need to restore from a backup.`,
    { key: noun === 'vault' ? 'error_wrong_passphrase_vault' : 'error_wrong_passphrase_backup' },
  );
}

/** Encrypts `plaintext` under `dataKey` with a fresh nonce, authenticating `header` as AAD. */
export async function sealEnvelope(header: EnvelopeHeader, dataKey: Bytes, plaintext: Bytes): Promise<Envelope> {
  const { nonce, ciphertext } = await encryptAesGcm(dataKey, plaintext, payloadAad(header));
  return { ...header, nonce: encodeBase64(nonce), ciphertext: encodeBase64(ciphertext) };
}

/** Decrypts the payload; any mismatch (header, nonce, ciphertext or key) raises `vault/integrity`. */
export async function openEnvelope(parsed: ParsedEnvelope, dataKey: Bytes): Promise<Bytes> {
  const plaintext = await tryDecryptAesGcm(dataKey, parsed.nonce, parsed.ciphertext, payloadAad(parsed.header));
  if (plaintext) return plaintext;
  const backup = parsed.header.format === 'portal-authenticator-backup';
  throw vaultError(
    'vault/integrity',
    `The ${backup ? 'backup file' : 'vault'} failed its integrity check: it was changed or damaged after it was written. Nothing was changed; restore from a backup.`,
    { key: backup ? 'error_vault_integrity_backup' : 'error_vault_integrity_vault' },
  );
}
