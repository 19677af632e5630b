import { decodeBase32, encodeBase32 } from './base32';
import { otpError } from './errors';
import { MAX_SECRET_BYTES, MIN_SECRET_BYTES, RECOMMENDED_SECRET_BYTES } from './limits';
import type { Translatable } from '../translatable';
import type { OtpAccount } from './types';

const MAX_SECRET_CHARS = Math.ceil((MAX_SECRET_BYTES * 8) / 5) + 8;

/** Checks a base32 secret and returns its canonical form: upper case, no padding, unused trailing bits zero. */
export function normalizeSecret(text: string): string {
  if (text.length === 0) {
    throw missingSecretError();
  }
  if (text.length > MAX_SECRET_CHARS) {
    throw otpError('otp/too-long', `The secret key is longer than ${MAX_SECRET_CHARS} characters, far beyond any real key. Check what was pasted.`, {
      key: 'error_otp_secret_too_long',
      subs: [MAX_SECRET_CHARS],
    });
  }
  const bytes = decodeBase32(text);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw otpError(
      'otp/secret-too-short',
      `The secret key is only ${bytes.length * 8} bits long. A key must be at least ${MIN_SECRET_BYTES * 8} bits: 16 or more base32 characters.`,
      { key: 'error_otp_secret_too_short', subs: [bytes.length * 8, MIN_SECRET_BYTES * 8] },
    );
  }
  return encodeBase32(bytes);
}

/** Accepts a key as people type it (spaces, dashes, lower case, with or without padding) and returns canonical base32. */
export function normalizeManualSecret(text: string): string {
  if (text.length > MAX_SECRET_CHARS * 2) {
    throw otpError('otp/too-long', 'The secret key is far longer than any real key. Check what was pasted.', { key: 'error_otp_secret_far_too_long' });
  }
  // Only separators are removed; every other character is checked before any case change (see decodeBase32).
  return normalizeSecret(text.replace(/[\s\-]+/gu, ''));
}

/** The error for an account without a secret key. */
export function missingSecretError() {
  return otpError('otp/bad-secret', 'The secret key is missing. It is the base32 text (letters A–Z, digits 2–7) shown with the QR code.', {
    key: 'error_otp_secret_missing',
  });
}

/** Returns the secret's raw bytes; the account's secret must already be valid base32. */
export function secretBytes(account: Pick<OtpAccount, 'secret'>): Uint8Array {
  return decodeBase32(account.secret);
}

/** A warning the UI can show when the key is shorter than RFC 4226 §4's 128-bit minimum; undefined when it is fine. */
export function secretStrengthWarning(account: Pick<OtpAccount, 'secret'>): Translatable | undefined {
  const bits = decodeBase32(account.secret).length * 8;
  if (bits >= RECOMMENDED_SECRET_BYTES * 8) return undefined;
  return { key: 'warning_weak_key', subs: [bits, RECOMMENDED_SECRET_BYTES * 8] };
}
