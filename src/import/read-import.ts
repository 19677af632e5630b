import { validateAccount } from '../otp';
import { collectAccounts } from './collect-accounts';
import { accountLabelText } from '../account-label';
import { reasonOf } from './collector';
import { decryptBackup } from '../vault';
import { parseAegisEncrypted, parseAegisPlain } from './aegis';
import { parseAndOtpEncrypted, parseAndOtpEntries } from './and-otp';
import { parseAuthenticatorExt } from './authenticator-ext';
import { parseBitwardenCsv, parseBitwardenJson } from './bitwarden';
import { detectImportFormat } from './detect-format';
import { decryptEnteExport } from './ente';
import { type KdfProgress, passwordBytes } from './file-crypto';
import { checkImportSize, IMPORT_KDF_CAPS, type ImportKdfCaps } from './limits';
import type { ImportFormat, ParsedImport } from './types';
import { parseTwoFasEncrypted, parseTwoFasPlain } from './two-fas';

/** What opening a file may need: the password it was exported with, the KDF caps, a progress callback. */
export interface ReadImportOptions {
  password?: string;
  caps?: ImportKdfCaps;
  onProgress?: KdfProgress;
}

/** Reads otpauth and otpauth-migration lines (plain text, Ente's plain export, the Authenticator extension's links). */
export function readImportLines(lines: string[], format: ImportFormat = 'otpauth-lines'): ParsedImport {
  return { format, ...collectAccounts(lines, 'line') };
}

async function readPortalBackup(text: string, password: string | undefined): Promise<ParsedImport> {
  passwordBytes(password, 'Portal Authenticator');
  const result: ParsedImport = { format: 'portal-backup', accounts: [], skipped: [] };
  for (const stored of await decryptBackup(text, password!)) {
    try {
      result.accounts.push({ ...stored, ...validateAccount(stored) });
    } catch (error) {
      result.skipped.push({ label: accountLabelText(stored), reason: reasonOf(error) });
    }
  }
  return result;
}

/**
 * Reads an import file from its bytes: recognises the format from the contents, opens it with the password when it
 * is encrypted (key derivation capped before any work) and returns the accounts and the skipped entries with why.
 */
export async function readImportFile(bytes: Uint8Array, options: ReadImportOptions = {}): Promise<ParsedImport> {
  checkImportSize(bytes);
  const caps = options.caps ?? IMPORT_KDF_CAPS;
  const { format, json, text } = detectImportFormat(bytes);
  const record = json as Record<string, unknown>;
  switch (format) {
    case 'otpauth-lines':
      return readImportLines(text!.split(/\r?\n/));
    case 'portal-backup':
      return readPortalBackup(text!, options.password);
    case 'aegis':
      return parseAegisPlain(record);
    case 'aegis-encrypted':
      return parseAegisEncrypted(record, options.password, caps, options.onProgress);
    case 'two-fas':
      return parseTwoFasPlain(record);
    case 'two-fas-encrypted':
      return parseTwoFasEncrypted(record, options.password, caps);
    case 'ente-encrypted':
      return readImportLines(await decryptEnteExport(record, options.password, caps, options.onProgress), 'ente-encrypted');
    case 'and-otp':
      return parseAndOtpEntries(json as unknown[]);
    case 'and-otp-encrypted':
      return parseAndOtpEncrypted(bytes, options.password, caps);
    case 'bitwarden-json':
      return parseBitwardenJson(record);
    case 'bitwarden-csv':
      return parseBitwardenCsv(text!);
    case 'authenticator-ext':
      return parseAuthenticatorExt(record);
  }
}
