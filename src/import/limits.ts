import { ImportError } from '../errors';
import type { TextSub } from '../translatable';
import { KDF_POLICY_CAP } from '../vault/kdf';

/** Largest import file read; the biggest real exports of thousands of accounts are a few megabytes. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** Most entries one file may hold; more is not a person's authenticator. */
export const MAX_IMPORT_ENTRIES = 5000;

/**
 * The costliest key derivation a file may ask for, checked before any work: a crafted file must not freeze the
 * background for minutes or take gigabytes. Real exports stay well inside (Aegis scrypt N=2^15, andOTP PBKDF2
 * ~150k, 2FAS 10k, Ente Argon2id up to 256 MiB × 16 passes or 1 GiB × 4).
 */
export interface ImportKdfCaps {
  pbkdf2Iterations: number;
  /** scrypt memory is 128 · N · r bytes. */
  scryptMemoryBytes: number;
  scryptP: number;
  argon2MemoryKiB: number;
  /** Memory × passes, the work Argon2id does, in KiB-passes. */
  argon2Work: number;
}

/** Defaults: the policy cap's memory for Argon2id, and work no larger than Ente's "sensitive" setting. */
export const IMPORT_KDF_CAPS: Readonly<ImportKdfCaps> = Object.freeze({
  pbkdf2Iterations: 2_000_000,
  scryptMemoryBytes: 256 * 1024 * 1024,
  scryptP: 4,
  argon2MemoryKiB: KDF_POLICY_CAP.m,
  argon2Work: 1024 * 1024 * 4,
});

/** Throws `import/kdf-too-costly` naming the file's request (in English and as a message), before anything is derived. */
export function refuseCostlyKdf(english: string, what: TextSub): never {
  throw new ImportError(
    'import/kdf-too-costly',
    `This file asks for more costly key derivation than an import allows (${english}). It was not written by a known app's usual settings; nothing was read from it.`,
    { key: 'error_import_kdf_too_costly', subs: [what] },
  );
}

/** Throws `import/too-large` for files beyond MAX_IMPORT_BYTES. */
export function checkImportSize(bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'import/too-large',
      `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, far more than any authenticator export. Choose the export file itself.`,
      { key: 'error_import_too_large', subs: [MAX_IMPORT_BYTES / 1024 / 1024] },
    );
  }
  if (bytes.length === 0) throw new ImportError('import/empty', 'The file is empty.', { key: 'error_import_file_empty' });
}
