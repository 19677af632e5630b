import { otpError } from './errors';
import { MAX_COUNTER, MAX_PERIOD } from './limits';
import type { OtpAlgorithm, OtpType } from './types';

/** Reads the OTP type, "totp" or "hotp", in any letter case. */
export function parseType(text: string): OtpType {
  const lower = /^[a-z]+$/i.test(text) ? text.toLowerCase() : '';
  if (lower === 'totp' || lower === 'hotp') return lower;
  throw otpError('otp/bad-type', 'The type must be "totp" (time-based) or "hotp" (counter-based).', { key: 'error_otp_bad_type' });
}

/** Reads an algorithm name such as "SHA1", "sha256" or "SHA-512". */
export function parseAlgorithm(text: string): OtpAlgorithm {
  const match = /^sha-?(1|256|512)$/i.exec(text);
  if (match) return `SHA${match[1]}` as OtpAlgorithm;
  throw otpError('otp/bad-algorithm', 'The algorithm must be SHA1, SHA256 or SHA512.', { key: 'error_otp_bad_algorithm' });
}

/** Reads a plain decimal whole number (digits only, no sign, no spaces, no exponent); undefined if it is not one. */
function parsePlainInteger(text: string): number | undefined {
  if (!/^[0-9]{1,20}$/.test(text)) return undefined;
  return Number(text);
}

/** Checks the code length for the type: 6–8 for TOTP, 6–10 for HOTP. */
export function checkDigits(digits: unknown, type: OtpType): number {
  const max = type === 'hotp' ? 10 : 8;
  if (typeof digits === 'number' && Number.isInteger(digits) && digits >= 6 && digits <= max) return digits;
  throw otpError('otp/bad-digits', `The number of digits must be a whole number from 6 to ${max} (usually 6).`, { key: 'error_otp_bad_digits', subs: [max] });
}

/** Checks a TOTP period: a whole number of seconds from 1 to MAX_PERIOD. */
export function checkPeriod(period: unknown): number {
  if (typeof period === 'number' && Number.isInteger(period) && period >= 1 && period <= MAX_PERIOD) return period;
  throw periodError();
}

/** The error for a TOTP period out of range. */
export function periodError() {
  return otpError('otp/bad-period', `The period must be a whole number of seconds from 1 to ${MAX_PERIOD} (usually 30).`, {
    key: 'error_otp_bad_period',
    subs: [MAX_PERIOD],
  });
}

/** Checks an HOTP counter: a whole number from 0 to 2^53 − 1. */
export function checkCounter(counter: unknown): number {
  if (typeof counter === 'number' && Number.isInteger(counter) && counter >= 0 && counter <= MAX_COUNTER) return counter;
  throw counterError(MAX_COUNTER);
}

/** The error for an HOTP counter out of range; `max` is a number, or words such as "2^64 − 1". */
export function counterError(max: number | string) {
  return otpError('otp/bad-counter', `The counter must be a whole number from 0 to ${max}.`, { key: 'error_otp_bad_counter', subs: [max] });
}

/** Reads a digits value written as text. */
export function parseDigits(text: string, type: OtpType): number {
  return checkDigits(parsePlainInteger(text), type);
}

/** Reads a period written as text. */
export function parsePeriod(text: string): number {
  return checkPeriod(parsePlainInteger(text));
}

/** Reads an HOTP counter written as text. */
export function parseCounter(text: string): number {
  return checkCounter(parsePlainInteger(text));
}
