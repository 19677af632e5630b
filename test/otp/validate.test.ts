import { describe, expect, it } from 'vitest';
import { accountFromManualEntry, validateAccount } from '../../src/otp/index';
import type { OtpAccount } from '../../src/otp/index';

const good: OtpAccount = {
  type: 'totp', issuer: 'JumpCloud', accountName: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
};
const hotp: OtpAccount = { ...good, type: 'hotp', counter: 7 };

describe('validateAccount', () => {
  it('returns a clean copy with a canonical secret and no extra fields', () => {
    const stored = { ...good, secret: 'jbswy3dpehpk3pxp', extra: 'x' } as OtpAccount;
    const result = validateAccount(stored);
    expect(result).toEqual(good);
    expect(result).not.toBe(stored);
    expect(validateAccount(hotp)).toEqual(hotp);
    expect(validateAccount({ ...hotp, digits: 10 }).digits).toBe(10);
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'otp/bad-account'],
    ['a string', 'otpauth://totp/a', 'otp/bad-account'],
    ['unknown type', { ...good, type: 'motp' }, 'otp/bad-type'],
    ['issuer not text', { ...good, issuer: 5 }, 'otp/bad-account'],
    ['account name missing', { ...good, accountName: undefined }, 'otp/bad-account'],
    ['name too long', { ...good, accountName: 'x'.repeat(257) }, 'otp/too-long'],
    ['control character', { ...good, issuer: 'a\u0007' }, 'otp/bad-characters'],
    ['bidi isolate', { ...good, accountName: '\u2067evil' }, 'otp/bad-characters'],
    ['lone surrogate', { ...good, accountName: 'a\uDC00' }, 'otp/bad-characters'],
    ['secret missing', { ...good, secret: undefined }, 'otp/bad-secret'],
    ['secret not base32', { ...good, secret: 'JBSWY3DPEHPK3PX!' }, 'otp/bad-secret'],
    ['secret short', { ...good, secret: 'JBSWY3DP' }, 'otp/secret-too-short'],
    ['lower-case algorithm', { ...good, algorithm: 'sha1' }, 'otp/bad-algorithm'],
    ['digits as text', { ...good, digits: '6' }, 'otp/bad-digits'],
    ['TOTP with 10 digits', { ...good, digits: 10 }, 'otp/bad-digits'],
    ['HOTP with 11 digits', { ...hotp, digits: 11 }, 'otp/bad-digits'],
    ['period 0', { ...good, period: 0 }, 'otp/bad-period'],
    ['period fraction', { ...good, period: 30.5 }, 'otp/bad-period'],
    ['period infinite', { ...good, period: Infinity }, 'otp/bad-period'],
    ['period too long', { ...good, period: 3601 }, 'otp/bad-period'],
    ['HOTP with a period', { ...hotp, period: 60 }, 'otp/bad-period'],
    ['TOTP with a counter', { ...good, counter: 3 }, 'otp/bad-counter'],
    ['negative counter', { ...hotp, counter: -1 }, 'otp/bad-counter'],
    ['unsafe counter', { ...hotp, counter: 2 ** 53 }, 'otp/bad-counter'],
    ['counter NaN', { ...hotp, counter: NaN }, 'otp/bad-counter'],
  ])('refuses %s', (_label, input, code) => {
    expect(() => validateAccount(input as OtpAccount)).toThrowError(expect.objectContaining({ name: 'OtpError', code }));
  });
});

describe('accountFromManualEntry', () => {
  it('fills the usual defaults and tidies what was typed', () => {
    expect(accountFromManualEntry({ issuer: ' JumpCloud ', accountName: 'alice@example.com', secret: 'jbsw y3dp-ehpk 3pxp' })).toEqual(good);
  });
  it('accepts numbers typed as text and any letter case', () => {
    expect(
      accountFromManualEntry({ issuer: '', accountName: 'a', secret: 'JBSWY3DPEHPK3PXP', type: 'HOTP', algorithm: 'sha-256', digits: '8', counter: ' 42 ' }),
    ).toEqual({ ...good, issuer: '', accountName: 'a', type: 'hotp', algorithm: 'SHA256', digits: 8, counter: 42 });
    expect(accountFromManualEntry({ issuer: 'x', accountName: 'a', secret: 'JBSWY3DPEHPK3PXP', period: '60', digits: 7 }).period).toBe(60);
  });
  it.each<[Record<string, unknown>, string]>([
    [{ secret: 'JBSWY3DPEHPK3PXß' }, 'otp/bad-secret'],
    [{ secret: 'JBSWY3DP' }, 'otp/secret-too-short'],
    [{ type: 'motp' }, 'otp/bad-type'],
    [{ algorithm: 'MD5' }, 'otp/bad-algorithm'],
    [{ digits: '6 digits' }, 'otp/bad-digits'],
    [{ period: '-30' }, 'otp/bad-period'],
    [{ type: 'hotp', counter: '1e3' }, 'otp/bad-counter'],
    [{ accountName: 'a\u202Eb' }, 'otp/bad-characters'],
  ])('refuses %j', (override, code) => {
    const entry = { issuer: 'x', accountName: 'a', secret: 'JBSWY3DPEHPK3PXP', ...override };
    expect(() => accountFromManualEntry(entry as never)).toThrowError(expect.objectContaining({ code }));
  });
});
