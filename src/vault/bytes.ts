import { vaultError } from './errors';

/** Bytes backed by a plain ArrayBuffer, the shape WebCrypto accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Fresh bytes from the platform CSPRNG (WebCrypto). */
export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Standard base64 (RFC 4648 §4) with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const BASE64_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Strict base64 (RFC 4648 §4): canonical padding and no stray bits, so one stored value has exactly one
 * decoding and a flipped padding bit cannot go unnoticed. `field` names the value in the error.
 */
export function decodeBase64(text: unknown, field: string): Bytes {
  if (typeof text !== 'string' || !BASE64_SHAPE.test(text)) {
    throw vaultError('vault/malformed', `The field "${field}" is not valid base64 (A–Z, a–z, 0–9, +, / with = padding).`, {
      key: 'error_vault_field_not_base64',
      subs: [field],
    });
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (encodeBase64(bytes) !== text) {
    throw vaultError('vault/malformed', `The field "${field}" is not canonical base64 (unused bits are set).`, {
      key: 'error_vault_field_not_canonical',
      subs: [field],
    });
  }
  return bytes;
}

/** UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Bytes {
  return new TextEncoder().encode(text) as Bytes;
}

/** Decodes UTF-8, refusing invalid sequences instead of replacing them. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** JSON with object keys sorted at every level, so the same header always yields the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
