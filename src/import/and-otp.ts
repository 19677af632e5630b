import { ImportError } from '../errors';
import { accountFromFields, asRecord, checkEntryCount, DAMAGED_REASON, entryLabel, entryNumber, ImportCollector, looseText, textField } from './collector';
import { derivePbkdf2, openAesGcm, passwordBytes, sha256, wrongPassword } from './file-crypto';
import type { ImportKdfCaps } from './limits';
import type { ParsedImport } from './types';

// andOTP backups. Plain: a JSON array of { secret, issuer, label, digits, type, algorithm, period, counter, ... }.
// Encrypted (.json.aes), binary, AES-256-GCM (12-byte nonce, tag appended), in two generations:
// - current: iterations (4 bytes, big-endian) ‖ salt (12) ‖ nonce (12) ‖ ciphertext, key PBKDF2-HMAC-SHA1(password,
//   salt, iterations, 256 bits); andOTP picks 140,000–160,000 iterations;
// - older: nonce (12) ‖ ciphertext, key SHA-256(password).

/** Whether parsed JSON looks like an andOTP plain backup: an array whose records carry secret, type and label. */
export function recogniseAndOtp(json: unknown): 'and-otp' | undefined {
  if (!Array.isArray(json)) return undefined;
  const first = asRecord(json[0]);
  return json.length === 0 || (first && 'secret' in first && 'type' in first && ('label' in first || 'issuer' in first)) ? 'and-otp' : undefined;
}

/** Reads andOTP entries (plain, or decrypted). */
export function parseAndOtpEntries(entries: unknown[], format: 'and-otp' | 'and-otp-encrypted' = 'and-otp'): ParsedImport {
  checkEntryCount(entries.length);
  const out = new ImportCollector(format);
  entries.forEach((raw, index) => {
    const entry = asRecord(raw);
    if (!entry) return out.skip(entryNumber(index), DAMAGED_REASON);
    out.add(entryLabel(looseText(entry.issuer), looseText(entry.label), index), () =>
      accountFromFields({
        type: textField(entry, 'type'),
        issuer: textField(entry, 'issuer'),
        accountName: textField(entry, 'label'),
        secret: textField(entry, 'secret'),
        algorithm: textField(entry, 'algorithm'),
        numbers: entry,
      }),
    );
  });
  return out.result();
}

function readDecrypted(plain: Uint8Array): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    json = undefined;
  }
  if (!Array.isArray(json)) {
    throw new ImportError('import/damaged', 'This andOTP backup opened, but its contents are not a list of entries; the file is damaged.', {
      key: 'error_import_and_otp_not_list',
    });
  }
  return parseAndOtpEntries(json, 'and-otp-encrypted');
}

/** Decrypts an andOTP encrypted backup (either generation) and reads it. */
export async function parseAndOtpEncrypted(bytes: Uint8Array, password: string | undefined, caps: ImportKdfCaps): Promise<ParsedImport> {
  const secret = passwordBytes(password, 'andOTP');
  if (bytes.length < 12 + 16) {
    throw new ImportError('import/damaged', 'This andOTP backup is too short to hold anything; the file is damaged.', { key: 'error_import_and_otp_too_short' });
  }
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
  // The current generation first when its header is plausible. The older one starts with a random nonce, so a
  // count above the cap is that (or a crafted file): only the cheap older key is tried, never the costly count.
  if (iterations >= 1000 && iterations <= caps.pbkdf2Iterations && bytes.length >= 4 + 12 + 12 + 16) {
    const key = await derivePbkdf2(secret, bytes.subarray(4, 16), iterations, 'SHA-1', caps);
    try {
      return readDecrypted(await openAesGcm(key, bytes.subarray(16, 28), bytes.subarray(28), () => wrongPassword('andOTP')));
    } catch (error) {
      if (!(error instanceof ImportError) || error.code !== 'import/wrong-password') throw error;
    }
  }
  const legacyKey = await sha256(secret);
  return readDecrypted(await openAesGcm(legacyKey, bytes.subarray(0, 12), bytes.subarray(12), () => wrongPassword('andOTP')));
}
