import type { OtpAccount } from '../otp/types';
import type { TextSub, Translatable } from '../translatable';

/** Formats the importer recognises from a file's contents. */
export type ImportFormat =
  | 'otpauth-lines'
  | 'portal-backup'
  | 'aegis'
  | 'aegis-encrypted'
  | 'two-fas'
  | 'two-fas-encrypted'
  | 'ente-encrypted'
  | 'and-otp'
  | 'and-otp-encrypted'
  | 'bitwarden-json'
  | 'bitwarden-csv'
  | 'authenticator-ext';

/** An account read from a file; `sites` only when the file itself names where codes are filled. */
export interface ImportedAccount extends OtpAccount {
  sites?: string[];
  matchRegistrableDomain?: boolean;
}

/** An entry not imported, with why; both are translated by the page that shows them. */
export interface SkippedEntry {
  /** The account's name as the file gives it, or words such as "Entry 3". */
  label: TextSub;
  reason: Translatable;
}

/** What a file yields: accounts ready to validate against the vault, and entries skipped with their reason. */
export interface ParsedImport {
  format: ImportFormat;
  accounts: ImportedAccount[];
  skipped: SkippedEntry[];
}
