import * as OTPAuth from 'otpauth';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase32, generateHotp, generateTotp, OtpError, totpWindow } from '../../src/otp/index';
import type { OtpAlgorithm } from '../../src/otp/index';
import { secretBytesArb } from './arbitraries';

const ascii = (s: string) => encodeBase32(new TextEncoder().encode(s));

describe('RFC 4226 Appendix D (HOTP)', () => {
  const account = { secret: ascii('12345678901234567890'), algorithm: 'SHA1' as const, digits: 6 };
  const rows = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(rows.map((code, counter) => [counter, code]))('counter %i gives %s', (counter, code) => {
    expect(generateHotp(account, counter)).toBe(code);
    expect(generateHotp(account, BigInt(counter))).toBe(code);
  });
});

describe('RFC 6238 Appendix B (TOTP, 8 digits, 30 s)', () => {
  const seeds: Record<OtpAlgorithm, string> = {
    SHA1: '12345678901234567890',
    SHA256: '12345678901234567890123456789012',
    SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
  };
  const rows: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  const cases = rows.flatMap(([t, ...codes]) =>
    (['SHA1', 'SHA256', 'SHA512'] as const).map((alg, i) => [t, alg, codes[i]!] as const),
  );
  it.each(cases)('t=%i %s gives %s', (t, algorithm, code) => {
    const account = { secret: ascii(seeds[algorithm]), algorithm, digits: 8, period: 30 };
    expect(generateTotp(account, t * 1000)).toBe(code);
    expect(generateTotp(account, t * 1000 + 999)).toBe(code);
  });
});

describe('totpWindow', () => {
  const account = { secret: ascii('12345678901234567890'), algorithm: 'SHA1' as const, digits: 8, period: 30 };
  it('gives the current code, the next one and the time left', () => {
    const w = totpWindow(account, 1111111109_000);
    expect(w).toEqual({ code: '07081804', nextCode: '14050471', secondsRemaining: 1, period: 30, counter: 0x23523ec });
    expect(totpWindow(account, 1111111110_000).secondsRemaining).toBe(30);
    expect(totpWindow(account, 1111111110_500).code).toBe('14050471');
  });
  it('refuses a bad clock or period with an OtpError', () => {
    expect(() => totpWindow(account, -1)).toThrowError(expect.objectContaining({ code: 'otp/bad-time' }));
    expect(() => totpWindow(account, Number.NaN)).toThrowError(expect.objectContaining({ code: 'otp/bad-time' }));
    expect(() => totpWindow({ ...account, period: 0 }, 0)).toThrowError(expect.objectContaining({ code: 'otp/bad-period' }));
  });
});

describe('generator input checks', () => {
  const account = { secret: ascii('12345678901234567890'), algorithm: 'SHA1' as const, digits: 6 };
  it.each([
    [-1, 'otp/bad-counter'],
    [1.5, 'otp/bad-counter'],
    [2 ** 53, 'otp/bad-counter'],
    [-1n, 'otp/bad-counter'],
    [2n ** 64n, 'otp/bad-counter'],
  ] as const)('counter %s is refused', (counter, code) => {
    expect(() => generateHotp(account, counter)).toThrowError(expect.objectContaining({ code }));
  });
  it('accepts the largest 64-bit counter', () => {
    expect(generateHotp(account, 2n ** 64n - 1n)).toMatch(/^\d{6}$/);
  });
  it.each([5, 11, 6.5])('digits %s are refused', (digits) => {
    expect(() => generateHotp({ ...account, digits }, 0)).toThrow(OtpError);
  });
  it('refuses an unknown algorithm', () => {
    expect(() => generateHotp({ ...account, algorithm: 'MD5' as OtpAlgorithm }, 0)).toThrowError(
      expect.objectContaining({ code: 'otp/bad-algorithm' }),
    );
  });
  it('pads 10-digit codes', () => {
    expect(generateHotp({ ...account, digits: 10 }, 0)).toBe('1284755224');
    expect(generateHotp({ ...account, digits: 10 }, 7)).toBe('0082162583');
  });
});

describe('agreement with the independent otpauth library', () => {
  const algorithmArb = fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const);
  it('TOTP codes agree for random secrets, times, algorithms, digits and periods', () => {
    fc.assert(
      fc.property(secretBytesArb, algorithmArb, fc.integer({ min: 6, max: 10 }), fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 0, max: 253402300799 }), (bytes, algorithm, digits, period, seconds) => {
        const secret = encodeBase32(bytes);
        const oracle = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm, digits, period });
        const nowMs = seconds * 1000;
        expect(generateTotp({ secret, algorithm, digits, period }, nowMs)).toBe(oracle.generate({ timestamp: nowMs }));
      }),
      { numRuns: 300 },
    );
  });
  it('HOTP codes agree for random counters up to 2^53 − 1', () => {
    fc.assert(
      fc.property(secretBytesArb, algorithmArb, fc.integer({ min: 6, max: 10 }), fc.nat({ max: Number.MAX_SAFE_INTEGER }), (bytes, algorithm, digits, counter) => {
        const secret = encodeBase32(bytes);
        const oracle = OTPAuth.HOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm, digits, counter });
        expect(generateHotp({ secret, algorithm, digits }, counter)).toBe(oracle);
      }),
      { numRuns: 300 },
    );
  });
});
