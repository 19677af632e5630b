import { decodeBase64 } from './base64';
import { encodeBase32 } from './base32';
import { OtpError, otpError, otpErrorWithin } from './errors';
import { counterError } from './fields';
import { MAX_MIGRATION_URI_LENGTH } from './limits';
import { damaged, ProtoReader, WIRE_LEN, WIRE_VARINT } from './protobuf';
import type { OtpAccount, OtpAlgorithm, OtpType } from './types';
import { parseQuery } from './uri-text';
import { validateAccount } from './validate';

/** More parts than any real export has (Google Authenticator puts about ten accounts in each). */
const MAX_MIGRATION_PARTS = 100;

/** One scanned part of a Google Authenticator export, with what is needed to tell whether parts are missing. */
export interface MigrationBatch {
  accounts: OtpAccount[];
  /** Shared by all parts of one export. */
  batchId: number;
  /** 0-based position of this part. */
  batchIndex: number;
  /** How many parts the export has (at least 1). */
  batchSize: number;
  version: number;
}

const ALGORITHMS: Record<number, OtpAlgorithm> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
const DIGITS: Record<number, number> = { 0: 6, 1: 6, 2: 8 };
const TYPES: Record<number, OtpType> = { 0: 'totp', 1: 'hotp', 2: 'totp' };

function expectWire(actual: number, expected: number): void {
  if (actual !== expected) damaged('wrong-kind');
}

// What an enum value names, in English and as the message saying the export uses an unknown one.
const UNKNOWN_ENUM = {
  algorithm: ['algorithm', 'error_otp_export_unknown_algorithm'],
  digits: ['number of digits', 'error_otp_export_unknown_digits'],
  type: ['type', 'error_otp_export_unknown_type'],
} as const;

/** Reads an enum value, refusing numbers this format version does not define. */
function readEnum<T>(reader: ProtoReader, table: Record<number, T>, what: keyof typeof UNKNOWN_ENUM): T {
  const raw = reader.readVarint();
  const value = raw <= 16n ? table[Number(raw)] : undefined;
  if (value === undefined) {
    const supported = 'Supported: SHA1/SHA256/SHA512, 6 or 8 digits, TOTP or HOTP.';
    if (what === 'algorithm' && raw === 4n) {
      throw otpError('otp/bad-migration', `The export uses an unknown algorithm (MD5 is not supported). ${supported}`, { key: 'error_otp_export_md5' });
    }
    const [english, key] = UNKNOWN_ENUM[what];
    throw otpError('otp/bad-migration', `The export uses an unknown ${english}. ${supported}`, { key });
  }
  return value;
}

/** Decodes one OtpParameters message into a validated account. */
function readAccount(bytes: Uint8Array): OtpAccount {
  const reader = new ProtoReader(bytes);
  let secret: Uint8Array = new Uint8Array();
  let name = '';
  let issuer = '';
  let algorithm: OtpAlgorithm = 'SHA1';
  let digits = 6;
  let type: OtpType = 'totp';
  let counter = 0n;
  while (!reader.done()) {
    const { field, wireType } = reader.readKey();
    if (field >= 1 && field <= 3) expectWire(wireType, WIRE_LEN);
    if (field >= 4 && field <= 7) expectWire(wireType, WIRE_VARINT);
    if (field === 1) secret = reader.readBytes();
    else if (field === 2) name = reader.readString('account name');
    else if (field === 3) issuer = reader.readString('issuer');
    else if (field === 4) algorithm = readEnum(reader, ALGORITHMS, 'algorithm');
    else if (field === 5) digits = readEnum(reader, DIGITS, 'digits');
    else if (field === 6) type = readEnum(reader, TYPES, 'type');
    else if (field === 7) counter = BigInt.asIntN(64, reader.readVarint());
    else reader.skip(wireType);
  }
  // Google Authenticator writes the name as "Issuer:account"; exactly that prefix is removed, nothing more, so that
  // names written by formatMigrationUris come back unchanged.
  const accountName = issuer !== '' && name.startsWith(`${issuer}:`) ? name.slice(issuer.length + 1) : name;
  if (type === 'hotp' && (counter < 0n || counter > BigInt(Number.MAX_SAFE_INTEGER))) {
    throw counterError(Number.MAX_SAFE_INTEGER);
  }
  if (secret.length === 0) throw otpError('otp/bad-secret', 'The account has no secret key in the export.', { key: 'error_otp_export_no_secret' });
  return validateAccount({
    type,
    issuer,
    accountName,
    secret: encodeBase32(secret),
    algorithm,
    digits,
    period: 30,
    counter: type === 'hotp' ? Number(counter) : 0,
  });
}

/** Prefixes an account's problem with which account it is, so a person can find it in the export. */
function withAccountContext(error: unknown, position: number): never {
  if (error instanceof OtpError) throw otpErrorWithin(error, `Account ${position} of the export: `, { key: 'error_otp_export_account', subs: [position] });
  throw error;
}

/** Reads an int32 field (negative values arrive as 64-bit two's complement). */
function readInt32(reader: ProtoReader): number {
  return Number(BigInt.asIntN(32, reader.readVarint()));
}

/** Parses one `otpauth-migration://offline?data=…` part, keeping the batch fields (Google Authenticator export). */
export function parseMigrationBatch(uri: string): MigrationBatch {
  if (typeof uri !== 'string') throw otpError('otp/bad-scheme', 'Expected an otpauth-migration:// URI as text.', { key: 'error_otp_export_not_text' });
  // Trailing spaces are kept: they may be "+" signs of the base64 data that something already URL-decoded.
  const text = uri.replace(/^[\t\n\r ]+|[\t\n\r]+$/g, '');
  if (text.length > MAX_MIGRATION_URI_LENGTH) {
    throw otpError('otp/too-long', `The export URI is longer than ${MAX_MIGRATION_URI_LENGTH} characters; no export QR code holds that much.`, {
      key: 'error_otp_export_too_long',
      subs: [MAX_MIGRATION_URI_LENGTH],
    });
  }
  const match = /^otpauth-migration:\/\/offline\/?\?(.*)$/is.exec(text);
  if (!match) {
    throw otpError('otp/bad-scheme', 'This is not a Google Authenticator export. An export starts with otpauth-migration://offline?data=', {
      key: 'error_otp_export_bad_scheme',
    });
  }
  const data = parseQuery(match[1] ?? '').get('data');
  if (data === undefined || data === '') {
    throw otpError('otp/bad-migration', 'The export has no data parameter. Scan the export QR code again.', { key: 'error_otp_export_no_data' });
  }
  const reader = new ProtoReader(decodeBase64(data));
  const accounts: OtpAccount[] = [];
  let version = 0;
  let batchSize = 0;
  let batchIndex = 0;
  let batchId = 0;
  while (!reader.done()) {
    const { field, wireType } = reader.readKey();
    if (field === 1) {
      expectWire(wireType, WIRE_LEN);
      const bytes = reader.readBytes();
      try {
        accounts.push(readAccount(bytes));
      } catch (error) {
        withAccountContext(error, accounts.length + 1);
      }
    } else if (field >= 2 && field <= 5) {
      expectWire(wireType, WIRE_VARINT);
      const value = readInt32(reader);
      if (field === 2) version = value;
      else if (field === 3) batchSize = value;
      else if (field === 4) batchIndex = value;
      else batchId = value;
    } else {
      reader.skip(wireType);
    }
  }
  if (version > 1 || version < 0) {
    throw otpError('otp/bad-migration', `The export has format version ${version}, newer than this extension reads (version 1).`, {
      key: 'error_otp_export_version',
      subs: [String(version)],
    });
  }
  if (batchSize < 0 || batchIndex < 0 || (batchSize > 0 && batchIndex >= batchSize) || (batchSize === 0 && batchIndex !== 0)) {
    throw otpError('otp/bad-migration', 'The export part numbers are inconsistent (the part index must be below the number of parts).', {
      key: 'error_otp_export_parts_inconsistent',
    });
  }
  // Exports of real size come in a handful of parts; a huge count is a crafted code meant to stall the reader.
  if (batchSize > MAX_MIGRATION_PARTS) {
    throw otpError('otp/bad-migration', `The export claims ${batchSize} parts; at most ${MAX_MIGRATION_PARTS} are supported.`, {
      key: 'error_otp_export_too_many_parts',
      subs: [batchSize, MAX_MIGRATION_PARTS],
    });
  }
  return { accounts, batchId, batchIndex, batchSize: Math.max(batchSize, 1), version };
}

/** Parses one export part and returns its accounts; see `parseMigrationBatch` to check for missing parts. */
export function parseMigrationUri(uri: string): OtpAccount[] {
  return parseMigrationBatch(uri).accounts;
}

/** The 0-based indexes of the parts still missing from one export (empty when complete). */
export function findMissingMigrationParts(batches: readonly MigrationBatch[]): number[] {
  const first = batches[0];
  if (!first) return [];
  const seen = new Set(batches.map((b) => b.batchIndex));
  return Array.from({ length: first.batchSize }, (_, i) => i).filter((i) => !seen.has(i));
}

/** Joins the scanned parts of one export in order, refusing parts of different exports and incomplete sets. */
export function combineMigrationBatches(batches: readonly MigrationBatch[]): OtpAccount[] {
  const first = batches[0];
  if (!first) throw otpError('otp/bad-migration', 'No export QR codes were scanned.', { key: 'error_otp_export_none_scanned' });
  if (batches.some((b) => b.batchId !== first.batchId || b.batchSize !== first.batchSize)) {
    throw otpError('otp/bad-migration', 'These QR codes come from different exports. Scan all codes of one export only.', { key: 'error_otp_export_mixed' });
  }
  const missing = findMissingMigrationParts(batches);
  if (missing.length > 0) {
    const list = missing.map((i) => i + 1).join(', ');
    throw otpError('otp/bad-migration', `The export has ${first.batchSize} QR codes; not scanned yet: ${list}.`, {
      key: 'error_otp_export_missing_parts',
      subs: [first.batchSize, list],
    });
  }
  const byIndex = new Map<number, MigrationBatch>();
  for (const b of batches) if (!byIndex.has(b.batchIndex)) byIndex.set(b.batchIndex, b);
  return [...byIndex.entries()].sort((x, y) => x[0] - y[0]).flatMap(([, b]) => b.accounts);
}
