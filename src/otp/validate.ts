import { otpError } from './errors';
import { checkCounter, checkDigits, checkPeriod, parseAlgorithm, parseCounter, parseDigits, parsePeriod, parseType } from './fields';
import { checkName } from './names';
import { missingSecretError, normalizeManualSecret, normalizeSecret } from './secret';
import type { OtpAccount, OtpAlgorithm } from './types';

const ALGORITHMS: readonly unknown[] = ['SHA1', 'SHA256', 'SHA512'];

/** Checks every field of an account (from storage, import or a form) and returns a clean copy with a canonical secret. */
export function validateAccount(account: OtpAccount): OtpAccount {
  const input: unknown = account;
  if (typeof input !== 'object' || input === null) {
    throw otpError('otp/bad-account', 'The account record is missing or is not an object.', { key: 'error_otp_account_missing' });
  }
  const a = input as Record<string, unknown>;
  if (a.type !== 'totp' && a.type !== 'hotp') {
    throw otpError('otp/bad-type', 'The type must be "totp" (time-based) or "hotp" (counter-based).', { key: 'error_otp_bad_type' });
  }
  const type = a.type;
  const issuer = checkName(a.issuer, 'issuer');
  const accountName = checkName(a.accountName, 'account name');
  if (typeof a.secret !== 'string') throw missingSecretError();
  const secret = normalizeSecret(a.secret);
  if (!ALGORITHMS.includes(a.algorithm)) {
    throw otpError('otp/bad-algorithm', 'The algorithm must be SHA1, SHA256 or SHA512.', { key: 'error_otp_bad_algorithm' });
  }
  const algorithm = a.algorithm as OtpAlgorithm;
  const digits = checkDigits(a.digits, type);
  let period = 30;
  let counter = 0;
  if (type === 'totp') {
    period = checkPeriod(a.period);
    if (a.counter !== 0) throw otpError('otp/bad-counter', 'A time-based (TOTP) account has no counter; it must be 0.', { key: 'error_otp_totp_counter' });
  } else {
    counter = checkCounter(a.counter);
    if (a.period !== 30) throw otpError('otp/bad-period', 'A counter-based (HOTP) account has no period; it must stay 30.', { key: 'error_otp_hotp_period' });
  }
  return { type, issuer, accountName, secret, algorithm, digits, period, counter };
}

/** What a person types into the "add account manually" form; numbers may arrive as text. */
export interface ManualEntry {
  issuer: string;
  accountName: string;
  secret: string;
  type?: string;
  algorithm?: string;
  digits?: number | string;
  period?: number | string;
  counter?: number | string;
}

/** Builds a validated account from the manual-entry form, with the usual defaults (TOTP, SHA1, 6 digits, 30 s). */
export function accountFromManualEntry(entry: ManualEntry): OtpAccount {
  const type = entry.type === undefined ? 'totp' : parseType(String(entry.type).trim());
  const algorithm = entry.algorithm === undefined ? 'SHA1' : parseAlgorithm(String(entry.algorithm).trim());
  const digits = typeof entry.digits === 'string' ? parseDigits(entry.digits.trim(), type) : entry.digits ?? 6;
  const period = type === 'hotp' ? 30 : typeof entry.period === 'string' ? parsePeriod(entry.period.trim()) : entry.period ?? 30;
  const counter = type === 'totp' ? 0 : typeof entry.counter === 'string' ? parseCounter(entry.counter.trim()) : entry.counter ?? 0;
  if (typeof entry.secret !== 'string') throw missingSecretError();
  return validateAccount({
    type,
    issuer: typeof entry.issuer === 'string' ? entry.issuer.trim() : entry.issuer,
    accountName: typeof entry.accountName === 'string' ? entry.accountName.trim() : entry.accountName,
    secret: normalizeManualSecret(entry.secret),
    algorithm,
    digits,
    period,
    counter,
  });
}
