import { describe, expect, it } from 'vitest';
import { generateHotp, generateTotp } from '../../src/otp';
import { detectImportFormat, readImportFile as readTranslatable, type ParsedImport } from '../../src/import';
import { englishEntries } from '../english-messages';
import { oracleHotp, oracleTotp, T0 } from '../background/helpers';
import {
  aegisEncrypted,
  aegisEntries,
  aegisPlain,
  andOtpEncrypted,
  andOtpEntries,
  authenticatorExtBackup,
  bitwardenCsv,
  bitwardenJson,
  enteEncrypted,
  type FixtureAccount,
  otpauthLines,
  SAMPLE_ACCOUNTS,
  twoFasEncrypted,
  twoFasPlain,
  twoFasServices,
} from '../fixtures/import/build-fixtures';

const PASSWORD = 'pässwörd with spaces';

/** Reads a file; its skipped entries as the page shows them in English. */
async function readImportFile(...args: Parameters<typeof readTranslatable>) {
  const result = await readTranslatable(...args);
  return { ...result, skipped: englishEntries(result.skipped) };
}
const bytes = (text: string) => new TextEncoder().encode(text);

/** The accounts as the fixture wrote them, and each one's code from the product engine equal to the oracle's. */
function expectAccounts(result: Pick<ParsedImport, 'accounts'>, expected: FixtureAccount[] = SAMPLE_ACCOUNTS) {
  expect(result.accounts.map(({ sites: _s, matchRegistrableDomain: _m, ...a }) => a)).toEqual(expected);
  for (const account of result.accounts) {
    const ours = account.type === 'totp' ? generateTotp(account, T0 + 12_345) : generateHotp(account, account.counter);
    const oracle =
      account.type === 'totp'
        ? oracleTotp(account.secret, T0 + 12_345, { algorithm: account.algorithm, digits: account.digits, period: account.period })
        : oracleHotp(account.secret, account.counter, { algorithm: account.algorithm, digits: account.digits });
    expect(ours).toBe(oracle);
  }
}

const steamSkip = { label: expect.stringMatching(/Steam|gamer/), reason: expect.stringMatching(/Steam Guard.*not supported/) };

describe('plain formats, recognised from their contents', () => {
  it('Aegis plain JSON, with its Steam entry skipped for a reason', async () => {
    const result = await readImportFile(bytes(aegisPlain(aegisEntries(SAMPLE_ACCOUNTS, true))));
    expect(result.format).toBe('aegis');
    expectAccounts(result);
    expect(result.skipped).toEqual([steamSkip]);
  });

  it('2FAS plain backup', async () => {
    const result = await readImportFile(bytes(twoFasPlain(twoFasServices(SAMPLE_ACCOUNTS, true))));
    expect(result.format).toBe('two-fas');
    expectAccounts(result);
    expect(result.skipped).toEqual([steamSkip]);
  });

  it('Ente Auth plain export and plain otpauth lines', async () => {
    const result = await readImportFile(bytes(`${otpauthLines(SAMPLE_ACCOUNTS)}\n`));
    expect(result.format).toBe('otpauth-lines');
    expectAccounts(result);
    expect(result.skipped).toEqual([]);
  });

  it('andOTP plain JSON', async () => {
    const result = await readImportFile(bytes(JSON.stringify(andOtpEntries(SAMPLE_ACCOUNTS, true))));
    expect(result.format).toBe('and-otp');
    expectAccounts(result);
    expect(result.skipped).toEqual([steamSkip]);
  });

  it('Bitwarden JSON: otpauth links, a bare key typed with spaces in lower case, steam:// skipped, logins without a key counted', async () => {
    const result = await readImportFile(bytes(bitwardenJson(SAMPLE_ACCOUNTS, { bareFirst: true, withSteam: true, withoutCode: 3 })));
    expect(result.format).toBe('bitwarden-json');
    expectAccounts(result);
    expect(result.skipped).toEqual([steamSkip, { label: '3 logins', reason: expect.stringMatching(/no one-time code key/i) }]);
  });

  it('Bitwarden CSV, with quoted notes holding commas, quotes and line breaks', async () => {
    const result = await readImportFile(bytes(bitwardenCsv(SAMPLE_ACCOUNTS, { withSteam: true, withoutCode: 1 })));
    expect(result.format).toBe('bitwarden-csv');
    expectAccounts(result);
    expect(result.skipped).toEqual([steamSkip, { label: '1 login', reason: expect.stringMatching(/no one-time code key/i) }]);
  });

  it('the Authenticator extension’s backup: a hex key, a Steam entry and a password-encrypted entry', async () => {
    const hexKey = Buffer.from(SAMPLE_ACCOUNTS[0]!.secret === 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' ? 'Hello!\xde\xad\xbe\xefHello!\xde\xad\xbe\xef' : '', 'latin1').toString('hex');
    const result = await readImportFile(bytes(authenticatorExtBackup(SAMPLE_ACCOUNTS, { hexFirst: hexKey, withSteam: true, encryptedOne: true })));
    expect(result.format).toBe('authenticator-ext');
    expectAccounts(result);
    expect(result.skipped).toEqual([steamSkip, { label: 'Locked — erin', reason: expect.stringMatching(/encrypted with the Authenticator extension’s password/) }]);
  });
});

describe('encrypted formats, opened with their password', () => {
  it('Aegis encrypted vault (scrypt password slot beside a biometric slot; AES-256-GCM)', async () => {
    const file = await aegisEncrypted(aegisEntries(SAMPLE_ACCOUNTS), PASSWORD);
    expect(detectImportFormat(bytes(file)).format).toBe('aegis-encrypted');
    expectAccounts(await readImportFile(bytes(file), { password: PASSWORD }));
    expect((await readImportFile(bytes(file), {}).catch((e) => e)).code).toBe('import/needs-passphrase');
    expect((await readImportFile(bytes(file), { password: 'wrong' }).catch((e) => e)).code).toBe('import/wrong-password');
  });

  it('2FAS encrypted backup (PBKDF2-SHA256 × 10,000; AES-GCM)', async () => {
    const file = await twoFasEncrypted(twoFasServices(SAMPLE_ACCOUNTS), PASSWORD);
    expect(detectImportFormat(bytes(file)).format).toBe('two-fas-encrypted');
    expectAccounts(await readImportFile(bytes(file), { password: PASSWORD }));
    expect((await readImportFile(bytes(file), { password: 'wrong' }).catch((e) => e)).code).toBe('import/wrong-password');
  });

  it('Ente Auth encrypted export (Argon2id; XChaCha20-Poly1305 secretstream)', async () => {
    const file = enteEncrypted(otpauthLines(SAMPLE_ACCOUNTS), PASSWORD);
    expect(detectImportFormat(bytes(file)).format).toBe('ente-encrypted');
    expectAccounts(await readImportFile(bytes(file), { password: PASSWORD }));
    expect((await readImportFile(bytes(file), { password: 'wrong' }).catch((e) => e)).code).toBe('import/wrong-password');
  });

  it.each([
    ['current (PBKDF2-SHA1, iterations in the header)', { kind: 'pbkdf2', iterations: 140_000 } as const],
    ['older (SHA-256 of the password)', { kind: 'sha256' } as const],
  ])('andOTP encrypted backup, %s, recognised as binary', async (_name, generation) => {
    const file = await andOtpEncrypted(andOtpEntries(SAMPLE_ACCOUNTS), PASSWORD, generation);
    expect(detectImportFormat(file).format).toBe('and-otp-encrypted');
    expectAccounts(await readImportFile(file, { password: PASSWORD }));
    expect((await readImportFile(file, { password: 'wrong' }).catch((e) => e)).code).toBe('import/wrong-password');
  });
});
