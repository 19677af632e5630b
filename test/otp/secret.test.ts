import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from '../english-messages';
import { decodeBase32, encodeBase32, normalizeManualSecret, normalizeSecret, secretStrengthWarning } from '../../src/otp/index';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('RFC 4648 §10 base32 vectors', () => {
  it.each([
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ])('%j <-> %s', (plain, encoded) => {
    expect(encodeBase32(bytes(plain), { padding: true })).toBe(encoded);
    expect(encodeBase32(bytes(plain))).toBe(encoded.replace(/=/g, ''));
    expect(decodeBase32(encoded)).toEqual(bytes(plain));
    expect(decodeBase32(encoded.replace(/=/g, ''))).toEqual(bytes(plain));
    expect(decodeBase32(encoded.toLowerCase())).toEqual(bytes(plain));
  });

  it('round-trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
      expect(decodeBase32(encodeBase32(b))).toEqual(b);
      expect(decodeBase32(encodeBase32(b, { padding: true }))).toEqual(b);
    }));
  });
});

describe('decodeBase32 refusals', () => {
  it.each([
    ['MZXW6=YQ', 'padding in the middle'],
    ['MZXW6YQ==', 'too much padding'],
    ['MZXW6YTBOI=', 'too little padding'],
    ['MZXW6YTBO', 'impossible length'],
    ['MZXW6YT0', 'digit zero'],
    ['MZXW6YT1', 'digit one'],
    ['MZXW 6YTB', 'space'],
    ['MZXW6YTß', 'sharp s, which upper-cases to SS'],
    ['MZXW6YTı', 'dotless i, which upper-cases to I'],
    ['MZXW6YTſ', 'long s, which upper-cases to S'],
    ['MZXW6YTＡ', 'full-width A'],
  ])('%s (%s)', (text) => {
    expect(() => decodeBase32(text)).toThrowError(expect.objectContaining({ code: 'otp/bad-secret' }));
  });

  it('hints at look-alike digits without echoing the key', () => {
    try {
      normalizeSecret('JBSWY3DPEHPK3PX0');
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('letter O');
      expect(message).toContain('position 16');
      expect(message).not.toContain('JBSWY3DPEHPK3PX');
    }
  });
});

describe('normalizeSecret / normalizeManualSecret', () => {
  it('returns canonical upper-case base32 without padding', () => {
    expect(normalizeSecret('jbswy3dpehpk3pxp')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeSecret('JBSWY3DPEHPK3PXPJBSWY3DPEE======')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEE');
  });
  it('clears unused trailing bits so equal keys compare equal', () => {
    // 26 characters carry 16 bytes plus 2 spare bits; "F" sets them, "E" does not.
    expect(normalizeSecret('JBSWY3DPEHPK3PXPJBSWY3DPEF')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEE');
  });
  it('accepts what people type', () => {
    expect(normalizeManualSecret('jbsw y3dp ehpk 3pxp')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeManualSecret('JBSW-Y3DP-EHPK-3PXP')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeManualSecret(' jbswy3dpehpk3pxp\n')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeManualSecret('jbswy3dp ehpk3pxp jbswy3dp ee======')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEE');
  });
  it.each([
    ['', 'otp/bad-secret'],
    ['   ', 'otp/bad-secret'],
    ['JBSWY3DPEHPK3P', 'otp/bad-secret'],
    ['JBSWY3DPEHPK3PX', 'otp/secret-too-short'],
    ['JBSWY3DPEHPK3PXß', 'otp/bad-secret'],
    ['jbswy3dpehpk3pxı', 'otp/bad-secret'],
    ['A'.repeat(5000), 'otp/too-long'],
  ])('refuses %j with %s', (text, code) => {
    expect(() => normalizeManualSecret(text)).toThrowError(expect.objectContaining({ code }));
  });
  it('refuses keys under 10 bytes and accepts 10', () => {
    expect(() => normalizeSecret(encodeBase32(new Uint8Array(9)))).toThrowError(expect.objectContaining({ code: 'otp/secret-too-short' }));
    expect(normalizeSecret(encodeBase32(new Uint8Array(10)))).toBe('AAAAAAAAAAAAAAAA');
  });
});

describe('secretStrengthWarning', () => {
  it('warns under 128 bits only', () => {
    expect(english(secretStrengthWarning({ secret: encodeBase32(new Uint8Array(10)) })!)).toContain('80 bits');
    expect(english(secretStrengthWarning({ secret: encodeBase32(new Uint8Array(15)) })!)).toContain('120 bits');
    expect(secretStrengthWarning({ secret: encodeBase32(new Uint8Array(16)) })).toBeUndefined();
    expect(secretStrengthWarning({ secret: encodeBase32(new Uint8Array(20)) })).toBeUndefined();
  });
});
