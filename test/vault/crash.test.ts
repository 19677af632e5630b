import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVaultService } from '../../src/vault/store';
import type { StorageAreaLike } from '../../src/storage';
import { VAULT_KEY, VAULT_NEXT_KEY } from '../../src/storage';
import { decodeBase64, encodeBase64 } from '../../src/vault/bytes';
import { failAtWrite, input, makeAccount } from './helpers';

vi.mock('../../src/vault/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/vault/kdf')>();
  const { memoizeDerivation } = await import('./memo-kdf');
  return { ...actual, deriveKeyEncryptionKey: memoizeDerivation(actual.deriveKeyEncryptionKey) };
});

const PASS = 'correct horse battery staple';
const NEXT_PASS = 'a brand new passphrase';
const local = () => fakeBrowser.storage.local;
const session = () => fakeBrowser.storage.session;
const over = (area: StorageAreaLike) => createVaultService({ local: area, session: session() });

let savedLocal: Record<string, unknown>;
let savedSession: Record<string, unknown>;
let firstId: string;

async function restore(): Promise<void> {
  fakeBrowser.reset();
  await local().set(structuredClone(savedLocal));
  await session().set(structuredClone(savedSession));
}

/** Which passphrases open the stored vault now, from a fresh service that holds no key. */
async function openingPassphrases(): Promise<string[]> {
  const opening: string[] = [];
  for (const passphrase of [PASS, NEXT_PASS]) {
    await session().remove(['vault.key']);
    const ok = await over(local()).unlock(passphrase).then(() => true, () => false);
    if (ok) opening.push(passphrase);
  }
  return opening;
}

beforeAll(async () => {
  fakeBrowser.reset();
  const vault = over(local());
  await vault.create(PASS);
  firstId = (await vault.add(input(makeAccount()))).id;
  savedLocal = await local().get(null);
  savedSession = await session().get(null);
});

beforeEach(restore);

// A save performs three writes: set vault.next, set vault, remove vault.next; each is interrupted in turn.
const STEPS = [1, 2, 3];

describe('an interrupted save leaves the old or the new vault readable', () => {
  for (const when of ['before', 'after'] as const) {
    it.each(STEPS)(`add() interrupted at write %i (failure ${when} the write)`, async (step) => {
      const failing = failAtWrite(local(), step, when);
      const outcome = await over(failing.area).add(input(makeAccount({ accountName: 'new' }))).then((a) => a, (e: unknown) => e as Error);
      const ids = (await over(local()).list()).map((a) => a.id);
      // What the caller was told matches what is stored: success means the new vault, failure the old one.
      if ('id' in outcome) expect(ids).toEqual([firstId, outcome.id]);
      else {
        expect(outcome).toMatchObject({ code: 'vault/storage-failed' });
        expect(ids).toEqual([firstId]);
      }
      expect(await openingPassphrases()).toEqual([PASS]);
      // The vault keeps working afterwards.
      await over(local()).unlock(PASS);
      await over(local()).add(input(makeAccount({ accountName: 'after' })));
      expect((await over(local()).list()).map((a) => a.accountName).at(-1)).toBe('after');
      expect((await local().get(VAULT_NEXT_KEY))[VAULT_NEXT_KEY]).toBeUndefined();
    });

    it.each(STEPS)(`changePassphrase() interrupted at write %i (failure ${when} the write)`, async (step) => {
      const failing = failAtWrite(local(), step, when);
      const done = await over(failing.area).changePassphrase(PASS, NEXT_PASS).then(() => true, () => false);
      const opening = await openingPassphrases();
      expect(opening).toEqual(done ? [NEXT_PASS] : [PASS]);
      await over(local()).unlock(opening[0]!);
      expect((await over(local()).list()).map((a) => a.id)).toEqual([firstId]);
    });

    it.each(STEPS)(`create() interrupted at write %i (failure ${when} the write)`, async (step) => {
      fakeBrowser.reset();
      const failing = failAtWrite(local(), step, when);
      const done = await over(failing.area).create(PASS).then(() => true, () => false);
      const status = await over(local()).status();
      if (done) expect(status).toBe('unlocked');
      if (status === 'uninitialised') return;
      await session().remove(['vault.key']);
      await over(local()).unlock(PASS);
      expect(await over(local()).list()).toEqual([]);
    });
  }
});

describe('generations', () => {
  it('refuses a save whose read-back differs and keeps the committed vault', async () => {
    const base = local();
    const lying: StorageAreaLike = {
      ...base,
      get: async (keys) => {
        const items = await base.get(keys);
        const next = items[VAULT_NEXT_KEY] as { nonce: string } | undefined;
        if (next) items[VAULT_NEXT_KEY] = { ...next, nonce: encodeBase64(decodeBase64(next.nonce, 'n').map((b) => b ^ 1)) };
        return items;
      },
      set: (items) => base.set(items),
      remove: (keys) => base.remove(keys),
    };
    const before = JSON.stringify((await base.get(VAULT_KEY))[VAULT_KEY]);
    await expect(over(lying).add(input(makeAccount()))).rejects.toMatchObject({ code: 'vault/save-failed' });
    expect(JSON.stringify((await base.get(VAULT_KEY))[VAULT_KEY])).toBe(before);
  });

  it('survives a torn write of the committed key: the verified vault.next is used', async () => {
    const base = local();
    const torn: StorageAreaLike = {
      get: (keys) => base.get(keys),
      remove: (keys) => base.remove(keys),
      set: async (items) => {
        const value = items[VAULT_KEY] as { ciphertext: string } | undefined;
        if (!value) return base.set(items);
        await base.set({ [VAULT_KEY]: { ...value, ciphertext: value.ciphertext.slice(0, 24) } });
        throw new Error('power lost mid-write');
      },
    };
    const added = await over(torn).add(input(makeAccount())).then(() => true, () => false);
    expect(added).toBe(false);
    await session().remove(['vault.key']);
    await over(local()).unlock(PASS);
    const ids = (await over(local()).list()).map((a) => a.id);
    expect(ids[0]).toBe(firstId);
    expect(ids).toHaveLength(2);
  });

  it('falls back to vault.next when the committed generation is damaged', async () => {
    const good = (await local().get(VAULT_KEY))[VAULT_KEY] as { ciphertext: string };
    const damaged = { ...good, ciphertext: encodeBase64(decodeBase64(good.ciphertext, 'c').map((b, i) => (i === 3 ? b ^ 4 : b))) };
    await local().set({ [VAULT_KEY]: damaged, [VAULT_NEXT_KEY]: good });
    await session().remove(['vault.key']);
    await over(local()).unlock(PASS);
    expect((await over(local()).list()).map((a) => a.id)).toEqual([firstId]);
    await local().remove(VAULT_NEXT_KEY);
    await expect(over(local()).list()).rejects.toMatchObject({ code: 'vault/integrity' });
  });

  it('does not open a leftover generation with another passphrase when the committed one refuses the passphrase', async () => {
    const failing = failAtWrite(local(), 2, 'before');
    await expect(over(failing.area).changePassphrase(PASS, NEXT_PASS)).rejects.toMatchObject({ code: 'vault/storage-failed' });
    expect((await local().get(VAULT_NEXT_KEY))[VAULT_NEXT_KEY]).toBeDefined();
    await session().remove(['vault.key']);
    await expect(over(local()).unlock(NEXT_PASS)).rejects.toMatchObject({ code: 'vault/wrong-passphrase' });
  });
});
