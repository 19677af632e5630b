import { ImportError, PortalError } from '../errors';
import { validateAccount } from '../otp';
import { normalizeManualSecret } from '../otp/secret';
import type { OtpAccount } from '../otp/types';
import { MAX_IMPORT_ENTRIES } from './limits';
import type { TextSub, Translatable } from '../translatable';
import type { ImportedAccount, ImportFormat, ParsedImport, SkippedEntry } from './types';

/** Gathers valid accounts and skipped entries (each with a reason) while a parser walks a file. */
export class ImportCollector {
  private readonly accounts: ImportedAccount[] = [];
  private readonly skipped: SkippedEntry[] = [];

  constructor(private readonly format: ImportFormat) {}

  /** Builds and validates one entry; an entry that fails is skipped with the reason the check gave. */
  add(label: TextSub, build: () => ImportedAccount): void {
    try {
      const built = build();
      const { sites, matchRegistrableDomain } = built;
      this.accounts.push({ ...validateAccount(built), ...(sites ? { sites, matchRegistrableDomain } : {}) });
    } catch (error) {
      this.skip(label, reasonOf(error));
    }
  }

  /** Records an entry that is not imported and why. */
  skip(label: TextSub, reason: Translatable): void {
    this.skipped.push({ label, reason });
  }

  /** The collected accounts and skipped entries. */
  result(): ParsedImport {
    return { format: this.format, accounts: this.accounts, skipped: this.skipped };
  }
}

/** Why an entry was skipped: the message of the error its check raised (anything else is a bug and is thrown on). */
export function reasonOf(error: unknown): Translatable {
  if (error instanceof PortalError) return error.text;
  throw error;
}

/** Why a Steam Guard entry is not imported: its codes use their own alphabet, which the code engine does not make. */
export const STEAM_REASON: Translatable = { key: 'import_skip_steam' };

/** The error for an entry whose kind of code is not TOTP or HOTP. */
export function unsupportedTypeError(type: string): ImportError {
  if (/steam/i.test(type)) {
    return new ImportError('import/unsupported-type', 'Steam Guard codes (5 characters from Steam’s own alphabet) are not supported; this entry was not imported.', STEAM_REASON);
  }
  const shown = type.slice(0, 20);
  return new ImportError('import/unsupported-type', `“${shown}” codes are not supported (only time-based TOTP and counter-based HOTP); this entry was not imported.`, {
    key: 'import_skip_unsupported_type',
    subs: [shown],
  });
}

/** The reason for an entry that is not a readable record. */
export const DAMAGED_REASON: Translatable = { key: 'import_skip_damaged' };

/** How an entry without names is called: its number in the file ("Entry 3"). */
export function entryNumber(index: number): TextSub {
  return { key: 'import_label_entry', subs: [index + 1] };
}

/** A plain object from parsed JSON, or undefined; never an array. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A string field, or '' when absent; other kinds are damage. */
export function textField(record: Record<string, unknown>, key: string): string {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new ImportError('import/damaged-entry', `The field “${key}” is not text.`, { key: 'error_import_field_not_text', subs: [key] });
  return value;
}

/** A whole-number field, or `fallback` when absent. Numbers written as text are accepted (some apps do so). */
export function numberField(record: Record<string, unknown>, key: string, fallback: number): number {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new ImportError('import/damaged-entry', `The field “${key}” is not a whole number.`, { key: 'error_import_field_not_whole', subs: [key] });
  }
  return n;
}

/** A hash name as apps write it ("sha1", "SHA-256") in the form the OTP engine checks. */
export function normalizeAlgorithm(value: string): string {
  return (value || 'SHA1').toUpperCase().replace('-', '');
}

/** A base32 secret as apps store it (any case, spaces, padding) in canonical form. */
export function fileSecret(value: string): string {
  return normalizeManualSecret(value);
}

/** Text for a label only: a non-string is shown as nothing. */
export function looseText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** "Issuer — name", or the entry's number when it has neither. */
export function entryLabel(issuer: string, name: string, index: number): TextSub {
  const parts = [issuer, name].filter((p) => typeof p === 'string' && p.trim() !== '');
  return parts.length > 0 ? parts.join(' — ').slice(0, 120) : entryNumber(index);
}

/** Refuses lists with more entries than any person's authenticator. */
export function checkEntryCount(count: number): void {
  if (count > MAX_IMPORT_ENTRIES) {
    throw new ImportError('import/too-many', `This file lists ${count} entries; at most ${MAX_IMPORT_ENTRIES} are imported at once.`, {
      key: 'error_import_too_many_entries',
      subs: [count, MAX_IMPORT_ENTRIES],
    });
  }
}

/** An entry's fields as a file writes them: text as found, numbers looked up in `numbers` (digits, period, counter). */
export interface FileOtpFields {
  type: string;
  issuer: string;
  accountName: string;
  secret: string;
  algorithm: string;
  numbers: Record<string, unknown>;
}

/** Builds an account from a file's fields with the formats' shared defaults (TOTP, SHA1, 6 digits, 30 s). */
export function accountFromFields(fields: FileOtpFields): ImportedAccount {
  const type = (fields.type || 'totp').toLowerCase();
  if (type !== 'totp' && type !== 'hotp') throw unsupportedTypeError(type);
  return {
    type,
    issuer: fields.issuer,
    accountName: fields.accountName,
    secret: fileSecret(fields.secret),
    algorithm: normalizeAlgorithm(fields.algorithm) as OtpAccount['algorithm'],
    digits: numberField(fields.numbers, 'digits', 6),
    period: type === 'totp' ? numberField(fields.numbers, 'period', 30) : 30,
    counter: type === 'hotp' ? numberField(fields.numbers, 'counter', 0) : 0,
  };
}
