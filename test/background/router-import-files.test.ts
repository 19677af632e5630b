import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { englishEntries } from '../english-messages';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  aegisEncrypted,
  aegisEntries,
  andOtpEncrypted,
  andOtpEntries,
  bitwardenCsv,
  enteEncrypted,
  otpauthLines,
  SAMPLE_ACCOUNTS,
  twoFasEncrypted,
  twoFasServices,
} from '../fixtures/import/build-fixtures';
import { ask, type Clock, makeContext, oracleHotp, oracleTotp, PASS, refusal, restoreStorage, saveStorage, type StorageSnapshot, storageBytes, T0 } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const PASSWORD = 'export password';
const b64 = (bytes: Uint8Array | string) => Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).toString('base64');
let empty: StorageSnapshot;

beforeAll(async () => {
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: PASS });
  empty = await saveStorage();
});

beforeEach(async () => {
  clock.now = T0 + 4_000;
  await restoreStorage(empty);
});

/** Every account in the vault with its current code, the code checked against the oracle. */
async function vaultWithCodes() {
  const { accounts } = await ask(context(), { type: 'accounts.list' });
  const { codes } = await ask(context(), { type: 'accounts.codes' });
  return accounts.map((a) => ({ type: a.type, issuer: a.issuer, accountName: a.accountName, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter, sites: a.sites, code: codes.find((c) => c.id === a.id)?.code }));
}

/** The sample accounts with their oracle codes; an HOTP code is shown only on request (the list holds ''). */
function expectedWithCodes(sites: string[]) {
  return SAMPLE_ACCOUNTS.map(({ secret, ...a }) => ({ ...a, sites, code: a.type === 'totp' ? oracleTotp(secret, clock.now, a) : '' }));
}

/** The HOTP account's next code, from the background, against the oracle at the imported counter. */
async function expectHotpCode() {
  const { accounts } = await ask(context(), { type: 'accounts.list' });
  const hotp = accounts.find((a) => a.type === 'hotp')!;
  const sample = SAMPLE_ACCOUNTS.find((a) => a.type === 'hotp')!;
  const { code } = await ask(context(), { type: 'accounts.nextHotp', id: hotp.id });
  expect(code.code).toBe(oracleHotp(sample.secret, sample.counter, sample));
}

describe('import.preview with a file’s bytes, then import.commit checked by reading the vault back', () => {
  it.each([
    ['Aegis encrypted', async () => b64(await aegisEncrypted(aegisEntries(SAMPLE_ACCOUNTS), PASSWORD)), 'aegis-encrypted'],
    ['2FAS encrypted', async () => b64(await twoFasEncrypted(twoFasServices(SAMPLE_ACCOUNTS), PASSWORD)), 'two-fas-encrypted'],
    ['Ente Auth encrypted', async () => b64(enteEncrypted(otpauthLines(SAMPLE_ACCOUNTS), PASSWORD)), 'ente-encrypted'],
    ['andOTP encrypted (binary)', async () => b64(await andOtpEncrypted(andOtpEntries(SAMPLE_ACCOUNTS), PASSWORD, { kind: 'pbkdf2', iterations: 140_000 })), 'and-otp-encrypted'],
    ['Bitwarden CSV', async () => b64(bitwardenCsv(SAMPLE_ACCOUNTS)), 'bitwarden-csv'],
  ])('%s: asks for the password, previews every account, saves them all and says so only after reading them back', async (_name, build, format) => {
    const file = await build();
    if (format !== 'bitwarden-csv') expect((await refusal(context(), { type: 'import.preview', file })).code).toBe('import/needs-passphrase');
    const preview = await ask(context(), { type: 'import.preview', file, backupPassphrase: PASSWORD });
    expect(preview.format).toBe(format);
    expect(preview.accepted.map((a) => `${a.issuer}/${a.accountName}/${a.type}`)).toEqual(SAMPLE_ACCOUNTS.map((a) => `${a.issuer}/${a.accountName}/${a.type}`));
    expect(JSON.stringify(preview)).not.toContain(SAMPLE_ACCOUNTS[0]!.secret);
    const outcome = await ask(context(), { type: 'import.commit', token: preview.token, sites: ['https://portal.example.com'] });
    expect(outcome).toEqual({ added: 4, skipped: 0, promised: 4, verified: true, missing: [] });
    expect(await vaultWithCodes()).toEqual(expectedWithCodes(['https://portal.example.com']));
    await expectHotpCode();
  });

  it('leaves the stored vault byte for byte as it was on every failure', async () => {
    const before = await storageBytes();
    const aegis = JSON.parse(await aegisEncrypted(aegisEntries(SAMPLE_ACCOUNTS), PASSWORD));
    const costly = JSON.stringify({ ...aegis, header: { ...aegis.header, slots: aegis.header.slots.map((s: { type: number }) => (s.type === 1 ? { ...s, n: 2 ** 24 } : s)) } });
    const failures: Array<[unknown, string]> = [
      [{ type: 'import.preview', file: b64(JSON.stringify(aegis)), backupPassphrase: 'wrong password' }, 'import/wrong-password'],
      [{ type: 'import.preview', file: b64(costly), backupPassphrase: PASSWORD }, 'import/kdf-too-costly'],
      [{ type: 'import.preview', file: b64('{"not":"an export"}') }, 'import/unrecognised'],
      [{ type: 'import.preview', file: b64('{"version":1,"header":') }, 'import/damaged'],
      [{ type: 'import.preview', file: '%%% not base64 %%%' }, 'import/bad-request'],
    ];
    for (const [message, code] of failures) expect((await refusal(context(), message)).code).toBe(code);
    expect(await storageBytes()).toBe(before);
  });

  it('a duplicate in the file or already in the vault is listed as skipped, not promised', async () => {
    const first = await ask(context(), { type: 'import.preview', file: b64(bitwardenCsv(SAMPLE_ACCOUNTS.slice(0, 2))) });
    await ask(context(), { type: 'import.commit', token: first.token, sites: [] });
    const again = await ask(context(), { type: 'import.preview', file: b64(bitwardenCsv(SAMPLE_ACCOUNTS)) });
    expect(again.accepted.map((a) => a.issuer)).toEqual(['Zürich Wiki', 'VPN']);
    expect(englishEntries(again.skipped)).toEqual([
      { label: 'JumpCloud — alice@example.com', reason: 'Already in your vault.' },
      { label: 'Slow Bank — bob', reason: 'Already in your vault.' },
    ]);
    expect(await ask(context(), { type: 'import.commit', token: again.token, sites: [] })).toMatchObject({ added: 2, promised: 2, verified: true });
  });
});

describe('export to Aegis JSON and otpauth lines, and back', () => {
  async function fillVault() {
    const preview = await ask(context(), { type: 'import.preview', file: b64(bitwardenCsv(SAMPLE_ACCOUNTS)) });
    await ask(context(), { type: 'import.commit', token: preview.token, sites: [] });
  }

  it.each([
    ['aegis-json', 'aegis', /^aegis-export-plain-\d{4}-\d\d-\d\d\.json$/],
    ['otpauth-lines', 'otpauth-lines', /^otpauth-links-\d{4}-\d\d-\d\d\.txt$/],
  ] as const)('%s: behind the vault passphrase; imported into a fresh vault, the same accounts and codes', async (format, recognised, filename) => {
    await fillVault();
    const before = await storageBytes();
    expect((await refusal(context(), { type: 'export.plain', format, passphrase: 'not the passphrase' })).code).toBe('vault/wrong-passphrase');
    expect((await refusal(context(), { type: 'export.plain', format, passphrase: '' })).code).toBe('vault/passphrase-empty');
    expect(await storageBytes()).toBe(before);
    const exported = await ask(context(), { type: 'export.plain', format, passphrase: PASS });
    expect(exported.filename).toMatch(filename);
    for (const { secret } of SAMPLE_ACCOUNTS) expect(exported.text).toContain(secret);
    await restoreStorage(empty);
    const preview = await ask(context(), { type: 'import.preview', file: b64(exported.text) });
    expect(preview.format).toBe(recognised);
    await ask(context(), { type: 'import.commit', token: preview.token, sites: [] });
    expect(await vaultWithCodes()).toEqual(expectedWithCodes([]));
    await expectHotpCode();
  });

  it('refuses both where the policy forbids plain exports, even with the right passphrase', async () => {
    await fillVault();
    const managed = { ...context(), policy: async () => ({ policy: { allowPlainExport: false }, warnings: [] }) };
    for (const format of ['aegis-json', 'otpauth-lines'] as const) {
      expect((await refusal(managed, { type: 'export.plain', format, passphrase: PASS })).code).toBe('policy/plain-export-blocked');
    }
  });

  it('refuses a format it does not write, before asking anything of the vault', async () => {
    expect((await refusal(context(), { type: 'export.plain', format: 'bitwarden-csv', passphrase: PASS })).code).toBe('protocol/bad-request');
  });
});
