import { ImportError } from '../errors';
import { asRecord } from './collector';
import { base64Bytes, deriveArgon2id, type KdfProgress, passwordBytes, wrongPassword } from './file-crypto';
import type { ImportKdfCaps } from './limits';
import { openSecretstreamFinal } from './secretstream';

// Ente Auth's encrypted export (its docs, "Auth Encrypted Export format", version 1): { version, kdfParams:
// { memLimit (bytes), opsLimit, salt }, encryptedData, encryptionNonce }, all base64. The key is libsodium's
// crypto_pwhash Argon2id (p = 1); the data is one secretstream message whose header is encryptionNonce; inside
// are otpauth:// links, one per line. Its plain export is those lines as they are.

/** Whether parsed JSON is an Ente Auth encrypted export. */
export function recogniseEnte(json: Record<string, unknown>): 'ente-encrypted' | undefined {
  return asRecord(json.kdfParams) && typeof json.encryptedData === 'string' && typeof json.encryptionNonce === 'string' ? 'ente-encrypted' : undefined;
}

/** Decrypts an Ente Auth encrypted export to its otpauth lines (Argon2id capped before any work). */
export async function decryptEnteExport(json: Record<string, unknown>, password: string | undefined, caps: ImportKdfCaps, onProgress?: KdfProgress): Promise<string[]> {
  if (json.version !== 1) {
    const version = String(json.version).slice(0, 10);
    throw new ImportError('import/unsupported-version', `This Ente Auth export is of version ${version}; only version 1 is read. Export it again from Ente Auth.`, {
      key: 'error_import_ente_version',
      subs: [version],
    });
  }
  const kdf = asRecord(json.kdfParams)!;
  const memLimit = kdf.memLimit;
  if (typeof memLimit !== 'number' || !Number.isSafeInteger(memLimit) || memLimit % 1024 !== 0) {
    throw new ImportError('import/damaged', 'This Ente Auth export’s memory limit is not a whole number of KiB; the file is damaged.', { key: 'error_import_ente_memory' });
  }
  const secret = passwordBytes(password, 'Ente Auth');
  const key = await deriveArgon2id(secret, base64Bytes(kdf.salt, 'kdfParams.salt'), memLimit / 1024, kdf.opsLimit as number, caps, onProgress);
  const plain = openSecretstreamFinal(key, base64Bytes(json.encryptionNonce, 'encryptionNonce'), base64Bytes(json.encryptedData, 'encryptedData'));
  key.fill(0);
  if (!plain) throw wrongPassword('Ente Auth');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain).split(/\r?\n/);
  } catch {
    throw new ImportError('import/damaged', 'This Ente Auth export opened, but its contents are not text; the file is damaged.', { key: 'error_import_ente_not_text' });
  }
}
