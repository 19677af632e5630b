import { type Bytes, canonicalJson, decodeBase64, encodeUtf8 } from './bytes';
import type { ErrorText } from '../errors';
import type { TextSub } from '../translatable';
import { type VaultErrorCode, vaultError } from './errors';
import { checkKdfParams, type KdfParams } from './kdf';

/** `format` of the vault kept in extension storage. */
export const VAULT_FORMAT = 'portal-authenticator-vault';
/** `format` of an exported, passphrase-protected backup file. */
export const BACKUP_FORMAT = 'portal-authenticator-backup';
/** The newest envelope version this code reads and the one it writes. */
export const ENVELOPE_VERSION = 1;

/** AES-GCM nonce (96 bits, NIST SP 800-38D §8.2.2) and tag lengths, and the data-key length (AES-256). */
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;
export const SALT_BYTES = 16;
/** A wrapped data key: the key and its GCM tag. */
const WRAPPED_KEY_BYTES = DATA_KEY_BYTES + TAG_BYTES;
const MAX_SALT_BYTES = 64;
const MAX_SLOTS = 8;
/** Passkeys one vault may hold: enough for a laptop, a phone and spare security keys, small enough to list. */
export const MAX_PASSKEY_SLOTS = 10;
/** The passkey slot's salt: the PRF input (WebAuthn's `prf.eval.first`) and the HKDF salt. */
export const PASSKEY_SALT_BYTES = 32;
/** An X25519 public key (RFC 7748). */
export const X25519_KEY_BYTES = 32;
/** WebAuthn credential ids are at most 1023 bytes (WebAuthn Level 3, §5.1 credential id). */
export const MAX_CREDENTIAL_ID_BYTES = 1023;
/** Longest passkey label, in code points. */
export const MAX_PASSKEY_LABEL_LENGTH = 64;
const MAX_CIPHERTEXT_BASE64 = 16 * 1024 * 1024;

export type EnvelopeFormat = typeof VAULT_FORMAT | typeof BACKUP_FORMAT;

/** The passphrase slot: the data key, AES-GCM-encrypted under the Argon2id-derived key. */
export interface PassphraseSlot {
  type: 'passphrase';
  nonce: string;
  wrappedKey: string;
}

/**
 * A passkey slot (vault only): the data key sealed to an X25519 key (RFC 7748) whose private half is derived from
 * the passkey's PRF output, so the key can be sealed again (after a passphrase change) without the passkey, and
 * opened only with it. Binary fields are base64.
 */
export interface PasskeySlot {
  type: 'passkey';
  /** The WebAuthn credential's raw id. */
  credentialId: string;
  /** 32 random bytes: what the authenticator's PRF is evaluated on, and the HKDF salt. */
  salt: string;
  /** The slot's X25519 public key, derived from the PRF output when the passkey was added. */
  publicKey: string;
  /** The one-time X25519 public key the data key was sealed with. */
  ephemeralKey: string;
  nonce: string;
  wrappedKey: string;
  /** The name the person gave the passkey. */
  label: string;
  createdAt: number;
  /** Whether the authenticator verified the person (PIN, biometrics) when the PRF output was taken. */
  userVerified: boolean;
}

/** Any key slot of the header. */
export type KeySlot = PassphraseSlot | PasskeySlot;

/** Everything before the payload; authenticated as AAD of the payload so it cannot be altered. */
export interface EnvelopeHeader {
  format: EnvelopeFormat;
  version: typeof ENVELOPE_VERSION;
  kdf: { alg: 'argon2id'; params: KdfParams; salt: string };
  slots: KeySlot[];
}

/** A validated passkey slot with its binary fields decoded. */
export interface ParsedPasskeySlot {
  slot: PasskeySlot;
  salt: Bytes;
  publicKey: Bytes;
  ephemeralKey: Bytes;
  nonce: Bytes;
  wrappedKey: Bytes;
}

/** The stored object: header plus the encrypted payload, all binary as base64. */
export interface Envelope extends EnvelopeHeader {
  nonce: string;
  ciphertext: string;
}

/** A validated envelope with its binary fields decoded. */
export interface ParsedEnvelope {
  header: EnvelopeHeader;
  salt: Bytes;
  /** The passphrase slots. */
  slots: Array<{ nonce: Bytes; wrappedKey: Bytes }>;
  passkeys: ParsedPasskeySlot[];
  nonce: Bytes;
  ciphertext: Bytes;
}

/** What an envelope is called in messages, in English and as a message (the stored vault, or a backup file). */
interface Noun {
  english: string;
  text: ErrorText;
}

const NOUN: Record<EnvelopeFormat, Noun> = {
  [VAULT_FORMAT]: { english: 'vault', text: { key: 'error_vault_noun_vault' } },
  [BACKUP_FORMAT]: { english: 'backup file', text: { key: 'error_vault_noun_backup' } },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function requireKeys(value: unknown, keys: string[], where: string, noun: Noun): Record<string, unknown> {
  const actual = isPlainObject(value) ? Object.keys(value).sort() : null;
  if (!actual || actual.join(',') !== [...keys].sort().join(',')) {
    throw vaultError('vault/malformed', `The ${noun.english} is damaged: "${where}" must have exactly the fields ${keys.join(', ')}.`, {
      key: 'error_vault_envelope_fields',
      subs: [noun.text, where, keys.join(', ')],
    });
  }
  return value as Record<string, unknown>;
}

function decodeSized(value: unknown, field: string, min: number, max: number, code: VaultErrorCode, noun: Noun): Bytes {
  const bytes = decodeBase64(value, field);
  if (bytes.length < min || bytes.length > max) {
    const english = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    const size: TextSub = min === max ? min : max === Infinity ? { key: 'error_vault_size_at_least', subs: [min] } : { key: 'error_vault_size_range', subs: [min, max] };
    throw vaultError(code, `The ${noun.english} is damaged: "${field}" must be ${english} bytes, found ${bytes.length}.`, {
      key: 'error_vault_envelope_size',
      subs: [noun.text, field, size, bytes.length],
    });
  }
  return bytes;
}

/** Validates an unknown value as an envelope of `format` (format, then version, then every field) and decodes it. */
export function parseEnvelope(value: unknown, format: EnvelopeFormat): ParsedEnvelope {
  const noun = NOUN[format];
  if (!isPlainObject(value) || value.format !== format) {
    const code = format === VAULT_FORMAT ? 'vault/not-a-vault' : 'vault/not-a-backup';
    throw vaultError(code, `This is not a Portal Authenticator ${noun.english} (its "format" is not "${format}").`, {
      key: format === VAULT_FORMAT ? 'error_vault_not_a_vault' : 'error_vault_not_a_backup',
      subs: [format],
    });
  }
  const { version } = value;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw vaultError('vault/malformed', `The ${noun.english} is damaged: "version" must be a positive whole number.`, {
      key: 'error_vault_bad_version',
      subs: [noun.text],
    });
  }
  if (version > ENVELOPE_VERSION) {
    throw vaultError(
      'vault/newer-version',
      `This ${noun.english} was written by a newer version of Portal Authenticator (format version ${version}; this one reads up to ${ENVELOPE_VERSION}). Update the extension and try again.`,
      { key: 'error_vault_newer_version', subs: [noun.text, String(version), String(ENVELOPE_VERSION)] },
    );
  }
  const top = requireKeys(value, ['format', 'version', 'kdf', 'slots', 'nonce', 'ciphertext'], 'top level', noun);
  const kdf = requireKeys(top.kdf, ['alg', 'params', 'salt'], 'kdf', noun);
  if (kdf.alg !== 'argon2id') {
    throw vaultError('vault/kdf-unsupported', `The ${noun.english} uses an unsupported key derivation; only "argon2id" is accepted.`, {
      key: 'error_vault_kdf_unsupported',
      subs: [noun.text],
    });
  }
  const raw = requireKeys(kdf.params, ['m', 't', 'p'], 'kdf.params', noun);
  const params = checkKdfParams({ m: raw.m as number, t: raw.t as number, p: raw.p as number });
  const salt = decodeSized(kdf.salt, 'kdf.salt', SALT_BYTES, MAX_SALT_BYTES, 'vault/bad-salt-length', noun);

  if (!Array.isArray(top.slots) || top.slots.length < 1 || top.slots.length > MAX_SLOTS + MAX_PASSKEY_SLOTS) {
    throw vaultError('vault/malformed', `The ${noun.english} is damaged: "slots" must list 1 to ${MAX_SLOTS + MAX_PASSKEY_SLOTS} key slots.`, {
      key: 'error_vault_slots_count',
      subs: [noun.text, MAX_SLOTS + MAX_PASSKEY_SLOTS],
    });
  }
  const slotHeaders: KeySlot[] = [];
  const slots: ParsedEnvelope['slots'] = [];
  const passkeys: ParsedPasskeySlot[] = [];
  top.slots.forEach((candidate: unknown, i: number) => {
    const type = isPlainObject(candidate) ? candidate.type : undefined;
    if (type === 'passkey' && format === VAULT_FORMAT) {
      const parsed = parsePasskeySlot(candidate, i, noun);
      passkeys.push(parsed);
      slotHeaders.push(parsed.slot);
      return;
    }
    if (isPlainObject(candidate) && type !== 'passphrase') {
      throw vaultError('vault/slot-unsupported', `The ${noun.english} has a key slot of an unsupported type; this version reads only passphrase and passkey slots.`, {
        key: 'error_vault_slot_unsupported',
        subs: [noun.text],
      });
    }
    const slot = requireKeys(candidate, ['type', 'nonce', 'wrappedKey'], `slots[${i}]`, noun);
    const nonce = decodeSized(slot.nonce, `slots[${i}].nonce`, NONCE_BYTES, NONCE_BYTES, 'vault/bad-nonce-length', noun);
    const wrappedKey = decodeSized(slot.wrappedKey, `slots[${i}].wrappedKey`, WRAPPED_KEY_BYTES, WRAPPED_KEY_BYTES, 'vault/bad-key-length', noun);
    slotHeaders.push({ type: 'passphrase', nonce: slot.nonce as string, wrappedKey: slot.wrappedKey as string });
    slots.push({ nonce, wrappedKey });
  });
  // The passphrase always remains: a vault of passkeys alone would be lost with the authenticator.
  if (slots.length < 1 || slots.length > MAX_SLOTS || passkeys.length > MAX_PASSKEY_SLOTS) {
    throw vaultError(
      'vault/malformed',
      `The ${noun.english} is damaged: it must have 1 to ${MAX_SLOTS} passphrase slots and at most ${MAX_PASSKEY_SLOTS} passkey slots.`,
      { key: 'error_vault_passkey_slot_count', subs: [noun.text, MAX_SLOTS, MAX_PASSKEY_SLOTS] },
    );
  }
  if (new Set(passkeys.map((p) => p.slot.credentialId)).size !== passkeys.length) {
    throw vaultError('vault/malformed', `The ${noun.english} is damaged: the same passkey has two slots.`, { key: 'error_vault_passkey_twice', subs: [noun.text] });
  }

  const nonce = decodeSized(top.nonce, 'nonce', NONCE_BYTES, NONCE_BYTES, 'vault/bad-nonce-length', noun);
  if (typeof top.ciphertext === 'string' && top.ciphertext.length > MAX_CIPHERTEXT_BASE64) {
    throw vaultError('vault/malformed', `The ${noun.english} is too large to be genuine (over 16 MB of data).`, { key: 'error_vault_too_large', subs: [noun.text] });
  }
  const ciphertext = decodeSized(top.ciphertext, 'ciphertext', TAG_BYTES, Infinity, 'vault/bad-tag-length', noun);
  const header: EnvelopeHeader = {
    format,
    version: ENVELOPE_VERSION,
    kdf: { alg: 'argon2id', params, salt: kdf.salt as string },
    slots: slotHeaders,
  };
  return { header, salt, slots, passkeys, nonce, ciphertext };
}

/** Validates one passkey slot (every field, exact sizes) and decodes it. */
function parsePasskeySlot(candidate: unknown, i: number, noun: Noun): ParsedPasskeySlot {
  const where = `slots[${i}]`;
  const keys = ['type', 'credentialId', 'salt', 'publicKey', 'ephemeralKey', 'nonce', 'wrappedKey', 'label', 'createdAt', 'userVerified'];
  const raw = requireKeys(candidate, keys, where, noun);
  const sized = (field: string, min: number, max: number, code: VaultErrorCode = 'vault/malformed') =>
    decodeSized(raw[field], `${where}.${field}`, min, max, code, noun);
  sized('credentialId', 1, MAX_CREDENTIAL_ID_BYTES);
  const parsed = {
    salt: sized('salt', PASSKEY_SALT_BYTES, PASSKEY_SALT_BYTES, 'vault/bad-salt-length'),
    publicKey: sized('publicKey', X25519_KEY_BYTES, X25519_KEY_BYTES),
    ephemeralKey: sized('ephemeralKey', X25519_KEY_BYTES, X25519_KEY_BYTES),
    nonce: sized('nonce', NONCE_BYTES, NONCE_BYTES, 'vault/bad-nonce-length'),
    wrappedKey: sized('wrappedKey', WRAPPED_KEY_BYTES, WRAPPED_KEY_BYTES, 'vault/bad-key-length'),
  };
  const { label, createdAt, userVerified } = raw;
  if (typeof label !== 'string' || [...label].length > MAX_PASSKEY_LABEL_LENGTH) {
    const field = `${where}.label`;
    throw vaultError('vault/malformed', `The ${noun.english} is damaged: "${field}" must be text of at most ${MAX_PASSKEY_LABEL_LENGTH} characters.`, {
      key: 'error_vault_passkey_label',
      subs: [noun.text, field, MAX_PASSKEY_LABEL_LENGTH],
    });
  }
  if (typeof createdAt !== 'number' || !Number.isSafeInteger(createdAt) || createdAt < 0 || typeof userVerified !== 'boolean') {
    throw vaultError('vault/malformed', `The ${noun.english} is damaged: "${where}" needs a creation time and a true/false "userVerified".`, {
      key: 'error_vault_passkey_fields',
      subs: [noun.text, where],
    });
  }
  const slot: PasskeySlot = {
    type: 'passkey',
    credentialId: raw.credentialId as string,
    salt: raw.salt as string,
    publicKey: raw.publicKey as string,
    ephemeralKey: raw.ephemeralKey as string,
    nonce: raw.nonce as string,
    wrappedKey: raw.wrappedKey as string,
    label,
    createdAt,
    userVerified,
  };
  return { slot, ...parsed };
}

/** AAD of the payload: the canonical JSON of the whole header, so any change to it fails authentication. */
export function payloadAad(header: EnvelopeHeader): Bytes {
  return encodeUtf8(canonicalJson({ purpose: 'payload', header }));
}

/**
 * AAD of a passkey slot's sealed data key: binds it to this format and version, to the credential and salt, and
 * to both X25519 keys, so it cannot be moved to another slot. (The payload AAD covers the whole slot as well.)
 */
export function passkeySlotAad(header: Pick<EnvelopeHeader, 'format' | 'version'>, slot: Pick<PasskeySlot, 'credentialId' | 'salt' | 'publicKey' | 'ephemeralKey'>): Bytes {
  const { credentialId, salt, publicKey, ephemeralKey } = slot;
  return encodeUtf8(canonicalJson({ purpose: 'passkey-slot', format: header.format, version: header.version, credentialId, salt, publicKey, ephemeralKey }));
}

/** AAD of a passphrase slot: binds the wrapped key to this format, version and KDF setting. */
export function slotAad(header: Pick<EnvelopeHeader, 'format' | 'version' | 'kdf'>): Bytes {
  const { format, version, kdf } = header;
  return encodeUtf8(canonicalJson({ purpose: 'passphrase-slot', format, version, kdf }));
}
