import { describe, expect, it } from 'vitest';
import { classifyQrPayload, describeNonAuthenticatorQr as describeTranslatable, isAuthenticatorPayloadKind, type PayloadSubject } from '../../src/qr/payload';
import { english } from '../english-messages';
import { FIXTURE_MIGRATION_BATCH, FIXTURE_OTPAUTH } from '../fixtures/qr/payloads';

describe('classifyQrPayload', () => {
  it.each([
    [FIXTURE_OTPAUTH, 'otpauth'],
    ['OTPAUTH://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1', 'otpauth'],
    ['  otpauth://totp/a?secret=JBSWY3DPEHPK3PXP\n', 'otpauth'],
    [FIXTURE_MIGRATION_BATCH[0], 'otpauth-migration'],
    ['https://portal.example.com/activate?token=1', 'url'],
    ['http://example.com', 'url'],
    ['otpauth:/totp/missing-slash', 'text'],
    ['otpauthx://totp/a', 'text'],
    ['mailto:alice@example.com', 'text'],
    ['WIFI:S:office;T:WPA;P:pass;;', 'text'],
    ['JBSWY3DPEHPK3PXP', 'text'],
    ['https://', 'text'],
    ['', 'text'],
  ] as const)('%j is %s', (text, kind) => {
    expect(classifyQrPayload(text).kind).toBe(kind);
  });

  it('trims whitespace around recognised URIs', () => {
    expect(classifyQrPayload(' otpauth://totp/a?secret=AAAA ').text).toBe('otpauth://totp/a?secret=AAAA');
  });

  it('tells which kinds the OTP engine can take', () => {
    expect(['otpauth', 'otpauth-migration', 'url', 'text'].map((k) => isAuthenticatorPayloadKind(k as never))).toEqual([true, true, false, false]);
  });
});

/** The description in English, as the page shows it. */
const describeNonAuthenticatorQr = (kind: Parameters<typeof describeTranslatable>[0], text: string, subject?: PayloadSubject) =>
  english(describeTranslatable(kind, text, subject));

describe('describeNonAuthenticatorQr', () => {
  it('names a web link by its origin and hides its query', () => {
    const message = describeNonAuthenticatorQr('url', 'https://portal.example.com/activate?token=SECRETTOKEN');
    expect(message).toContain('web link (https://portal.example.com/activate…)');
    expect(message).toContain('not an authenticator code');
    expect(message).toContain('otpauth://');
    expect(message).not.toContain('SECRETTOKEN');
  });

  it('quotes short plain text and cuts long text', () => {
    expect(describeNonAuthenticatorQr('text', 'Hello\n world')).toContain('"Hello world"');
    const long = describeNonAuthenticatorQr('text', 'hello! '.repeat(20));
    expect(long).toContain(`"${'hello! '.repeat(5)}hello…"`);
  });

  it('never repeats a secret: otpauth payloads and bare keys', () => {
    const forUri = describeNonAuthenticatorQr('otpauth', FIXTURE_OTPAUTH);
    expect(forUri).not.toContain('JBSWY3DPEHPK3PXP');
    const forKey = describeNonAuthenticatorQr('text', 'JBSW Y3DP EHPK 3PXP');
    expect(forKey).toContain('bare secret key');
    expect(forKey).not.toContain('JBSW');
  });
});

describe('describeNonAuthenticatorQr wording', () => {
  it('names what was read: a QR code by default, or e.g. a pasted line', () => {
    expect(describeNonAuthenticatorQr('url', 'https://example.com/activate?t=1', 'line')).toMatch(/^This line is a web link \(https:\/\/example\.com/);
    expect(describeNonAuthenticatorQr('text', 'hello')).toMatch(/^This QR code holds plain text/);
  });

  it('takes a sentence for plain text, and a key written whole or in groups of four for a bare key', () => {
    expect(describeNonAuthenticatorQr('text', 'Welcome to the portal')).toMatch(/plain text/);
    expect(describeNonAuthenticatorQr('text', 'JBSW Y3DP EHPK 3PXP')).toMatch(/bare secret key/);
    expect(describeNonAuthenticatorQr('text', 'JBSWY3DPEHPK3PXP')).toMatch(/bare secret key/);
  });
});
