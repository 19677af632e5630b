import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask, type Clock, makeContext, oracleHotp, oracleTotp, PASS, randomSecret, refusal, restoreStorage, saveStorage, type StorageSnapshot, storageBytes, T0, totpUri } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const SECRETS = [randomSecret(), randomSecret(), randomSecret()];
let empty: StorageSnapshot;
let filled: StorageSnapshot;
let ids: string[];

beforeAll(async () => {
  fakeBrowser.reset();
  expect(await ask(context(), { type: 'vault.status' })).toEqual({ state: 'uninitialised' });
  expect(await ask(context(), { type: 'vault.create', passphrase: PASS })).toEqual({ state: 'unlocked' });
  empty = await saveStorage();
  ids = [];
  for (const [i, secret] of SECRETS.entries()) {
    const { account } = await ask(context(), { type: 'accounts.addUri', uri: totpUri(secret, `Issuer${i}`), sites: [`portal${i}.example.com`] });
    ids.push(account.id);
  }
  filled = await saveStorage();
});

beforeEach(() => {
  clock.now = T0;
});

describe('routeMessage: vault lifecycle from a page', () => {
  beforeEach(() => restoreStorage(filled));

  it('locks, refuses a wrong passphrase without changing anything, and unlocks with the right one', async () => {
    expect(await ask(context(), { type: 'vault.lock' })).toEqual({ state: 'locked' });
    expect((await refusal(context(), { type: 'accounts.list' })).code).toBe('vault/locked');
    const before = await storageBytes();
    expect((await refusal(context(), { type: 'vault.unlock', passphrase: 'not the passphrase' })).code).toBe('vault/wrong-passphrase');
    expect(await storageBytes()).toBe(before);
    expect(await ask(context(), { type: 'vault.unlock', passphrase: PASS })).toEqual({ state: 'unlocked' });
    expect((await ask(context(), { type: 'accounts.list' })).accounts.map((a) => a.id)).toEqual(ids);
  });

  it('refuses to create a second vault', async () => {
    expect((await refusal(context(), { type: 'vault.create', passphrase: PASS })).code).toBe('vault/already-exists');
  });
});

describe('routeMessage: the popup\'s opening overview', () => {
  it('says uninitialised before a vault exists and locked while locked, with nothing else', async () => {
    fakeBrowser.reset();
    expect(await ask(context(), { type: 'vault.overview', codesFor: 40 })).toEqual({ state: 'uninitialised' });
    await restoreStorage(filled);
    await ask(context(), { type: 'vault.lock' });
    expect(await ask(context(), { type: 'vault.overview' })).toEqual({ state: 'locked' });
  });

  it('when unlocked gives every account and the codes of the first `codesFor` of them, matching the oracle', async () => {
    await restoreStorage(filled);
    clock.now = T0 + 7_000;
    const partial = await ask(context(), { type: 'vault.overview', codesFor: 2 });
    if (partial.state !== 'unlocked') throw new Error(`unlocked expected, got ${partial.state}`);
    expect(partial.accounts.map((a) => a.id)).toEqual(ids);
    expect(partial.codes.map((c) => c.id)).toEqual(ids.slice(0, 2));
    expect(partial.codes.map((c) => c.code)).toEqual(SECRETS.slice(0, 2).map((secret) => oracleTotp(secret, T0 + 7_000)));
    expect(partial).toMatchObject({ codesComplete: false, now: T0 + 7_000 });
    const whole = await ask(context(), { type: 'vault.overview' });
    expect(whole).toMatchObject({ state: 'unlocked', codesComplete: true });
    if (whole.state === 'unlocked') expect(whole.codes.map((c) => c.code)).toEqual(SECRETS.map((secret) => oracleTotp(secret, T0 + 7_000)));
    const text = JSON.stringify([partial, whole]);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('refuses a codesFor that is not a whole number of accounts', async () => {
    await restoreStorage(filled);
    for (const codesFor of [-1, 1.5, Number.NaN, '3']) {
      const error = await refusal(context(), { type: 'vault.overview', codesFor });
      expect(error.code, String(codesFor)).toBe('protocol/bad-request');
    }
  });
});

describe('routeMessage: accounts from a page', () => {
  it('adds an otpauth link bound to the normalised site and returns it without the secret', async () => {
    await restoreStorage(empty);
    const secret = randomSecret();
    const reply = await ask(context(), { type: 'accounts.addUri', uri: totpUri(secret, 'JumpCloud', 'alice'), sites: ['https://Portal.Example.com/login', ' '] });
    expect(reply.account).toMatchObject({ issuer: 'JumpCloud', accountName: 'alice', type: 'totp', sites: ['https://portal.example.com'], matchRegistrableDomain: false });
    expect(reply.account).not.toHaveProperty('secret');
    expect(JSON.stringify(reply)).not.toContain(secret);
  });

  it('refuses a bad link or a bad site with a readable error and stores nothing', async () => {
    await restoreStorage(empty);
    const before = await storageBytes();
    const badUri = await refusal(context(), { type: 'accounts.addUri', uri: 'https://example.com/?secret=JBSWY3DPEHPK3PXP', sites: [] });
    expect(badUri.code).toMatch(/^otp\//);
    const badSite = await refusal(context(), { type: 'accounts.addUri', uri: totpUri(randomSecret()), sites: ['http://portal.example.com'] });
    expect(badSite).toMatchObject({ code: 'site/insecure', message: expect.stringContaining('https') });
    expect(await storageBytes()).toBe(before);
  });

  it('lists accounts in order and never includes a secret', async () => {
    await restoreStorage(filled);
    const reply = await ask(context(), { type: 'accounts.list' });
    expect(reply.accounts.map((a) => a.issuer)).toEqual(['Issuer0', 'Issuer1', 'Issuer2']);
    for (const account of reply.accounts) expect(Object.keys(account)).not.toContain('secret');
    const text = JSON.stringify(reply);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('gives codes equal to the oracle, with the countdown', async () => {
    await restoreStorage(filled);
    clock.now = T0 + 21_300;
    const { codes, now } = await ask(context(), { type: 'accounts.codes' });
    expect(now).toBe(T0 + 21_300);
    expect(codes.map((c) => c.code)).toEqual(SECRETS.map((s) => oracleTotp(s, T0 + 21_300)));
    expect(codes.map((c) => c.nextCode)).toEqual(SECRETS.map((s) => oracleTotp(s, T0 + 30_000)));
    expect(codes[0]).toMatchObject({ secondsRemaining: 9, period: 30 });
  });

  it('updates names and sites, and refuses a bad site', async () => {
    await restoreStorage(filled);
    const { account } = await ask(context(), {
      type: 'accounts.update',
      id: ids[1]!,
      patch: { issuer: 'Renamed', sites: ['sso.example.org'], matchRegistrableDomain: true },
    });
    expect(account).toMatchObject({ id: ids[1], issuer: 'Renamed', sites: ['https://sso.example.org'], matchRegistrableDomain: true });
    expect(account).not.toHaveProperty('secret');
    expect((await refusal(context(), { type: 'accounts.update', id: ids[1]!, patch: { sites: ['*.example.org'] } })).code).toBe('site/wildcard');
    expect((await refusal(context(), { type: 'accounts.update', id: 'no-such-id', patch: { issuer: 'x' } })).code).toBe('vault/no-such-account');
  });

  it('removes an account and brings it back once with the undo token', async () => {
    await restoreStorage(filled);
    const { undoToken } = await ask(context(), { type: 'accounts.remove', id: ids[0]! });
    expect((await ask(context(), { type: 'accounts.list' })).accounts.map((a) => a.id)).toEqual([ids[1], ids[2]]);
    const { account } = await ask(context(), { type: 'accounts.undoRemove', undoToken });
    expect(account).toMatchObject({ issuer: 'Issuer0', sites: ['https://portal0.example.com'] });
    expect(account).not.toHaveProperty('secret');
    const { codes } = await ask(context(), { type: 'accounts.codes' });
    expect(codes.find((c) => c.id === account.id)?.code).toBe(oracleTotp(SECRETS[0]!, T0));
    expect((await refusal(context(), { type: 'accounts.undoRemove', undoToken })).code).toBe('protocol/expired');
    expect((await ask(context(), { type: 'accounts.list' })).accounts).toHaveLength(3);
  });

  it('refuses an undo after the undo window has passed', async () => {
    await restoreStorage(filled);
    const { undoToken } = await ask(context(), { type: 'accounts.remove', id: ids[2]! });
    clock.now = T0 + 11 * 60_000;
    expect((await refusal(context(), { type: 'accounts.undoRemove', undoToken })).code).toBe('protocol/expired');
  });

  it('reorders accounts and refuses an order that does not list every account once', async () => {
    await restoreStorage(filled);
    const order = [ids[2]!, ids[0]!, ids[1]!];
    expect(await ask(context(), { type: 'accounts.reorder', ids: order })).toEqual({ ok: true });
    expect((await ask(context(), { type: 'accounts.list' })).accounts.map((a) => a.id)).toEqual(order);
    const before = await storageBytes();
    expect((await refusal(context(), { type: 'accounts.reorder', ids: [ids[0]!, ids[0]!, ids[1]!] })).code).toBe('vault/bad-order');
    expect(await storageBytes()).toBe(before);
  });

  it('shows and advances an HOTP counter only on request', async () => {
    await restoreStorage(filled);
    const secret = randomSecret();
    const { account } = await ask(context(), { type: 'accounts.addUri', uri: `otpauth://hotp/Bank:alice?secret=${secret}&issuer=Bank&counter=4`, sites: [] });
    const { codes } = await ask(context(), { type: 'accounts.codes' });
    expect(codes.find((c) => c.id === account.id)?.code).toBe('');
    expect((await ask(context(), { type: 'accounts.nextHotp', id: account.id })).code.code).toBe(oracleHotp(secret, 4));
    expect((await ask(context(), { type: 'accounts.nextHotp', id: account.id })).code.code).toBe(oracleHotp(secret, 5));
    expect((await refusal(context(), { type: 'accounts.nextHotp', id: ids[0]! })).code).toBe('protocol/not-hotp');
  });
});
