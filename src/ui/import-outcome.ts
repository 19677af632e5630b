import type { ImportFormat } from '../import/types';
import type { ImportOutcome } from '../messages';
import { t } from './i18n';

/** The words for a saved import: "Added N of M" only when the vault read back holds every promised account. */
export function describeImportOutcome(outcome: ImportOutcome): { ok: boolean; text: string } {
  if (!outcome.verified) {
    return { ok: false, text: t('import_not_verified', outcome.missing.length, outcome.promised, outcome.missing.join(', ')) };
  }
  if (outcome.skipped > 0) return { ok: true, text: t('import_added_of_skipped', outcome.added, outcome.promised, outcome.skipped) };
  return { ok: true, text: t('import_added_of', outcome.added, outcome.promised) };
}

const FORMAT_NAMES: Record<ImportFormat, () => string> = {
  'otpauth-lines': () => t('import_format_otpauth_lines'),
  'portal-backup': () => t('import_format_portal_backup'),
  aegis: () => t('import_format_aegis'),
  'aegis-encrypted': () => t('import_format_aegis_encrypted'),
  'two-fas': () => t('import_format_two_fas'),
  'two-fas-encrypted': () => t('import_format_two_fas_encrypted'),
  'ente-encrypted': () => t('import_format_ente_encrypted'),
  'and-otp': () => t('import_format_and_otp'),
  'and-otp-encrypted': () => t('import_format_and_otp_encrypted'),
  'bitwarden-json': () => t('import_format_bitwarden_json'),
  'bitwarden-csv': () => t('import_format_bitwarden_csv'),
  'authenticator-ext': () => t('import_format_authenticator_ext'),
};

/** The name of a recognised import format, for the preview. */
export function describeImportFormat(format: string): string {
  return Object.hasOwn(FORMAT_NAMES, format) ? FORMAT_NAMES[format as ImportFormat]() : format;
}

/** A file's bytes as base64, for the import request (some formats are binary). */
export async function readFileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
