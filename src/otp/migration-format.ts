import { decodeBase32 } from './base32';
import { encodeBase64 } from './base64';
import { OtpError, otpError } from './errors';
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

/** How an account is named in error messages: "Issuer (account)". */
export function describeAccount(account: Pick<OtpAccount, 'issuer' | 'accountName'>): string {
  const label = account.issuer && account.accountName ? `${account.issuer} (${account.accountName})` : account.issuer || account.accountName;
  return label ? `"${label}"` : 'an unnamed account';
}

/** Refuses an account the export format cannot carry unchanged, saying which and why. */
function encodeAccount(input: OtpAccount, position: number): Uint8Array {
  let account: OtpAccount;
  try {
    account = validateAccount(input);
  } catch (error) {
    if (error instanceof OtpError) throw new OtpError(error.code, `Account ${position}: ${error.userMessage}`);
    throw error;
  }
  const who = describeAccount(account);
  if (account.type === 'totp' && account.period !== 30) {
    throw otpError('otp/unsupported-by-format', `${who} uses a ${account.period}-second period; a Google Authenticator export can only carry 30 seconds. Export it as an otpauth:// link instead.`);
  }
  if (account.digits !== 6 && account.digits !== 8) {
    throw otpError('otp/unsupported-by-format', `${who} has ${account.digits}-digit codes; a Google Authenticator export can only carry 6 or 8. Export it as an otpauth:// link instead.`);
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
    throw otpError('otp/bad-migration', 'The number of accounts per QR code must be a whole number of at least 1.');
  }
  if (!Number.isInteger(batchId) || batchId < -(2 ** 31) || batchId >= 2 ** 31) {
    throw otpError('otp/bad-migration', 'The batch id must be a 32-bit whole number.');
  }
  const entries = accounts.map((a, i) => entry(encodeAccount(a, i + 1)));
  const groups: Uint8Array[][] = [];
  let current: Uint8Array[] = [];
  entries.forEach((e, i) => {
    const fits = (group: Uint8Array[]) => toUri(concat(group)).length + HEADER_ALLOWANCE <= MAX_MIGRATION_PART_LENGTH;
    if (!fits([e])) {
      throw otpError('otp/too-long', `${describeAccount(accounts[i]!)} has names too long to fit in one export QR code. Shorten the issuer or account name.`);
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
