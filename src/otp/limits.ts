/** Longest otpauth:// URI accepted or produced (a QR code holds little more). */
export const MAX_URI_LENGTH = 2048;
/** Longest otpauth-migration:// URI accepted; produced parts stay within MAX_MIGRATION_PART_LENGTH. */
export const MAX_MIGRATION_URI_LENGTH = 8192;
/** Longest migration URI written into one QR code (version 40-L holds 2953 bytes). */
export const MAX_MIGRATION_PART_LENGTH = 2900;
/** Longest issuer or account name, counted in Unicode code points. */
export const MAX_NAME_LENGTH = 256;
/** RFC 4226 §4 requires at least 128 bits; Google Authenticator accepts 80, so do we, with a warning. */
export const MIN_SECRET_BYTES = 10;
/** Below this many bytes `secretStrengthWarning` speaks up (RFC 4226 §4: 128 bits minimum). */
export const RECOMMENDED_SECRET_BYTES = 16;
/** Far above any real key; keeps hostile input from costing memory. */
export const MAX_SECRET_BYTES = 256;
/** Longest TOTP step accepted, in seconds. */
export const MAX_PERIOD = 3600;
/** Highest HOTP counter an account may hold (JavaScript numbers stay exact up to here). */
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER;
