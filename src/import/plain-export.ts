import { ProtocolError } from '../errors';
import { formatOtpauthUri } from '../otp';
import type { OtpAccount } from '../otp/types';
import { formatAegisJson } from './aegis';

/** The files of every account with its secret in the clear that the options page offers, besides the encrypted backup. */
export const PLAIN_EXPORT_FORMATS = ['aegis-json', 'otpauth-lines'] as const;

/** One of {@link PLAIN_EXPORT_FORMATS}: Aegis's plain JSON vault, or one `otpauth://` link per line. */
export type PlainExportFormat = (typeof PLAIN_EXPORT_FORMATS)[number];

/** A file to download: its text, name and media type. */
export interface ExportFile {
  text: string;
  filename: string;
  mime: string;
}

/** Throws a ProtocolError unless `format` is one of {@link PLAIN_EXPORT_FORMATS}. */
export function checkPlainExportFormat(format: unknown): PlainExportFormat {
  if ((PLAIN_EXPORT_FORMATS as readonly unknown[]).includes(format)) return format as PlainExportFormat;
  const name = String(format).slice(0, 40);
  throw new ProtocolError('protocol/bad-request', `There is no plain export called "${name}". Choose ${PLAIN_EXPORT_FORMATS.join(' or ')}.`, {
    key: 'error_plain_export_unknown',
    subs: [name, PLAIN_EXPORT_FORMATS.join(', ')],
  });
}

/** Writes every account in `format`, named with the day it was made (`date`: YYYY-MM-DD); both read back with readImportFile. */
export function formatPlainExport(format: PlainExportFormat, accounts: OtpAccount[], date: string): ExportFile {
  if (format === 'aegis-json') return { text: formatAegisJson(accounts), filename: `aegis-export-plain-${date}.json`, mime: 'application/json' };
  // One link per line with a final newline: what the Authenticator extension, Ente Auth and 2FAS read as a text import.
  return { text: accounts.map((a) => `${formatOtpauthUri(a)}\n`).join(''), filename: `otpauth-links-${date}.txt`, mime: 'text/plain' };
}
