/** Public surface of the vault: the service the background uses, backups, auto-lock rules and types. */
export { createVaultService, VaultService, type ImportResult, type VaultServiceOptions, type PassphraseStrength } from './store';
export { decryptBackup, encryptBackup, type BackupOptions } from './backup';
export { autoLockFromMinutes, autoLockToMinutes, DEFAULT_AUTO_LOCK, shouldAutoLock, shouldLock, type AutoLockSetting } from './auto-lock';
export { DEFAULT_KDF_PARAMS, KDF_CAP, KDF_FLOOR, KDF_POLICY_CAP, type KdfParams } from './kdf';
export { findDuplicate, isSameAccount, type AccountInput, type AccountPatch } from './model';
export type { VaultAccount, VaultData } from './account-shape';
export { hasVaultCode, type VaultErrorCode } from './errors';
export {
  checkPasskeyLabel,
  decodePasskeyRegistration,
  decodePrfOutput,
  PRF_OUTPUT_BYTES,
  type PasskeyInfo,
  type PasskeyRegistration,
  type PasskeyRegistrationText,
} from './passkey-slot';
export { MAX_PASSKEY_SLOTS, PASSKEY_SALT_BYTES } from './envelope';
export type { VaultLoss } from './vault-record';
