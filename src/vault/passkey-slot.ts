import type { MessageKey } from '../translatable';
import { PasskeyError } from '../errors';
import { hasUnsafeCharacters } from '../otp/names';
import { type Bytes, decodeBase64, encodeBase64, encodeUtf8 } from './bytes';
import { encryptAesGcm, tryDecryptAesGcm } from './crypto';
import {
  DATA_KEY_BYTES,
  type EnvelopeHeader,
  MAX_CREDENTIAL_ID_BYTES,
  MAX_PASSKEY_LABEL_LENGTH,
  type ParsedEnvelope,
  PASSKEY_SALT_BYTES,
  type PasskeySlot,
  passkeySlotAad,
} from './envelope';

/** Length of a WebAuthn PRF output (`prf.results.first`, the CTAP2 hmac-secret). */
export const PRF_OUTPUT_BYTES = 32;

/** HKDF info of the slot's X25519 private key, derived from the PRF output (HKDF-SHA256, RFC 5869). */
const SLOT_KEY_INFO = 'portal-authenticator passkey slot v1';
/** HKDF info of the AES key that seals the data key, derived from the X25519 shared secret. */
const SEAL_KEY_INFO = 'portal-authenticator passkey seal v1';

/** PKCS #8 prefix of a raw X25519 private key (RFC 8410 §7): WebCrypto imports private keys only in a container. */
const X25519_PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]);

/** A passkey as it is added: what the WebAuthn ceremony in the extension page produced, decoded. */
export interface PasskeyRegistration {
  credentialId: Bytes;
  salt: Bytes;
  prfOutput: Bytes;
  label: string;
  userVerified: boolean;
}

/** A passkey registration as the protocol carries it: binary fields in base64. */
export interface PasskeyRegistrationText {
  credentialId: string;
  salt: string;
  prfOutput: string;
  label: string;
  userVerified: boolean;
}

/** A passkey as the pages see it: no key material, only what names it and what the ceremony needs (id, salt). */
export interface PasskeyInfo {
  credentialId: string;
  salt: string;
  label: string;
  createdAt: number;
  userVerified: boolean;
}

function passkeyError(code: string, message: string, key: MessageKey, subs?: Array<string | number>): PasskeyError {
  return new PasskeyError(code, message, { key, ...(subs ? { subs } : {}) });
}

async function hkdf(ikm: Bytes, salt: Bytes, info: Bytes): Promise<Bytes> {
  const base = await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, base, 256));
}

/** The slot's X25519 key pair from the PRF output: HKDF-SHA256(PRF output, salt, "…passkey slot v1") is the private key. */
async function deriveSlotKeyPair(prfOutput: Bytes, salt: Bytes): Promise<{ privateKey: CryptoKey; publicKey: Bytes }> {
  const secret = await hkdf(prfOutput, salt, encodeUtf8(SLOT_KEY_INFO));
  const pkcs8 = new Uint8Array(X25519_PKCS8_PREFIX.length + secret.length);
  pkcs8.set(X25519_PKCS8_PREFIX);
  pkcs8.set(secret, X25519_PKCS8_PREFIX.length);
  secret.fill(0);
  try {
    // Extractable only so that its public half can be read (JWK "x"); the key object never leaves this function's caller.
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, true, ['deriveBits']);
    const { x } = await crypto.subtle.exportKey('jwk', privateKey);
    return { privateKey, publicKey: decodeBase64Url(x ?? '') };
  } finally {
    pkcs8.fill(0);
  }
}

function decodeBase64Url(text: string): Bytes {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return decodeBase64(base64 + '='.repeat((4 - (base64.length % 4)) % 4), 'publicKey');
}

async function importPublicKey(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'X25519' }, false, []);
}

/** The AES key sealing the data key: HKDF-SHA256 over the X25519 shared secret, bound to both public keys. */
async function sealKey(privateKey: CryptoKey, peer: Bytes, salt: Bytes, ephemeralKey: Bytes, publicKey: Bytes): Promise<Bytes> {
  const shared = new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: await importPublicKey(peer) }, privateKey, 256));
  const info = new Uint8Array([...encodeUtf8(SEAL_KEY_INFO), ...ephemeralKey, ...publicKey]);
  try {
    return await hkdf(shared, salt, info);
  } finally {
    shared.fill(0);
  }
}

/** Seals `dataKey` to the slot's public key with a fresh ephemeral X25519 key (no PRF output needed). */
export async function sealToPasskeySlot(
  slot: Omit<PasskeySlot, 'ephemeralKey' | 'nonce' | 'wrappedKey'>,
  dataKey: Bytes,
  header: Pick<EnvelopeHeader, 'format' | 'version'>,
): Promise<PasskeySlot> {
  const ephemeral = (await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair;
  const ephemeralKey = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const publicKey = decodeBase64(slot.publicKey, 'publicKey');
  const key = await sealKey(ephemeral.privateKey, publicKey, decodeBase64(slot.salt, 'salt'), ephemeralKey, publicKey);
  const bound = { ...slot, ephemeralKey: encodeBase64(ephemeralKey) };
  try {
    const { nonce, ciphertext } = await encryptAesGcm(key, dataKey, passkeySlotAad(header, bound));
    return { ...bound, nonce: encodeBase64(nonce), wrappedKey: encodeBase64(ciphertext) };
  } finally {
    key.fill(0);
  }
}

/** A passkey's label, trimmed: 1 to 64 characters of plain visible text. */
export function checkPasskeyLabel(label: unknown): string {
  const text = typeof label === 'string' ? label.normalize('NFC').trim() : '';
  const length = [...text].length;
  if (length === 0 || length > MAX_PASSKEY_LABEL_LENGTH || hasUnsafeCharacters(text)) {
    throw passkeyError(
      'passkey/bad-label',
      `Name the passkey with 1 to ${MAX_PASSKEY_LABEL_LENGTH} characters of plain text, for example "Work laptop".`,
      'error_passkey_bad_label',
      [MAX_PASSKEY_LABEL_LENGTH],
    );
  }
  return text;
}

/** Checks the ceremony's bytes: a credential id of 1 to 1023 bytes, a 32-byte salt, a 32-byte PRF output. */
export function checkPasskeyBytes(registration: Pick<PasskeyRegistration, 'credentialId' | 'salt' | 'prfOutput'>): void {
  const { credentialId, salt, prfOutput } = registration;
  if (credentialId.length < 1 || credentialId.length > MAX_CREDENTIAL_ID_BYTES || salt.length !== PASSKEY_SALT_BYTES || prfOutput.length !== PRF_OUTPUT_BYTES) {
    throw passkeyError(
      'passkey/malformed',
      `The passkey's answer is malformed (a credential id of 1 to ${MAX_CREDENTIAL_ID_BYTES} bytes, a ${PASSKEY_SALT_BYTES}-byte salt and a ${PRF_OUTPUT_BYTES}-byte PRF result are needed). Nothing was changed; try again.`,
      'error_passkey_malformed',
    );
  }
}

function decodeAnswer(text: unknown, field: string): Bytes {
  try {
    return decodeBase64(text, field);
  } catch {
    throw passkeyError('passkey/malformed', `The passkey's answer is malformed: "${field}" is not base64. Nothing was changed; try again.`, 'error_passkey_malformed');
  }
}

/** Decodes a registration from the protocol, checking every field's type and size. */
export function decodePasskeyRegistration(text: PasskeyRegistrationText): PasskeyRegistration {
  const registration = {
    credentialId: decodeAnswer(text.credentialId, 'credentialId'),
    salt: decodeAnswer(text.salt, 'salt'),
    prfOutput: decodeAnswer(text.prfOutput, 'prfOutput'),
    label: checkPasskeyLabel(text.label),
    userVerified: text.userVerified === true,
  };
  checkPasskeyBytes(registration);
  return registration;
}

/** Decodes a PRF output from the protocol (base64, 32 bytes). */
export function decodePrfOutput(text: unknown): Bytes {
  const output = decodeAnswer(text, 'prfOutput');
  if (output.length !== PRF_OUTPUT_BYTES) {
    throw passkeyError('passkey/malformed', `The passkey's answer is malformed: the PRF result must be ${PRF_OUTPUT_BYTES} bytes. Nothing was changed; try again.`, 'error_passkey_malformed');
  }
  return output;
}

/** Builds a passkey slot for `dataKey`: derives the slot's key pair from the PRF output and seals the data key to it. */
export async function createPasskeySlot(
  registration: PasskeyRegistration,
  dataKey: Bytes,
  header: Pick<EnvelopeHeader, 'format' | 'version'>,
  createdAt: number,
): Promise<PasskeySlot> {
  checkPasskeyBytes(registration);
  const label = checkPasskeyLabel(registration.label);
  const { publicKey } = await deriveSlotKeyPair(registration.prfOutput, registration.salt);
  const base = {
    type: 'passkey' as const,
    credentialId: encodeBase64(registration.credentialId),
    salt: encodeBase64(registration.salt),
    publicKey: encodeBase64(publicKey),
    label,
    createdAt,
    userVerified: registration.userVerified,
  };
  return sealToPasskeySlot(base, dataKey, header);
}

/** The error for an answer that does not open the slot: a different authenticator's PRF, another salt, or damage. */
function wrongAnswerError(): PasskeyError {
  return passkeyError(
    'passkey/wrong-key',
    "The passkey's answer does not open this vault. Unlock with your passphrase; if this keeps happening, remove the passkey in the options and add it again.",
    'error_passkey_wrong_key',
  );
}

/** The error for a passkey this vault has no slot for (never added, or removed). */
export function unknownPasskeyError(): PasskeyError {
  return passkeyError(
    'passkey/unknown-credential',
    'This passkey is not registered with this vault (it may have been removed). Unlock with your passphrase, or choose another passkey.',
    'error_passkey_unknown',
  );
}

/**
 * Recovers the data key from the slot of `credentialId` with the passkey's PRF output. A wrong output, another
 * salt's output or a damaged slot are indistinguishable, and raise `passkey/wrong-key`.
 */
export async function openPasskeySlot(parsed: ParsedEnvelope, credentialId: string, prfOutput: Bytes): Promise<Bytes> {
  const found = parsed.passkeys.find((p) => p.slot.credentialId === credentialId);
  if (!found) throw unknownPasskeyError();
  if (prfOutput.length !== PRF_OUTPUT_BYTES) throw wrongAnswerError();
  const { privateKey, publicKey } = await deriveSlotKeyPair(prfOutput, found.salt);
  // A different public key means a different PRF output: no need to try the seal.
  if (publicKey.length !== found.publicKey.length || publicKey.some((byte, i) => byte !== found.publicKey[i])) throw wrongAnswerError();
  const key = await sealKey(privateKey, found.ephemeralKey, found.salt, found.ephemeralKey, found.publicKey);
  try {
    const dataKey = await tryDecryptAesGcm(key, found.nonce, found.wrappedKey, passkeySlotAad(parsed.header, found.slot));
    if (!dataKey || dataKey.length !== DATA_KEY_BYTES) throw wrongAnswerError();
    return dataKey;
  } finally {
    key.fill(0);
  }
}

/** What the pages may see of a slot. */
export function describePasskeySlot(slot: PasskeySlot): PasskeyInfo {
  const { credentialId, salt, label, createdAt, userVerified } = slot;
  return { credentialId, salt, label, createdAt, userVerified };
}

