import { Secret, TOTP } from 'otpauth';

/** The portal's TOTP parameters: SHA-1, 6 digits, 30-second period (RFC 6238 defaults). */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps of clock drift accepted either side, so a code stays good for about 60 seconds. */
export const TOTP_WINDOW = 1;

/** Outcome of checking one submitted code. */
export type CodeCheck =
  | { ok: true; step: number }
  | { ok: false; reason: 'incorrect' | 'replayed' };

/**
 * Verifies a code with the independent `otpauth` library (RFC 6238) and refuses a code whose time step was
 * already accepted (RFC 6238 §5.2). An older step than the last accepted one counts as expired, not replayed.
 */
export function checkTotpCode(secretBase32: string, code: string, lastUsedStep: number, now: number): CodeCheck {
  const token = code.trim();
  if (!/^[0-9]{6}$/.test(token)) return { ok: false, reason: 'incorrect' };
  const totp = new TOTP({
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
  const delta = totp.validate({ token, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: 'incorrect' };
  const step = totp.counter({ timestamp: now }) + delta;
  if (step === lastUsedStep) return { ok: false, reason: 'replayed' };
  if (step < lastUsedStep) return { ok: false, reason: 'incorrect' };
  return { ok: true, step };
}
