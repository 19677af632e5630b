import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { otpError } from './errors';
import { counterError } from './fields';
import { secretBytes } from './secret';
import type { OtpAccount, OtpAlgorithm } from './types';

const HASHES = { SHA1: sha1, SHA256: sha256, SHA512: sha512 } as const;
const MAX_COUNTER_64 = (1n << 64n) - 1n;

/** Checks a moving factor and turns it into the 8-byte big-endian message of RFC 4226 §5.2. */
function counterBytes(counter: number | bigint): Uint8Array {
  let value: bigint;
  if (typeof counter === 'bigint') {
    value = counter;
  } else if (Number.isSafeInteger(counter)) {
    value = BigInt(counter);
  } else {
    throw counterError(Number.MAX_SAFE_INTEGER);
  }
  if (value < 0n || value > MAX_COUNTER_64) {
    throw counterError('2^64 − 1');
  }
  const bytes = new Uint8Array(8);
  // BigInt keeps all 64 bits; 32-bit bit operations would break counters past 2^32 (RFC 6238's year-2603 row).
  for (let i = 7; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return bytes;
}

/** Checks the parts of an account that code generation relies on. */
function checkGeneratorInput(account: Pick<OtpAccount, 'algorithm' | 'digits'>): void {
  if (!Object.hasOwn(HASHES, account.algorithm)) {
    throw otpError('otp/bad-algorithm', 'The algorithm must be SHA1, SHA256 or SHA512.', { key: 'error_otp_bad_algorithm' });
  }
  if (!Number.isInteger(account.digits) || account.digits < 6 || account.digits > 10) {
    throw otpError('otp/bad-digits', 'Codes must have from 6 to 10 digits.', { key: 'error_otp_generate_digits' });
  }
}

/** RFC 4226 §5.3 dynamic truncation of an HMAC into a decimal code of `digits` digits. */
function truncate(mac: Uint8Array, digits: number): string {
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary =
    (((mac[offset] ?? 0) & 0x7f) * 0x1000000) +
    ((mac[offset + 1] ?? 0) << 16) +
    ((mac[offset + 2] ?? 0) << 8) +
    (mac[offset + 3] ?? 0);
  // The 31-bit value is below 10^10, so for 10 digits the modulus is a no-op and only padding remains.
  return (binary % 10 ** digits).toString().padStart(digits, '0');
}

/** Computes the HMAC the code is cut from (RFC 4226 §5.3 step 1). */
export function computeHmac(algorithm: OtpAlgorithm, key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmac(HASHES[algorithm], key, message);
}

/** RFC 4226 HOTP value of `account` at moving factor `counter` (64-bit; bigint accepted). */
export function generateHotp(account: Pick<OtpAccount, 'secret' | 'algorithm' | 'digits'>, counter: number | bigint): string {
  checkGeneratorInput(account);
  const message = counterBytes(counter);
  return truncate(computeHmac(account.algorithm, secretBytes(account), message), account.digits);
}
