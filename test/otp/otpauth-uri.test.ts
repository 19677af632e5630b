import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOtpauthUri, parseOtpauthUri } from '../../src/otp/index';
import type { OtpAccount } from '../../src/otp/index';
import { accountArb } from './arbitraries';

const S = 'JBSWY3DPEHPK3PXP';
const base: OtpAccount = { type: 'totp', issuer: '', accountName: '', secret: S, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };

describe('parseOtpauthUri', () => {
  it.each<[string, Partial<OtpAccount>]>([
    [`otpauth://totp/Example:alice@google.com?secret=${S}&issuer=Example`, { issuer: 'Example', accountName: 'alice@google.com' }],
    [`otpauth://totp/alice@google.com?secret=${S}&issuer=Example`, { issuer: 'Example', accountName: 'alice@google.com' }],
    [`otpauth://totp/Example:alice?secret=${S}`, { issuer: 'Example', accountName: 'alice' }],
    [`otpauth://totp/Example%3Aalice?secret=${S}`, { issuer: 'Example', accountName: 'alice' }],
    [`otpauth://totp/Example%3A%20alice?secret=${S}`, { issuer: 'Example', accountName: 'alice' }],
    [`otpauth://totp/Example:%20%20alice?secret=${S}`, { issuer: 'Example', accountName: 'alice' }],
    [`otpauth://totp/Air+Canada:bob?secret=${S}&issuer=Air+Canada`, { issuer: 'Air Canada', accountName: 'bob' }],
    [`otpauth://totp/Air%20Canada:bob?secret=${S}&issuer=Air%20Canada`, { issuer: 'Air Canada', accountName: 'bob' }],
    [`otpauth://totp/alice?secret=${S}`, { accountName: 'alice' }],
    [`otpauth://totp/?secret=${S}`, {}],
    [`otpauth://totp?secret=${S}`, {}],
    [`OTPAUTH://TOTP/a?SECRET=${S.toLowerCase()}`, { accountName: 'a' }],
    [`otpauth://totp/a?secret=jbswy3dpehpk3pxpjbswy3dpee%3D%3D%3D===&algorithm=sha256&digits=8&period=60`, { accountName: 'a', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEE', algorithm: 'SHA256', digits: 8, period: 60 }],
    [`otpauth://totp/a?secret=${S}&algorithm=SHA512&image=https%3A%2F%2Fx&foo`, { accountName: 'a', algorithm: 'SHA512' }],
    [`otpauth://hotp/a?secret=${S}&counter=9007199254740991&digits=10`, { type: 'hotp', accountName: 'a', counter: 9007199254740991, digits: 10 }],
    [`otpauth://hotp/a?secret=${S}&counter=0&period=60`, { type: 'hotp', accountName: 'a' }],
    [`otpauth://totp/J%C3%BCrgen%20%F0%9F%98%80?secret=${S}`, { accountName: 'Jürgen 😀' }],
    [`otpauth://totp/A:b?secret=${S}&issuer=a`, { issuer: 'a', accountName: 'b' }],
    [`otpauth://totp/a%3Ab%3Ac?secret=${S}&issuer=a`, { issuer: 'a', accountName: 'b:c' }],
    [`otpauth://totp/a?secret=${S}&__proto__=x&constructor=y&hasOwnProperty=z`, { accountName: 'a' }],
    [`  otpauth://totp/a?secret=${S}\n`, { accountName: 'a' }],
  ])('%s', (uri, expected) => {
    expect(parseOtpauthUri(uri)).toEqual({ ...base, ...expected });
  });

  it('keeps __proto__ as an ordinary name', () => {
    const a = parseOtpauthUri(`otpauth://totp/__proto__:constructor?secret=${S}&issuer=__proto__`);
    expect(a.issuer).toBe('__proto__');
    expect(a.accountName).toBe('constructor');
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
  });
});

const bad: [string, string][] = [
  [`https://example.com/?secret=${S}`, 'otp/bad-scheme'],
  [`otpauth-migration://offline?data=AA`, 'otp/bad-scheme'],
  [`otpauth:/totp/a?secret=${S}`, 'otp/bad-scheme'],
  ['', 'otp/bad-scheme'],
  [`otpauth://motp/a?secret=${S}`, 'otp/bad-type'],
  [`otpauth:///a?secret=${S}`, 'otp/bad-type'],
  ['otpauth://totp/a', 'otp/bad-secret'],
  ['otpauth://totp/a?secret=', 'otp/bad-secret'],
  ['otpauth://totp/a?secret=JBSWY3DPEHPK3PX0', 'otp/bad-secret'],
  ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXß', 'otp/bad-secret'],
  ['otpauth://totp/a?secret=jbswy3dpehpk3pxı', 'otp/bad-secret'],
  ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP=', 'otp/bad-secret'],
  ['otpauth://totp/a?secret=JBSWY3DP', 'otp/secret-too-short'],
  [`otpauth://totp/a?secret=${S}&algorithm=MD5`, 'otp/bad-algorithm'],
  [`otpauth://totp/a?secret=${S}&algorithm=`, 'otp/bad-algorithm'],
  [`otpauth://totp/a?secret=${S}&digits=5`, 'otp/bad-digits'],
  [`otpauth://totp/a?secret=${S}&digits=9`, 'otp/bad-digits'],
  [`otpauth://hotp/a?secret=${S}&counter=0&digits=11`, 'otp/bad-digits'],
  [`otpauth://totp/a?secret=${S}&digits=6.0`, 'otp/bad-digits'],
  [`otpauth://totp/a?secret=${S}&period=0`, 'otp/bad-period'],
  [`otpauth://totp/a?secret=${S}&period=-30`, 'otp/bad-period'],
  [`otpauth://totp/a?secret=${S}&period=30.5`, 'otp/bad-period'],
  [`otpauth://totp/a?secret=${S}&period=3e1`, 'otp/bad-period'],
  [`otpauth://totp/a?secret=${S}&period=+30`, 'otp/bad-period'],
  [`otpauth://totp/a?secret=${S}&period=3601`, 'otp/bad-period'],
  [`otpauth://totp/a?secret=${S}&period=99999999999999999999`, 'otp/bad-period'],
  [`otpauth://hotp/a?secret=${S}`, 'otp/bad-counter'],
  [`otpauth://hotp/a?secret=${S}&counter=-1`, 'otp/bad-counter'],
  [`otpauth://hotp/a?secret=${S}&counter=9007199254740992`, 'otp/bad-counter'],
  [`otpauth://hotp/a?secret=${S}&counter=`, 'otp/bad-counter'],
  [`otpauth://totp/a?secret=${S}&secret=${S}`, 'otp/duplicate-parameter'],
  [`otpauth://totp/a?secret=${S}&issuer=A&Issuer=B`, 'otp/duplicate-parameter'],
  [`otpauth://totp/a?secret=${S}&__proto__=1&__proto__=2`, 'otp/duplicate-parameter'],
  [`otpauth://totp/Evil:alice?secret=${S}&issuer=Good`, 'otp/issuer-mismatch'],
  [`otpauth://totp/Evil%3Aalice?secret=${S}&issuer=Good`, 'otp/issuer-mismatch'],
  [`otpauth://totp/a:b:c?secret=${S}`, 'otp/bad-label'],
  [`otpauth://totp/a%3Ab%3Ac?secret=${S}`, 'otp/bad-label'],
  [`otpauth://totp/a%ZZ?secret=${S}`, 'otp/bad-escape'],
  [`otpauth://totp/a%?secret=${S}`, 'otp/bad-escape'],
  [`otpauth://totp/a%C3?secret=${S}`, 'otp/bad-escape'],
  [`otpauth://totp/a%ED%A0%80?secret=${S}`, 'otp/bad-escape'],
  [`otpauth://totp/a?secret=${S}&issuer=%E0%A4%A`, 'otp/bad-escape'],
  [`otpauth://totp/a?secret=${S}&x%=1`, 'otp/bad-escape'],
  [`otpauth://totp/a?secret=${S}&issuer=${'x'.repeat(2100)}`, 'otp/too-long'],
  [`otpauth://totp/${'x'.repeat(257)}?secret=${S}`, 'otp/too-long'],
  [`otpauth://totp/a?secret=${S}&issuer=${'%C3%A9'.repeat(257)}`, 'otp/too-long'],
  [`otpauth://totp/a%0Ab?secret=${S}`, 'otp/bad-characters'],
  [`otpauth://totp/a%00?secret=${S}`, 'otp/bad-characters'],
  [`otpauth://totp/a?secret=${S}&issuer=Pay%E2%80%AElaP`, 'otp/bad-characters'],
  [`otpauth://totp/%E2%81%A6a?secret=${S}`, 'otp/bad-characters'],
  [`otpauth://totp/a\uD800?secret=${S}`, 'otp/bad-characters'],
  [`otpauth://totp/a#b?secret=${S}`, 'otp/bad-characters'],
];

describe('parseOtpauthUri refuses bad input with a specific OtpError', () => {
  it.each(bad)('%s -> %s', (uri, code) => {
    let caught: unknown;
    try {
      parseOtpauthUri(uri);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'OtpError', code });
    expect((caught as Error).message).not.toContain(S);
  });
});

describe('formatOtpauthUri', () => {
  it('writes a readable standard URI', () => {
    expect(formatOtpauthUri({ ...base, issuer: 'ACME Co', accountName: 'john@example.com' })).toBe(
      `otpauth://totp/ACME%20Co:john@example.com?secret=${S}&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30`,
    );
    expect(formatOtpauthUri({ ...base, type: 'hotp', accountName: 'x', counter: 5 })).toBe(
      `otpauth://hotp/x?secret=${S}&algorithm=SHA1&digits=6&counter=5`,
    );
  });

  it.each<Partial<OtpAccount>>([
    { issuer: 'a:b', accountName: 'c:d' },
    { issuer: '', accountName: 'a:b' },
    { issuer: '', accountName: ' :b' },
    { issuer: 'X', accountName: '  spaced' },
    { issuer: '', accountName: ' spaced' },
    { issuer: 'x', accountName: 'x:y' },
    { issuer: ' ', accountName: ' :x' },
    { issuer: 'a&b=c?d#e%f+g', accountName: '%20%3A+&#' },
    { issuer: '__proto__', accountName: 'constructor' },
    { issuer: '日本', accountName: '😀\uFEFFß' },
    { issuer: 'A'.repeat(256), accountName: 'b'.repeat(256) },
  ])('round-trips %j', (names) => {
    const account = { ...base, ...names };
    expect(parseOtpauthUri(formatOtpauthUri(account))).toEqual(account);
  });

  it('refuses an account whose URI would not fit', () => {
    const account = { ...base, issuer: '日'.repeat(256), accountName: '本'.repeat(256) };
    expect(() => formatOtpauthUri(account)).toThrowError(expect.objectContaining({ code: 'otp/too-long' }));
  });

  it('refuses invalid accounts', () => {
    expect(() => formatOtpauthUri({ ...base, digits: 9 })).toThrowError(expect.objectContaining({ code: 'otp/bad-digits' }));
    expect(() => formatOtpauthUri({ ...base, accountName: 'a\u202Eb' })).toThrowError(expect.objectContaining({ code: 'otp/bad-characters' }));
  });

  it('round-trips random accounts (property)', () => {
    fc.assert(
      fc.property(accountArb, (account) => {
        expect(parseOtpauthUri(formatOtpauthUri(account))).toEqual(account);
      }),
      { numRuns: 500 },
    );
  });
});
