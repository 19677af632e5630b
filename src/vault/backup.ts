import { decodeUtf8, encodeUtf8 } from './bytes';
import { createPassphraseHeader, generateDataKey, openEnvelope, sealEnvelope, unwrapDataKey } from './crypto';
import { BACKUP_FORMAT, parseEnvelope } from './envelope';
import { vaultError } from './errors';
import { DEFAULT_KDF_PARAMS, DEFAULT_MIN_PASSPHRASE_LENGTH, KDF_POLICY_CAP, type KdfParams, preparePassphrase } from './kdf';
import { parseVaultAccount, parseVaultData } from './account-shape';
import type { VaultAccount } from './account-shape';

/** Largest backup text read; a genuine backup of thousands of accounts is far smaller. */
const MAX_BACKUP_CHARS = 32 * 1024 * 1024;

/** Options for writing a backup; the KDF cost may only be raised above the floor. */
export interface BackupOptions {
  kdfParams?: KdfParams;
  minPassphraseLength?: number;
}

/**
 * Encrypts accounts into a backup file (JSON text, format 'portal-authenticator-backup'): the same scheme as the
 * vault, with its own random data key and salt, so the backup passphrase may differ from the vault's.
 */
export async function encryptBackup(accounts: VaultAccount[], passphrase: string, options: BackupOptions = {}): Promise<string> {
  const prepared = preparePassphrase(passphrase, options.minPassphraseLength ?? DEFAULT_MIN_PASSPHRASE_LENGTH);
  const plaintext = encodeUtf8(JSON.stringify({ accounts: accounts.map(parseVaultAccount) }));
  const key = generateDataKey();
  const header = await createPassphraseHeader(BACKUP_FORMAT, key, prepared, options.kdfParams ?? DEFAULT_KDF_PARAMS);
  const envelope = await sealEnvelope(header, key, plaintext);
  key.fill(0);
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** Decrypts a backup file; errors say whether it is not a backup, too new, the wrong passphrase or damaged. */
export async function decryptBackup(text: string, passphrase: string): Promise<VaultAccount[]> {
  if (typeof text !== 'string' || text.length > MAX_BACKUP_CHARS) {
    throw vaultError('vault/not-a-backup', 'This file is not a Portal Authenticator backup (it is not text of a plausible size).', { key: 'error_backup_not_text' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw vaultError('vault/not-a-backup', 'This file is not a Portal Authenticator backup (it is not JSON). Choose the .json file you exported.', {
      key: 'error_backup_not_json',
    });
  }
  const parsed = parseEnvelope(json, BACKUP_FORMAT);
  // A file is anyone's to craft: it must not make the background spend a gigabyte and minutes on Argon2id. Nothing
  // this extension writes asks for more than the policy's cap.
  const { m, t, p } = parsed.header.kdf.params;
  if (m > KDF_POLICY_CAP.m || t > KDF_POLICY_CAP.t || p > KDF_POLICY_CAP.p) {
    throw vaultError(
      'vault/kdf-too-costly',
      `This backup asks for more costly key derivation than an import allows (at most ${KDF_POLICY_CAP.m / 1024} MiB and ${KDF_POLICY_CAP.t} passes). ` +
        'It was not written by this extension; nothing was read from it.',
      { key: 'error_backup_kdf_too_costly', subs: [KDF_POLICY_CAP.m / 1024, KDF_POLICY_CAP.t] },
    );
  }
  const key = await unwrapDataKey(parsed, preparePassphrase(passphrase, 1));
  const plaintext = await openEnvelope(parsed, key);
  key.fill(0);
  try {
    return parseVaultData(JSON.parse(decodeUtf8(plaintext))).accounts;
  } catch {
    throw vaultError('vault/malformed-contents', 'The backup opened but its contents are not a valid list of accounts; it was not written by this extension.', {
      key: 'error_backup_contents',
    });
  }
}
