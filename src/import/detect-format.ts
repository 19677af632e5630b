import { ImportError } from '../errors';
import { recogniseAegis } from './aegis';
import { recogniseAndOtp } from './and-otp';
import { recogniseAuthenticatorExt } from './authenticator-ext';
import { recogniseBitwardenCsv, recogniseBitwardenJson } from './bitwarden';
import { asRecord } from './collector';
import { recogniseEnte } from './ente';
import { recogniseTwoFas } from './two-fas';
import type { ImportFormat } from './types';

/** A file's format, recognised from its contents, with what was already parsed on the way. */
export interface DetectedImport {
  format: ImportFormat;
  /** The parsed JSON, for JSON formats. */
  json?: unknown;
  /** The decoded text, for text formats. */
  text?: string;
}

const BACKUP_FORMAT = 'portal-authenticator-backup';
/** Smallest encrypted andOTP backup: a nonce, an empty JSON array's ciphertext and the tag. */
const MIN_AND_OTP_BYTES = 12 + 2 + 16;

/** The error for a file that is none of the formats read. */
export function unrecognisedFile(): ImportError {
  return new ImportError(
    'import/unrecognised',
    'This file is not an export this extension reads. It reads: Aegis (plain or encrypted), 2FAS (.2fas), Ente Auth, andOTP, Bitwarden (.json or .csv), the Authenticator extension, Google Authenticator export links, its own backups, and text with otpauth:// links.',
    { key: 'error_import_unrecognised' },
  );
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    // Text files hold no NUL or other C0 controls besides tab and line breaks.
    return /[\x00-\x08\x0e-\x1f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

function detectJson(json: unknown, text: string): ImportFormat | undefined {
  if (Array.isArray(json)) return recogniseAndOtp(json);
  const record = asRecord(json);
  if (!record) return undefined;
  if (record.format === BACKUP_FORMAT || text.includes(`"${BACKUP_FORMAT}"`)) return 'portal-backup';
  return recogniseAegis(record) ?? recogniseTwoFas(record) ?? recogniseEnte(record) ?? recogniseBitwardenJson(record) ?? recogniseAuthenticatorExt(record);
}

/** Recognises an import file's format from its bytes (never its name). */
export function detectImportFormat(bytes: Uint8Array): DetectedImport {
  const text = decodeText(bytes);
  if (text === undefined) {
    // Binary: andOTP's encrypted backup is the only binary format read.
    if (bytes.length >= MIN_AND_OTP_BYTES) return { format: 'and-otp-encrypted' };
    throw unrecognisedFile();
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new ImportError('import/damaged', 'This file looks like JSON but cannot be read as JSON: it is damaged or cut short.', { key: 'error_import_bad_json' });
    }
    const format = detectJson(json, trimmed);
    if (!format) throw unrecognisedFile();
    return { format, json, text };
  }
  const csv = recogniseBitwardenCsv(text);
  if (csv) return { format: csv, text };
  if (/^\s*otpauth(?:-migration)?:\/\//im.test(text)) return { format: 'otpauth-lines', text };
  throw unrecognisedFile();
}
