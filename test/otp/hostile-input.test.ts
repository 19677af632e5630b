import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OtpError, normalizeManualSecret, parseMigrationBatch, parseOtpauthUri } from '../../src/otp/index';
import { ProtoWriter } from '../../src/otp/protobuf';

/** Calls `fn` and fails the property if it throws anything but an OtpError. */
function returnsOrThrowsOtpError(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof OtpError)) throw new Error(`unexpected ${String(error)}`);
    expect(error.userMessage.length).toBeGreaterThan(10);
  }
}

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  // Lone surrogates and other broken UTF-16.
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes)),
);
const piece = fc.oneof(
  anyString,
  fc.constantFrom('%', '%2', '%ZZ', '%C3', '%ED%A0%80', '%3A', ':', '&', '=', '?', '#', '+', '/', '__proto__', 'constructor', 'secret=', 'issuer=', 'counter=', 'period=', 'digits=', 'algorithm=', 'JBSWY3DPEHPK3PXP', 'sha512', '9007199254740993', '-1', '1e3', 'ß', 'ı', '\u202E', '\0'),
);
const uriShaped = (prefix: string) =>
  fc.array(piece, { maxLength: 12 }).map((parts) => prefix + parts.join(''));

describe('hostile input never escapes as anything but an OtpError', () => {
  it('parseOtpauthUri', () => {
    const arb = fc.oneof(anyString, uriShaped('otpauth://totp/'), uriShaped('otpauth://hotp/a?'), uriShaped('otpauth://'));
    fc.assert(fc.property(arb, (s) => returnsOrThrowsOtpError(() => parseOtpauthUri(s))), { numRuns: 2000 });
  });

  it('parseMigrationBatch on strings', () => {
    const arb = fc.oneof(anyString, uriShaped('otpauth-migration://offline?data='), uriShaped('otpauth-migration://offline?'));
    fc.assert(fc.property(arb, (s) => returnsOrThrowsOtpError(() => parseMigrationBatch(s))), { numRuns: 2000 });
  });

  it('parseMigrationBatch on random and mutated protobuf bytes', () => {
    const valid = new ProtoWriter()
      .bytesField(1, new ProtoWriter().bytesField(1, new Uint8Array(12).fill(7)).stringField(2, 'n').stringField(3, 'i').varintField(6, 1).varintField(7, 3).finish())
      .varintField(2, 1).varintField(3, 1).finish();
    const mutated = fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.nat({ max: valid.length })).map(([at, byte, cut]) => {
      const copy = valid.slice(0, Math.max(cut, at + 1));
      copy[at] = byte;
      return copy;
    });
    const arb = fc.oneof(fc.uint8Array({ maxLength: 200 }), mutated);
    fc.assert(
      fc.property(arb, (bytes) => {
        const uri = `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
        returnsOrThrowsOtpError(() => parseMigrationBatch(uri));
      }),
      { numRuns: 3000 },
    );
  });

  it('normalizeManualSecret', () => {
    const arb = fc.oneof(anyString, fc.array(fc.constantFrom('A', 'b', '2', '7', '=', ' ', '-', 'ß', 'ı', '0', '\u00A0'), { maxLength: 40 }).map((a) => a.join('')));
    fc.assert(
      fc.property(arb, (s) => {
        try {
          const secret = normalizeManualSecret(s);
          expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(OtpError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
