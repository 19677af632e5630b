import { VaultError, type ErrorText } from '../errors';

export { VaultError };

/** Stable codes for every way the vault or a backup can be refused; the UI may switch on them. */
export type VaultErrorCode =
  | 'vault/uninitialised'
  | 'vault/already-exists'
  | 'vault/locked'
  | 'vault/wrong-passphrase'
  | 'vault/integrity'
  | 'vault/not-a-vault'
  | 'vault/not-a-backup'
  | 'vault/newer-version'
  | 'vault/malformed'
  | 'vault/malformed-contents'
  | 'vault/kdf-unsupported'
  | 'vault/kdf-too-weak'
  | 'vault/kdf-too-costly'
  | 'vault/slot-unsupported'
  | 'vault/bad-salt-length'
  | 'vault/bad-nonce-length'
  | 'vault/bad-tag-length'
  | 'vault/bad-key-length'
  | 'vault/passphrase-empty'
  | 'vault/passphrase-nul'
  | 'vault/passphrase-invalid'
  | 'vault/passphrase-too-short'
  | 'vault/passphrase-too-long'
  | 'vault/no-such-account'
  | 'vault/bad-account'
  | 'vault/bad-patch'
  | 'vault/bad-site'
  | 'vault/bad-order'
  | 'vault/duplicate-id'
  | 'vault/save-failed'
  | 'vault/storage-failed'
  | 'vault/bad-setting'
  | 'vault/vanished'
  | 'vault/rolled-back';

/** Builds the VaultError for `code`; the message says what is wrong and what to do, never a secret. */
export function vaultError(code: VaultErrorCode, message: string, text: ErrorText): VaultError {
  return new VaultError(code, message, text);
}

/** True when `error` is a VaultError carrying `code`. */
export function hasVaultCode(error: unknown, code: VaultErrorCode): boolean {
  return error instanceof VaultError && error.code === code;
}
