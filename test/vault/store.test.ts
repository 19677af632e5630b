import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVaultService } from '../../src/vault/store';
import { SESSION_KEY, VAULT_KEY, VAULT_NEXT_KEY } from '../../src/storage';
import { decodeBase64 } from '../../src/vault/bytes';
import { openEnvelope, unwrapDataKey } from '../../src/vault/crypto';
import { parseEnvelope, VAULT_FORMAT } from '../../src/vault/envelope';
import { input, makeAccount, recordWrites, snapshot } from './helpers';

vi.mock('../../src/vault/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/vault/kdf')>();
  const { memoizeDerivation } = await import('./memo-kdf');
  return { ...actual, deriveKeyEncryptionKey: memoizeDerivation(actual.deriveKeyEncryptionKey) };
});

const PASS = 'correct horse battery staple';
const local = () => fakeBrowser.storage.local;
const session = () => fakeBrowser.storage.session;
const service = (overrides = {}) => createVaultService({ local: local(), session: session(), ...overrides });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('VaultService lifecycle', () => {
  it('goes uninitialised → unlocked → locked → unlocked, and refuses a second create', async () => {
    const vault = service();
    expect(await vault.status()).toBe('uninitialised');
    // With no vault at all, reading says so (rather than "locked"), as unlocking does.
    await expect(vault.list()).rejects.toMatchObject({ code: 'vault/uninitialised' });
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'vault/uninitialised' });
    await vault.create(PASS);
    expect(await vault.status()).toBe('unlocked');
    expect(await vault.list()).toEqual([]);
    await vault.lock();
    expect(await vault.status()).toBe('locked');
    await expect(vault.create(PASS)).rejects.toMatchObject({ code: 'vault/already-exists' });
    await vault.unlock(PASS);
    expect(await vault.status()).toBe('unlocked');
  });

  it('refuses weak passphrases at create and writes nothing', async () => {
    const vault = service();
    for (const [bad, code] of [
      ['', 'vault/passphrase-empty'],
      ['short', 'vault/passphrase-too-short'],
      ['has\0nul-inside', 'vault/passphrase-nul'],
    ] as const) {
      await expect(vault.create(bad)).rejects.toMatchObject({ code });
    }
    expect(await snapshot(local())).toBe('{}');
    expect(await vault.status()).toBe('uninitialised');
  });

  it('refuses KDF parameters below the floor even as an option', () => {
    expect(() => service({ kdfParams: { m: 8192, t: 2, p: 1 } })).toThrow(expect.objectContaining({ code: 'vault/kdf-too-weak' }));
    expect(() => service({ kdfParams: { m: 19456, t: 1, p: 1 } })).toThrow(expect.objectContaining({ code: 'vault/kdf-too-weak' }));
  });

  it('stays unlocked across a service restart because the key lives only in session storage', async () => {
    await service().create(PASS);
    const added = await service().add(input(makeAccount()));
    const restarted = service();
    expect(await restarted.status()).toBe('unlocked');
    expect((await restarted.list()).map((a) => a.id)).toEqual([added.id]);
  });
});

describe('wrong passphrase', () => {
  it('changes nothing, however often it is tried, and the right one still works', async () => {
    const vault = service();
    await vault.create(PASS);
    const account = await vault.add(input(makeAccount()));
    await vault.lock();
    const before = await snapshot(local());
    const wrongs = ['correct horse battery stapl', 'Correct horse battery staple', 'x'];
    for (const wrong of Array.from({ length: 12 }, (_, i) => wrongs[i % wrongs.length]!)) {
      await expect(vault.unlock(wrong)).rejects.toMatchObject({ code: 'vault/wrong-passphrase' });
      expect(await vault.status()).toBe('locked');
    }
    expect(await snapshot(local())).toBe(before);
    expect(await snapshot(session())).toBe('{}');
    await vault.unlock(PASS);
    expect(await vault.list()).toEqual([account]);
    expect(await snapshot(local())).toBe(before);
  });

  it('accepts the same passphrase typed in another Unicode normal form (NFC)', async () => {
    const vault = service();
    await vault.create('caf\u00e9 au lait 42');
    await vault.lock();
    await vault.unlock('cafe\u0301 au lait 42');
    expect(await vault.status()).toBe('unlocked');
  });
});

describe('lock', () => {
  it('forgets the key: nothing in session storage decrypts the vault, and list() throws vault/locked', async () => {
    const vault = service();
    await vault.create(PASS);
    await vault.add(input(makeAccount()));
    const keyText = (await session().get(SESSION_KEY))[SESSION_KEY] as string;
    const parsed = parseEnvelope((await local().get(VAULT_KEY))[VAULT_KEY], VAULT_FORMAT);
    await expect(openEnvelope(parsed, decodeBase64(keyText, 'key'))).resolves.toBeInstanceOf(Uint8Array);

    await vault.lock();
    const remaining = await session().get(null);
    expect(JSON.stringify(remaining)).not.toContain(keyText);
    for (const value of Object.values(remaining)) {
      if (typeof value !== 'string') continue;
      const bytes = (() => { try { return decodeBase64(value, 'v'); } catch { return undefined; } })();
      if (bytes?.length === 32) await expect(openEnvelope(parsed, bytes)).rejects.toThrow();
    }
    await expect(vault.list()).rejects.toMatchObject({ code: 'vault/locked' });
    await expect(service().list()).rejects.toMatchObject({ code: 'vault/locked' });
    await expect(vault.add(input(makeAccount()))).rejects.toMatchObject({ code: 'vault/locked' });
  });
});

describe('writes', () => {
  it('loses nothing when 20 adds run concurrently', async () => {
    const vault = service();
    await vault.create(PASS);
    const accounts = Array.from({ length: 20 }, (_, i) => makeAccount({ accountName: `user${i}@example.com` }));
    const added = await Promise.all(accounts.map((a) => vault.add(input(a))));
    const listed = await vault.list();
    expect(listed).toHaveLength(20);
    expect(new Set(listed.map((a) => a.id)).size).toBe(20);
    expect(listed.map((a) => a.secret).sort()).toEqual(accounts.map((a) => a.secret).sort());
    expect(listed.map((a) => a.order)).toEqual([...Array(20).keys()]);
    expect(new Set(added.map((a) => a.id))).toEqual(new Set(listed.map((a) => a.id)));
    expect((await local().get(VAULT_NEXT_KEY))[VAULT_NEXT_KEY]).toBeUndefined();
  });

  it('never writes a secret, its hex or its raw bytes, nor account names, to storage', async () => {
    const recordedLocal = recordWrites(local());
    const recordedSession = recordWrites(session());
    const vault = createVaultService({ local: recordedLocal.area, session: recordedSession.area });
    await vault.create(PASS);
    const account = makeAccount({ issuer: 'Issuer-Marker-7Q', accountName: 'name-marker-7q@example.com' });
    const added = await vault.add(input(account));
    await vault.update(added.id, { accountName: 'renamed-marker-7q@example.com' });
    await vault.changePassphrase(PASS, 'another long passphrase');
    await vault.add(input(makeAccount()));
    const hex = Array.from(account.rawSecret, (b) => b.toString(16).padStart(2, '0')).join('');
    const raw = String.fromCharCode(...account.rawSecret);
    const needles = [account.secret, hex, hex.toUpperCase(), raw, JSON.stringify(raw).slice(1, -1), btoa(raw), 'Marker-7Q', 'marker-7q'];
    const written = [...recordedLocal.written, ...recordedSession.written];
    expect(recordedLocal.written.length).toBeGreaterThanOrEqual(8);
    for (const value of written) {
      for (const needle of needles) expect(value.includes(needle)).toBe(false);
    }
    expect(written.some((value) => value.includes(account.secret.slice(0, 16)))).toBe(false);
  });

  it('imports new accounts once and reports duplicates (same secret and issuer) as skipped', async () => {
    const vault = service();
    await vault.create(PASS);
    const existing = makeAccount();
    await vault.add(input(existing));
    const fresh = makeAccount({ issuer: 'Other' });
    const result = await vault.importAccounts([input({ ...existing, issuer: ' jumpcloud ' }), input(fresh), input(fresh)]);
    expect(result.added.map((a) => a.secret)).toEqual([fresh.secret]);
    expect(result.skipped).toHaveLength(2);
    expect(await vault.list()).toHaveLength(2);
    const before = await snapshot(local());
    expect((await vault.importAccounts([input(existing)])).added).toEqual([]);
    expect(await snapshot(local())).toBe(before);
  });

  it('updates, reorders, removes and replaces through the vault', async () => {
    let clock = 1_000;
    const vault = service({ now: () => clock });
    await vault.create(PASS);
    const a = await vault.add(input(makeAccount({ accountName: 'a' })));
    const b = await vault.add(input(makeAccount({ accountName: 'b' })));
    clock = 2_000;
    const updated = await vault.update(a.id, { sites: ['https://portal.example.com'], matchRegistrableDomain: true });
    expect(updated).toMatchObject({ id: a.id, secret: a.secret, updatedAt: 2_000, createdAt: 1_000 });
    expect((await vault.reorder([b.id, a.id])).map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await vault.remove(b.id)).id).toBe(b.id);
    expect((await vault.list()).map((x) => x.id)).toEqual([a.id]);
    await expect(vault.update(b.id, { issuer: 'x' })).rejects.toMatchObject({ code: 'vault/no-such-account' });
    const replaced = await vault.replaceAll([b, updated]);
    expect(replaced.map((x) => [x.id, x.order])).toEqual([[b.id, 0], [a.id, 1]]);
  });
});

describe('changePassphrase', () => {
  it('makes the old passphrase useless and keeps the accounts and the session unlocked', async () => {
    const vault = service();
    await vault.create(PASS);
    await vault.add(input(makeAccount()));
    await vault.add(input(makeAccount({ type: 'hotp', counter: 5 })));
    const before = await vault.list();
    const saltBefore = ((await local().get(VAULT_KEY))[VAULT_KEY] as { kdf: { salt: string } }).kdf.salt;
    await expect(vault.changePassphrase('not the passphrase', 'new passphrase 2')).rejects.toMatchObject({ code: 'vault/wrong-passphrase' });
    await expect(vault.changePassphrase(PASS, 'short')).rejects.toMatchObject({ code: 'vault/passphrase-too-short' });
    await vault.changePassphrase(PASS, 'new passphrase 2');
    expect(((await local().get(VAULT_KEY))[VAULT_KEY] as { kdf: { salt: string } }).kdf.salt).not.toBe(saltBefore);
    expect(await vault.list()).toEqual(before);
    await vault.lock();
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'vault/wrong-passphrase' });
    await vault.unlock('new passphrase 2');
    expect(await vault.list()).toEqual(before);
  });
});

describe('changePassphrase: a new data key', () => {
  it('an old copy of the vault and the old passphrase open nothing written after the change', async () => {
    const vault = service();
    await vault.create(PASS);
    await vault.add(input(makeAccount({ issuer: 'Before' })));
    // What someone who copied the stored vault earlier, and later learnt the old passphrase, holds.
    const oldCopy = parseEnvelope((await local().get(VAULT_KEY))[VAULT_KEY], VAULT_FORMAT);
    const oldKey = await unwrapDataKey(oldCopy, PASS);
    await vault.changePassphrase(PASS, 'new passphrase 2');
    await vault.add(input(makeAccount({ issuer: 'After' })));
    expect((await vault.list()).map((a) => a.issuer)).toEqual(['Before', 'After']);
    const now = parseEnvelope((await local().get(VAULT_KEY))[VAULT_KEY], VAULT_FORMAT);
    await expect(openEnvelope(now, oldKey)).rejects.toMatchObject({ code: 'vault/integrity' });
    // The session holds the new key (the vault stays unlocked and readable), not the old one.
    const held = decodeBase64((await session().get(SESSION_KEY))[SESSION_KEY] as string, 'key');
    expect(held).not.toEqual(oldKey);
    expect(await openEnvelope(now, held)).toBeInstanceOf(Uint8Array);
  });
});

describe('auto-lock through the service', () => {
  it('locks after the idle time since the last touch(), not before', async () => {
    let clock = 0;
    const vault = service({ now: () => clock });
    await vault.create(PASS);
    clock = 10 * 60_000;
    await vault.touch();
    clock = 24 * 60_000;
    expect(await vault.lockIfIdle({ kind: 'idle', minutes: 15 })).toBe(false);
    expect(await vault.lockIfIdle({ kind: 'browser-close' })).toBe(false);
    clock = 25 * 60_000;
    expect(await vault.lockIfIdle({ kind: 'idle', minutes: 15 })).toBe(true);
    expect(await vault.status()).toBe('locked');
    expect(await snapshot(session())).toBe('{}');
  });
});

describe('VaultService reuse of the last opened vault', () => {
  it('still notices a changed ciphertext after a successful read, and forgets everything on lock', async () => {
    const vault = service();
    await vault.create(PASS);
    await vault.add(input(makeAccount({ issuer: 'Cached' })));
    expect((await vault.list()).map((a) => a.issuer)).toEqual(['Cached']);
    const stored = (await local().get(VAULT_KEY))[VAULT_KEY] as { ciphertext: string };
    const flipped = (stored.ciphertext[0] === 'A' ? 'B' : 'A') + stored.ciphertext.slice(1);
    await local().set({ [VAULT_KEY]: { ...stored, ciphertext: flipped } });
    await expect(vault.list()).rejects.toMatchObject({ code: expect.stringMatching(/^vault\//) });
    await local().set({ [VAULT_KEY]: stored });
    expect(await vault.list()).toHaveLength(1);
    await vault.lock();
    await expect(vault.list()).rejects.toMatchObject({ code: 'vault/locked' });
  });

  it('sees a change written by another instance of the service (a restarted worker)', async () => {
    const first = service();
    await first.create(PASS);
    expect(await first.list()).toEqual([]);
    await service().add(input(makeAccount({ issuer: 'From elsewhere' })));
    expect((await first.list()).map((a) => a.issuer)).toEqual(['From elsewhere']);
  });
});

describe('VaultService and a lock during a read', () => {
  it('a read that overlaps lock() hands out nothing and keeps nothing', async () => {
    const vault = service();
    await vault.create(PASS);
    await vault.add(input(makeAccount({ issuer: 'Racing' })));
    await vault.lock();
    await vault.unlock(PASS);
    const reading = vault.list();
    await vault.lock();
    await expect(reading).rejects.toMatchObject({ code: 'vault/locked' });
    await expect(vault.list()).rejects.toMatchObject({ code: 'vault/locked' });
  });
});

describe('VaultService.advanceHotp', () => {
  it('gives concurrent takers distinct counters and never moves a counter back', async () => {
    const vault = service();
    await vault.create(PASS);
    const account = await vault.add(input(makeAccount({ type: 'hotp', counter: 5, period: 30 })));
    const taken = await Promise.all(Array.from({ length: 6 }, () => vault.advanceHotp(account.id)));
    expect([...taken].sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(await vault.advanceHotp(account.id, 3)).toBe(11);
    expect((await vault.list())[0]!.counter).toBe(11);
    await vault.advanceHotp(account.id, 20);
    expect((await vault.list())[0]!.counter).toBe(21);
  });
});
