import fc from 'fast-check';
import { encodeBase32 } from '../../src/otp/base32';
import type { OtpAccount } from '../../src/otp/types';

const FORBIDDEN = /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Characters that stress URI encoding: separators, escapes, spaces and non-ASCII. */
const tricky = fc.constantFrom(':', '&', '?', '#', '%', '+', '=', '/', ' ', '%3A', '%20', '@', 'é', '日本', '😀', '\uFEFF', 'ß', 'ı');

/** Issuer or account names the product must carry unchanged: any Unicode except control and bidi characters. */
export const nameArb = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 }), tricky), { maxLength: 12 })
  .map((parts) => parts.join(''))
  .map((s) => Array.from(s).slice(0, 60).join(''))
  .filter((s) => !FORBIDDEN.test(s));

/** Random key bytes of a length the product accepts. */
export const secretBytesArb = fc.uint8Array({ minLength: 10, maxLength: 64 });

/** Random valid accounts, any type, algorithm, digits and period. */
export const accountArb: fc.Arbitrary<OtpAccount> = fc
  .record({
    type: fc.constantFrom('totp' as const, 'hotp' as const),
    issuer: nameArb,
    accountName: nameArb,
    secret: secretBytesArb.map((b) => encodeBase32(b)),
    algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
    digits: fc.integer({ min: 6, max: 10 }),
    period: fc.integer({ min: 1, max: 3600 }),
    counter: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  })
  .map((a) =>
    a.type === 'totp'
      ? { ...a, digits: Math.min(a.digits, 8), counter: 0 }
      : { ...a, period: 30 },
  );

/** Accounts a Google Authenticator export can carry: 30 s, 6 or 8 digits. */
export const migratableAccountArb: fc.Arbitrary<OtpAccount> = accountArb.chain((a) =>
  fc.constantFrom(6, 8).map((digits) => ({ ...a, digits, period: 30 })),
);
