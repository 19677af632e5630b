import { otpError } from './errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Encodes bytes as RFC 4648 §4 base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** Decodes base64 (standard or URL-safe alphabet, padding optional); a space is read as the `+` it once was. */
export function decodeBase64(text: string): Uint8Array {
  const cleaned = text.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/');
  const data = cleaned.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(data) || data.length % 4 === 1 || (data.length !== cleaned.length && cleaned.length % 4 !== 0)) {
    throw otpError('otp/bad-migration', 'The export data is not valid base64. Scan the export QR code again.', { key: 'error_otp_export_bad_base64' });
  }
  const out = new Uint8Array(Math.floor((data.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of data) {
    buffer = ((buffer << 6) | ALPHABET.indexOf(char)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}
