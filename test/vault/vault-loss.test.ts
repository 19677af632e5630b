import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type StorageAreaLike, VAULT_KEY, VAULT_NEXT_KEY, VAULT_RECORD_KEY } from '../../src/storage';
import { createVaultService } from '../../src/vault/store';
import { input, makeAccount } from './helpers';

vi.mock('../../src/vault/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/vault/kdf')>();
  const { memoizeDerivation } = await import('./memo-kdf');
  return { ...actual, deriveKeyEncryptionKey: memoizeDerivation(actual.deriveKeyEncryptionKey) };
});

const PASS = 'correct horse battery staple';
const NOW = 1_700_000_000_000;
const local = () => fakeBrowser.storage.local;
const session = () => fakeBrowser.storage.session;
const service = (area: StorageAreaLike = local()) => createVaultService({ local: area, session: session(), now: () => NOW });
const stored = async () => (await local().get(VAULT_KEY))[VAULT_KEY];

/** A vault with `count` accounts, unlocked; returns the service and the stored vault after its first account. */
async function vaultWith(count: number) {
  const vault = service();
  await vault.create(PASS);
  let afterFirst: unknown;
  for (let n = 0; n < count; n++) {
    await vault.add(input(makeAccount({ issuer: `Issuer ${n}` })));
    if (n === 0) afterFirst = structuredClone(await stored());
  }
  return { vault, afterFirst };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a vault that shrinks or disappears outside the extension is noticed', () => {
  it('an older copy with fewer accounts put back while locked is noticed at the next unlock', async () => {
    const { vault, afterFirst } = await vaultWith(3);
    await vault.lock();
    await local().set({ [VAULT_KEY]: afterFirst });
    expect(await vault.loss()).toBeUndefined();
    await vault.unlock(PASS);
    expect(await vault.list()).toHaveLength(1);
    expect(await vault.loss()).toEqual({ kind: 'shrunk', expected: 3, found: 1, noticedAt: NOW });
    // Read by a fresh background too (a restarted service worker): the notice lives in storage, not in memory.
    expect(await service().loss()).toEqual({ kind: 'shrunk', expected: 3, found: 1, noticedAt: NOW });
  });

  it('the person’s own deletes are no loss, at the next unlock or later', async () => {
    const { vault } = await vaultWith(3);
    const [first, second] = await vault.list();
    await vault.remove(first!.id);
    await vault.remove(second!.id);
    await vault.lock();
    await vault.unlock(PASS);
    expect(await vault.list()).toHaveLength(1);
    expect(await vault.loss()).toBeUndefined();
    expect((await local().get(VAULT_RECORD_KEY))[VAULT_RECORD_KEY]).toEqual({ revision: 6, accounts: 1 });
  });

  it('a vault removed from storage is noticed without an unlock, kept through a new vault, and goes when the accounts are back', async () => {
    const { vault } = await vaultWith(2);
    await vault.lock();
    await local().remove([VAULT_KEY, VAULT_NEXT_KEY]);
    expect(await vault.status()).toBe('uninitialised');
    expect(await vault.loss()).toEqual({ kind: 'vanished', expected: 2, found: 0, noticedAt: NOW });
    await vault.create(PASS);
    expect(await vault.loss()).toEqual({ kind: 'vanished', expected: 2, found: 0, noticedAt: NOW });
    await vault.importAccounts([input(makeAccount({ issuer: 'Back 1' }))]);
    expect(await vault.loss()).toMatchObject({ kind: 'vanished' });
    await vault.importAccounts([input(makeAccount({ issuer: 'Back 2' }))]);
    expect(await vault.loss()).toBeUndefined();
  });

  it('a new vault created straight away, before anything asked, still carries the notice', async () => {
    await vaultWith(2);
    await local().remove([VAULT_KEY, VAULT_NEXT_KEY]);
    await session().remove('vault.key');
    const vault = service();
    await vault.create(PASS);
    expect(await vault.loss()).toEqual({ kind: 'vanished', expected: 2, found: 0, noticedAt: NOW });
  });

  it('a dismissed notice stays gone at the next unlock', async () => {
    const { vault, afterFirst } = await vaultWith(2);
    await vault.lock();
    await local().set({ [VAULT_KEY]: afterFirst });
    await vault.unlock(PASS);
    expect(await vault.loss()).toMatchObject({ kind: 'shrunk' });
    await vault.dismissLoss();
    expect(await vault.loss()).toBeUndefined();
    await vault.lock();
    await vault.unlock(PASS);
    expect(await vault.loss()).toBeUndefined();
  });

  it('a vault from before the record existed starts one at its first unlock, with no notice', async () => {
    const { vault } = await vaultWith(2);
    await local().remove(VAULT_RECORD_KEY);
    await vault.lock();
    await vault.unlock(PASS);
    expect(await vault.loss()).toBeUndefined();
    expect((await local().get(VAULT_RECORD_KEY))[VAULT_RECORD_KEY]).toEqual({ revision: 3, accounts: 2 });
  });

  it('a record that cannot be written never fails a save, and the next unlock takes the newer vault as it is', async () => {
    const { vault } = await vaultWith(3);
    const refusing: StorageAreaLike = {
      get: (keys) => local().get(keys),
      remove: (keys) => local().remove(keys),
      set: async (items) => {
        if (VAULT_RECORD_KEY in items) throw new Error('quota exceeded');
        await local().set(items);
      },
    };
    const failing = service(refusing);
    const [first] = await failing.list();
    await failing.remove(first!.id);
    expect(await failing.list()).toHaveLength(2);
    expect((await local().get(VAULT_RECORD_KEY))[VAULT_RECORD_KEY]).toMatchObject({ accounts: 3 });
    await vault.lock();
    await vault.unlock(PASS);
    expect(await vault.loss()).toBeUndefined();
  });

  it('a record planted in storage.local that is not one is ignored', async () => {
    const { vault } = await vaultWith(1);
    await local().set({ [VAULT_RECORD_KEY]: { revision: 'many', accounts: 99, loss: { kind: 'vanished' } } });
    await vault.lock();
    await vault.unlock(PASS);
    expect(await vault.loss()).toBeUndefined();
  });
});
