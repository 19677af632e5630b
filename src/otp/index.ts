/** Public OTP engine: pure TypeScript, safe in a service worker, an extension page or Node. */
export { OtpError, otpError, type OtpErrorCode } from './errors';
export type { OtpAccount, OtpAlgorithm, OtpType } from './types';
export * from './limits';
export { decodeBase32, encodeBase32 } from './base32';
export { normalizeManualSecret, normalizeSecret, secretStrengthWarning } from './secret';
export { generateHotp } from './hotp';
export { generateTotp, totpCounter, totpWindow, type TotpWindow } from './totp';
export { parseOtpauthUri, formatOtpauthUri } from './otpauth-uri';
export {
  parseMigrationBatch,
  parseMigrationUri,
  combineMigrationBatches,
  findMissingMigrationParts,
  type MigrationBatch,
} from './migration';
export { formatMigrationUris, type MigrationFormatOptions } from './migration-format';
export { validateAccount, accountFromManualEntry, type ManualEntry } from './validate';
