import * as OTPAuth from 'otpauth';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { englishEntries } from '../english-messages';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask, type Clock, makeContext, oracleTotp, PASS, randomSecret, refusal, restoreStorage, saveStorage, type StorageSnapshot, storageBytes, T0, totpUri } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const S = { jump: randomSecret(), slow: randomSecret(), bank: randomSecret() };
const BACKUP_PASS = 'a different backup passphrase';
let vaultA: StorageSnapshot;
let vaultB: StorageSnapshot;

beforeAll(async () => {
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: PASS });
  await ask(context(), { type: 'accounts.addUri', uri: totpUri(S.jump, 'JumpCloud', 'alice'), sites: ['https://console.jumpcloud.com'] });
  const slow = await ask(context(), { type: 'accounts.addUri', uri: totpUri(S.slow, 'Slow', 'bob', '&period=60&digits=8&algorithm=SHA256'), sites: [] });
  await ask(context(), { type: 'accounts.update', id: slow.account.id, patch: { sites: ['https://slow.example.org'], matchRegistrableDomain: true } });
  await ask(context(), { type: 'accounts.addUri', uri: `otpauth://hotp/Bank:carol?secret=${S.bank}&issuer=Bank&counter=9`, sites: [] });
  vaultA = await saveStorage();
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: 'the second vault passphrase' });
  vaultB = await saveStorage();
});

beforeEach(() => {
  clock.now = T0 + 4_000;
});

/** What must survive a transfer unchanged: everything but ids and timestamps, plus the current code. */
async function portableAccounts() {
  const { accounts } = await ask(context(), { type: 'accounts.list' });
  const { codes } = await ask(context(), { type: 'accounts.codes' });
  return accounts.map(({ id, createdAt: _c, updatedAt: _u, order: _o, ...rest }) => ({ ...rest, code: codes.find((c) => c.id === id)?.code }));
}

describe('import.preview and import.commit', () => {
  beforeEach(() => restoreStorage(vaultA));

  it('lists what would be added and what is skipped with reasons, then commits only the accepted', async () => {
    const fresh = randomSecret();
    const text = [
      totpUri(fresh, 'Acme', 'dave'),
      totpUri(fresh, 'Acme', 'dave'),
      'hello, this is not a link',
      '',
      'https://portal.example.com/enroll?token=abc123',
      totpUri(S.jump, 'JumpCloud', 'alice'),
    ].join('\r\n');
    const preview = await ask(context(), { type: 'import.preview', text });
    expect(preview.accepted).toEqual([{ issuer: 'Acme', accountName: 'dave', type: 'totp' }]);
    expect(englishEntries(preview.skipped)).toEqual(
      expect.arrayContaining([
        { label: 'Acme — dave', reason: expect.stringMatching(/twice/i) },
        { label: 'Item 3', reason: expect.stringMatching(/plain text.*not an authenticator code/i) },
        { label: 'Item 5', reason: expect.stringMatching(/web link.*not an authenticator code/i) },
        { label: 'JumpCloud — alice', reason: 'Already in your vault.' },
      ]),
    );
    expect(preview.skipped).toHaveLength(4);
    expect(JSON.stringify(preview)).not.toContain(fresh);
    expect(JSON.stringify(preview)).not.toContain('abc123');

    expect(await ask(context(), { type: 'import.commit', token: preview.token, sites: ['portal.example.com'] })).toEqual({ added: 1, skipped: 0, promised: 1, verified: true, missing: [] });
    const { accounts } = await ask(context(), { type: 'accounts.list' });
    expect(accounts.map((a) => a.issuer)).toEqual(['JumpCloud', 'Slow', 'Bank', 'Acme']);
    expect(accounts[3]).toMatchObject({ accountName: 'dave', sites: ['https://portal.example.com'] });
    expect((await refusal(context(), { type: 'import.commit', token: preview.token, sites: [] })).code).toBe('protocol/expired');
  });

  it('previews an account the vault already has (issuer differing only in case) as a duplicate, as commit treats it', async () => {
    const preview = await ask(context(), { type: 'import.preview', text: totpUri(S.jump, 'jumpcloud', 'alice') });
    const committed = await ask(context(), { type: 'import.commit', token: preview.token, sites: [] });
    expect(committed.added).toBe(preview.accepted.length);
    expect(englishEntries(preview.skipped)).toEqual([{ label: 'jumpcloud — alice', reason: 'Already in your vault.' }]);
  });

  it('refuses an empty import and an unknown token', async () => {
    expect((await refusal(context(), { type: 'import.preview', text: '  \n ' })).code).toBe('import/empty');
    expect((await refusal(context(), { type: 'import.commit', token: crypto.randomUUID(), sites: [] })).code).toBe('protocol/expired');
  });
});

describe('export', () => {
  it('shows links and transfer QR codes only for the vault passphrase, and only where the policy allows them', async () => {
    await restoreStorage(vaultA);
    const before = await storageBytes();
    for (const type of ['export.uris', 'export.migration'] as const) {
      expect((await refusal(context(), { type, passphrase: 'not the passphrase' })).code).toBe('vault/wrong-passphrase');
      expect((await refusal(context(), { type, passphrase: '' })).code).toBe('vault/passphrase-empty');
      expect((await refusal(context(), { type })).code).toBe('vault/passphrase-empty');
      const managed = { ...context(), policy: async () => ({ policy: { allowPlainExport: false }, warnings: [] }) };
      expect((await refusal(managed, { type, passphrase: PASS })).code).toBe('policy/plain-export-blocked');
    }
    expect(await storageBytes()).toBe(before);
  });

  it('writes otpauth links the oracle reads back and that import into a fresh vault unchanged', async () => {
    await restoreStorage(vaultA);
    const before = await portableAccounts();
    const { uris } = await ask(context(), { type: 'export.uris', passphrase: PASS });
    expect(uris).toHaveLength(3);
    const parsed = uris.map((uri) => OTPAuth.URI.parse(uri));
    expect(parsed.map((otp) => otp.secret.base32)).toEqual([S.jump, S.slow, S.bank]);
    expect(parsed[1]).toMatchObject({ issuer: 'Slow', label: 'bob', algorithm: 'SHA256', digits: 8, period: 60 });
    expect(parsed[2]).toMatchObject({ issuer: 'Bank', counter: 9 });

    await restoreStorage(vaultB);
    const preview = await ask(context(), { type: 'import.preview', text: uris.join('\n') });
    expect(preview.skipped).toEqual([]);
    await ask(context(), { type: 'import.commit', token: preview.token, sites: [] });
    const after = await portableAccounts();
    // Links carry no site binding: compare everything else.
    const unbound = (list: typeof before) => list.map(({ sites: _s, matchRegistrableDomain: _m, ...rest }) => rest);
    expect(unbound(after)).toEqual(unbound(before));
  });

  it('exports only the selected accounts', async () => {
    await restoreStorage(vaultA);
    const { accounts } = await ask(context(), { type: 'accounts.list' });
    const { uris } = await ask(context(), { type: 'export.uris', ids: [accounts[2]!.id], passphrase: PASS });
    expect(uris).toHaveLength(1);
    expect(uris[0]).toContain(S.bank);
  });

  it('round-trips an encrypted backup into a fresh vault with the same accounts and bindings', async () => {
    await restoreStorage(vaultA);
    const before = await portableAccounts();
    const backup = await ask(context(), { type: 'export.backup', passphrase: BACKUP_PASS });
    expect(backup.filename).toBe(`portal-authenticator-backup-${new Date(T0).toISOString().slice(0, 10)}.json`);
    for (const secret of Object.values(S)) expect(backup.text).not.toContain(secret);

    await restoreStorage(vaultB);
    expect((await refusal(context(), { type: 'import.preview', text: backup.text })).code).toBe('import/needs-passphrase');
    expect((await refusal(context(), { type: 'import.preview', text: backup.text, backupPassphrase: PASS })).code).toBe('vault/wrong-passphrase');
    const preview = await ask(context(), { type: 'import.preview', text: backup.text, backupPassphrase: BACKUP_PASS });
    expect(preview.accepted.map((a) => a.issuer)).toEqual(['JumpCloud', 'Slow', 'Bank']);
    // The bindings the file carries decide where codes are filled: the preview shows them before the yes.
    expect(preview.accepted.map(({ sites, matchRegistrableDomain }) => ({ sites, matchRegistrableDomain }))).toEqual([
      { sites: ['https://console.jumpcloud.com'], matchRegistrableDomain: false },
      { sites: ['https://slow.example.org'], matchRegistrableDomain: true },
      { sites: [], matchRegistrableDomain: false },
    ]);
    expect(await ask(context(), { type: 'import.commit', token: preview.token, sites: ['https://ignored.example.com'] })).toEqual({ added: 3, skipped: 0, promised: 3, verified: true, missing: [] });
    expect(await portableAccounts()).toEqual(before);
    expect(before[1]).toMatchObject({ sites: ['https://slow.example.org'], matchRegistrableDomain: true, code: oracleTotp(S.slow, T0 + 4_000, { period: 60, digits: 8, algorithm: 'SHA256' }) });
  });

  it('refuses a period-60 account in a Google Authenticator export with a reason, and exports the rest', async () => {
    await restoreStorage(vaultA);
    const { uris, refused } = await ask(context(), { type: 'export.migration', passphrase: PASS });
    expect(englishEntries(refused)).toEqual([{ label: 'Slow — bob', reason: expect.stringMatching(/Slow — bob: the period is 60 s/) }]);
    expect(uris).toHaveLength(1);
    expect(uris[0]).toMatch(/^otpauth-migration:\/\/offline\?data=/);

    await restoreStorage(vaultB);
    const preview = await ask(context(), { type: 'import.preview', text: uris.join('\n') });
    expect(preview.accepted.map((a) => `${a.issuer}/${a.accountName}/${a.type}`)).toEqual(['JumpCloud/alice/totp', 'Bank/carol/hotp']);
    expect(preview.skipped).toEqual([]);
  });
});
