import { decodeBase32 } from './base32';
import { encodeBase64 } from './base64';
import { accountLabelText, labelAccount } from '../account-label';
import type { TextSub } from '../translatable';
import { OtpError, otpError, otpErrorWithin } from './errors';
import { MAX_MIGRATION_PART_LENGTH } from './limits';
import { ProtoWriter } from './protobuf';
import type { OtpAccount } from './types';
import { validateAccount } from './validate';

const PREFIX = 'otpauth-migration://offline?data=';
const ALGORITHM_CODES = { SHA1: 1, SHA256: 2, SHA512: 3 } as const;
// The batch fields go after the accounts, so they change at most the last ~32 base64 characters (×3 once escaped).
const HEADER_ALLOWANCE = 100;

/** Options for `formatMigrationUris`. */
export interface MigrationFormatOptions {
  /** Most accounts per QR code (Google Authenticator uses 10). Parts are also split to stay QR-sized. */
  maxPerQr?: number;
  /** The batch id shared by all parts; random by default. */
  batchId?: number;
}

/** How an account is named in error messages: its label, in English and for the reader's language. */
function nameAccount(account: Pick<OtpAccount, 'issuer' | 'accountName'>): { english: string; text: TextSub } {
  return { english: labelAccount(account), text: accountLabelText(account) };
}

/** Refuses an account the export format cannot carry unchanged, saying which and why. */
function encodeAccount(input: OtpAccount, position: number): Uint8Array {
  let account: OtpAccount;
  try {
    account = validateAccount(input);
  } catch (error) {
    if (error instanceof OtpError) throw otpErrorWithin(error, `Account ${position}: `, { key: 'error_otp_in_account', subs: [position] });
    throw error;
  }
  const who = nameAccount(account);
  if (account.type === 'totp' && account.period !== 30) {
    throw otpError(
      'otp/unsupported-by-format',
      `${who.english}: the period is ${account.period} s, but a Google Authenticator export can only carry 30 s. Export it as an otpauth:// link instead.`,
      { key: 'error_otp_export_period', subs: [who.text, account.period] },
    );
  }
  if (account.digits !== 6 && account.digits !== 8) {
    throw otpError(
      'otp/unsupported-by-format',
      `${who.english}: its codes have ${account.digits} digits, but a Google Authenticator export can only carry 6 or 8. Export it as an otpauth:// link instead.`,
      { key: 'error_otp_export_digits', subs: [who.text, account.digits] },
    );
  }
  const writer = new ProtoWriter()
    .bytesField(1, decodeBase32(account.secret))
    .stringField(2, account.issuer === '' ? account.accountName : `${account.issuer}:${account.accountName}`)
    .stringField(3, account.issuer)
    .varintField(4, ALGORITHM_CODES[account.algorithm])
    .varintField(5, account.digits === 8 ? 2 : 1)
    .varintField(6, account.type === 'hotp' ? 1 : 2);
  if (account.type === 'hotp') writer.varintField(7, account.counter);
  return writer.finish();
}

function toUri(payload: Uint8Array): string {
  return PREFIX + encodeURIComponent(encodeBase64(payload));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function entry(encoded: Uint8Array): Uint8Array {
  return new ProtoWriter().bytesField(1, encoded).finish();
}

function randomBatchId(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]! & 0x7fffffff;
}

/** Writes accounts as Google Authenticator export URIs (one per QR code), refusing what the format cannot express. */
export function formatMigrationUris(accounts: readonly OtpAccount[], options: MigrationFormatOptions = {}): string[] {
  const { maxPerQr = 10, batchId = randomBatchId() } = options;
  if (!Number.isInteger(maxPerQr) || maxPerQr < 1) {
    throw otpError('otp/bad-migration', 'The number of accounts per QR code must be a whole number of at least 1.', { key: 'error_otp_export_per_qr' });
  }
  if (!Number.isInteger(batchId) || batchId < -(2 ** 31) || batchId >= 2 ** 31) {
    throw otpError('otp/bad-migration', 'The batch id must be a 32-bit whole number.', { key: 'error_otp_export_batch_id' });
  }
  const entries = accounts.map((a, i) => entry(encodeAccount(a, i + 1)));
  const groups: Uint8Array[][] = [];
  let current: Uint8Array[] = [];
  entries.forEach((e, i) => {
    const fits = (group: Uint8Array[]) => toUri(concat(group)).length + HEADER_ALLOWANCE <= MAX_MIGRATION_PART_LENGTH;
    if (!fits([e])) {
      const who = nameAccount(accounts[i]!);
      throw otpError('otp/too-long', `${who.english}: the names are too long to fit in one export QR code. Shorten the issuer or account name.`, {
        key: 'error_otp_export_names_too_long',
        subs: [who.text],
      });
    }
    if (current.length === maxPerQr || !fits([...current, e])) {
      groups.push(current);
      current = [];
    }
    current.push(e);
  });
  if (current.length > 0) groups.push(current);
  return groups.map((group, index) => {
    const header = new ProtoWriter().varintField(2, 1).varintField(3, groups.length).varintField(4, index).varintField(5, batchId).finish();
    return toUri(concat([...group, header]));
  });
}
