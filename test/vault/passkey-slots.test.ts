import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SESSION_KEY, VAULT_KEY } from '../../src/storage';
import { decodeBase64, encodeBase64 } from '../../src/vault/bytes';
import { openEnvelope } from '../../src/vault/crypto';
import { MAX_PASSKEY_SLOTS, parseEnvelope, VAULT_FORMAT } from '../../src/vault/envelope';
import { createVaultService } from '../../src/vault/store';
import { input, makeAccount, snapshot } from './helpers';
import { createTestAuthenticator } from './passkey-authenticator';

vi.mock('../../src/vault/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/vault/kdf')>();
  const { memoizeDerivation } = await import('./memo-kdf');
  return { ...actual, deriveKeyEncryptionKey: memoizeDerivation(actual.deriveKeyEncryptionKey) };
});

const PASS = 'correct horse battery staple';
const NEXT = 'violet anchor mango tundra';
const vaultService = () => createVaultService({ local: fakeBrowser.storage.local, session: fakeBrowser.storage.session });
const storedVault = async () => structuredClone((await fakeBrowser.storage.local.get(VAULT_KEY))[VAULT_KEY]) as Record<string, any>;

/** A vault with one account and one passkey, left locked. */
async function vaultWithPasskey() {
  const vault = vaultService();
  const authenticator = createTestAuthenticator();
  await vault.create(PASS);
  const account = makeAccount();
  await vault.add(input(account));
  const passkey = authenticator.register();
  await vault.addPasskey(passkey);
  await vault.lock();
  return { vault, authenticator, passkey, account };
}

/** Tries a passkey unlock that must fail with `code`, and checks that neither storage area changed. */
async function expectPasskeyRefused(unlock: () => Promise<void>, code: string): Promise<void> {
  const local = await snapshot(fakeBrowser.storage.local);
  const session = await snapshot(fakeBrowser.storage.session);
  await expect(unlock()).rejects.toMatchObject({ code });
  expect(await snapshot(fakeBrowser.storage.local)).toBe(local);
  expect(await snapshot(fakeBrowser.storage.session)).toBe(session);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('passkey slots', () => {
  it('a registered passkey unlocks the vault, and the list shows it without key material', async () => {
    const { vault, authenticator, passkey, account } = await vaultWithPasskey();
    expect(await vault.status()).toBe('locked');
    const listed = await vault.listPasskeys();
    expect(listed).toEqual([{ credentialId: passkey.id, salt: encodeBase64(passkey.salt), label: 'Work laptop', createdAt: expect.any(Number), userVerified: true }]);

    await vault.unlockWithPasskey(passkey.id, authenticator.evaluate(passkey.id, decodeBase64(listed[0]!.salt, 'salt')));
    expect(await vault.status()).toBe('unlocked');
    expect((await vault.list()).map((a) => a.secret)).toEqual([account.secret]);
  });

  it('unlocking with a passkey writes nothing to local storage', async () => {
    const { vault, authenticator, passkey } = await vaultWithPasskey();
    const before = await snapshot(fakeBrowser.storage.local);
    await vault.unlockWithPasskey(passkey.id, authenticator.evaluate(passkey.id, passkey.salt));
    expect(await snapshot(fakeBrowser.storage.local)).toBe(before);
  });

  it('a wrong PRF output (another salt, another credential, random bytes, wrong length) unlocks nothing and changes nothing', async () => {
    const { vault, authenticator, passkey } = await vaultWithPasskey();
    const other = authenticator.register('Other key');
    const wrong = [
      authenticator.evaluate(passkey.id, crypto.getRandomValues(new Uint8Array(32))),
      authenticator.evaluate(other.id, passkey.salt),
      crypto.getRandomValues(new Uint8Array(32)),
      authenticator.evaluate(passkey.id, passkey.salt).slice(0, 31),
    ];
    for (const output of wrong) await expectPasskeyRefused(() => vault.unlockWithPasskey(passkey.id, output), 'passkey/wrong-key');
    expect(await vault.status()).toBe('locked');
    // The right answer still works afterwards.
    await vault.unlockWithPasskey(passkey.id, authenticator.evaluate(passkey.id, passkey.salt));
    expect(await vault.status()).toBe('unlocked');
  });

  it('a credential the vault does not know is refused as unknown', async () => {
    const { vault, authenticator } = await vaultWithPasskey();
    const stranger = authenticator.register('Stranger');
    await expectPasskeyRefused(() => vault.unlockWithPasskey(stranger.id, stranger.prfOutput), 'passkey/unknown-credential');
  });

  it('a removed passkey unlocks nothing; the other passkey and the passphrase still do', async () => {
    const { vault, authenticator, passkey } = await vaultWithPasskey();
    await vault.unlock(PASS);
    const second = authenticator.register('Security key');
    await vault.addPasskey(second);
    await vault.removePasskey(passkey.id);
    expect((await vault.listPasskeys()).map((p) => p.label)).toEqual(['Security key']);
    await vault.lock();

    await expectPasskeyRefused(() => vault.unlockWithPasskey(passkey.id, authenticator.evaluate(passkey.id, passkey.salt)), 'passkey/unknown-credential');
    await vault.unlockWithPasskey(second.id, authenticator.evaluate(second.id, second.salt));
    await vault.lock();
    await vault.unlock(PASS);
    expect(await vault.status()).toBe('unlocked');
  });

  it('adding and removing need the vault unlocked, and change nothing when locked', async () => {
    const { vault, authenticator, passkey } = await vaultWithPasskey();
    const before = await snapshot(fakeBrowser.storage.local);
    await expect(vault.addPasskey(authenticator.register('Late'))).rejects.toMatchObject({ code: 'vault/locked' });
    await expect(vault.removePasskey(passkey.id)).rejects.toMatchObject({ code: 'vault/locked' });
    expect(await snapshot(fakeBrowser.storage.local)).toBe(before);
  });

  it('refuses a second slot for the same credential, an unknown removal, bad labels and malformed answers, writing nothing', async () => {
    const { vault, authenticator, passkey } = await vaultWithPasskey();
    await vault.unlock(PASS);
    const before = await snapshot(fakeBrowser.storage.local);
    const fresh = authenticator.register();
    await expect(vault.addPasskey({ ...passkey, label: 'Again' })).rejects.toMatchObject({ code: 'passkey/already-added' });
    await expect(vault.removePasskey(fresh.id)).rejects.toMatchObject({ code: 'passkey/unknown-credential' });
    for (const label of ['', '   ', 'x'.repeat(65), 'evil\u202Eexe', 'line\nbreak']) {
      await expect(vault.addPasskey({ ...fresh, label })).rejects.toMatchObject({ code: 'passkey/bad-label' });
    }
    await expect(vault.addPasskey({ ...fresh, salt: fresh.salt.slice(0, 16) })).rejects.toMatchObject({ code: 'passkey/malformed' });
    await expect(vault.addPasskey({ ...fresh, prfOutput: fresh.prfOutput.slice(0, 16) })).rejects.toMatchObject({ code: 'passkey/malformed' });
    await expect(vault.addPasskey({ ...fresh, credentialId: new Uint8Array(0) })).rejects.toMatchObject({ code: 'passkey/malformed' });
    expect(await snapshot(fakeBrowser.storage.local)).toBe(before);
  });

  it(`holds at most ${MAX_PASSKEY_SLOTS} passkeys`, async () => {
    const vault = vaultService();
    const authenticator = createTestAuthenticator();
    await vault.create(PASS);
    for (let i = 0; i < MAX_PASSKEY_SLOTS; i++) await vault.addPasskey(authenticator.register(`Key ${i + 1}`));
    await expect(vault.addPasskey(authenticator.register('One too many'))).rejects.toMatchObject({ code: 'passkey/too-many' });
    expect(await vault.listPasskeys()).toHaveLength(MAX_PASSKEY_SLOTS);
  });

  it('keeps the passkeys valid across a passphrase change, which still replaces the data key', async () => {
    const { vault, authenticator, passkey, account } = await vaultWithPasskey();
    await vault.unlock(PASS);
    const oldKey = decodeBase64((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY], 'key');
    await vault.changePassphrase(PASS, NEXT);
    expect((await vault.listPasskeys()).map((p) => p.credentialId)).toEqual([passkey.id]);
    await vault.lock();

    await vault.unlockWithPasskey(passkey.id, authenticator.evaluate(passkey.id, passkey.salt));
    expect((await vault.list()).map((a) => a.secret)).toEqual([account.secret]);
    // The old data key opens nothing written after the change.
    const parsed = parseEnvelope(await storedVault(), VAULT_FORMAT);
    await expect(openEnvelope(parsed, oldKey)).rejects.toMatchObject({ code: 'vault/integrity' });
    await vault.lock();
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'vault/wrong-passphrase' });
    await vault.unlock(NEXT);
    expect(await vault.status()).toBe('unlocked');
  });

  it('an unlocked vault stays usable after adding a passkey, and account edits keep the slot', async () => {
    const { vault, authenticator, passkey } = await vaultWithPasskey();
    await vault.unlock(PASS);
    await vault.add(input(makeAccount({ issuer: 'Second' })));
    await vault.lock();
    await vault.unlockWithPasskey(passkey.id, authenticator.evaluate(passkey.id, passkey.salt));
    expect((await vault.list()).map((a) => a.issuer)).toEqual(['JumpCloud', 'Second']);
  });

  it('never stores the PRF output or the key derived from it', async () => {
    const { vault, authenticator, passkey } = await vaultWithPasskey();
    await vault.unlockWithPasskey(passkey.id, authenticator.evaluate(passkey.id, passkey.salt));
    const base = await crypto.subtle.importKey('raw', passkey.prfOutput, 'HKDF', false, ['deriveBits']);
    const info = new TextEncoder().encode('portal-authenticator passkey slot v1');
    const derived = new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: passkey.salt, info }, base, 256));
    const stored = (await snapshot(fakeBrowser.storage.local)) + (await snapshot(fakeBrowser.storage.session));
    for (const secret of [passkey.prfOutput, derived]) {
      const hex = Buffer.from(secret).toString('hex');
      for (const form of [encodeBase64(secret), hex, hex.toUpperCase(), Buffer.from(secret).toString('base64url')]) expect(stored).not.toContain(form);
      expect(stored).not.toContain(JSON.stringify(Array.from(secret)).slice(1, -1));
    }
  });
});

describe('the passkey slot is authenticated with the header', () => {
  const tampered: Array<[string, (vault: Record<string, any>) => void]> = [
    ['its label changed', (v) => { v.slots[1].label = 'Attacker'; }],
    ['its userVerified flag flipped', (v) => { v.slots[1].userVerified = !v.slots[1].userVerified; }],
    ['its creation time changed', (v) => { v.slots[1].createdAt += 1; }],
    ['the slot removed', (v) => { v.slots.splice(1, 1); }],
  ];

  it.each(tampered)('%s: neither the passkey nor the passphrase opens it, and nothing is written', async (_name, change) => {
    const { vault, authenticator, passkey } = await vaultWithPasskey();
    const copy = await storedVault();
    change(copy);
    await fakeBrowser.storage.local.set({ [VAULT_KEY]: copy });
    const output = authenticator.evaluate(passkey.id, passkey.salt);
    if (copy.slots.length > 1) await expectPasskeyRefused(() => vault.unlockWithPasskey(passkey.id, output), 'vault/integrity');
    const before = await snapshot(fakeBrowser.storage.local);
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'vault/integrity' });
    expect(await snapshot(fakeBrowser.storage.local)).toBe(before);
  });

  it("a slot copied in from another vault (whose passkey the attacker holds) opens nothing", async () => {
    const { vault } = await vaultWithPasskey();
    const victim = await storedVault();
    // The attacker's own vault, with a passkey of their own.
    fakeBrowser.reset();
    const attacker = vaultService();
    const theirAuthenticator = createTestAuthenticator();
    await attacker.create('attacker passphrase 123');
    const theirs = theirAuthenticator.register('Mine');
    await attacker.addPasskey(theirs);
    const foreignSlot = (await storedVault()).slots[1];
    fakeBrowser.reset();
    victim.slots.push(foreignSlot);
    await fakeBrowser.storage.local.set({ [VAULT_KEY]: victim });
    // The slot opens to the attacker's own data key, which fails the victim's payload check.
    await expectPasskeyRefused(() => vault.unlockWithPasskey(theirs.id, theirs.prfOutput), 'vault/integrity');
  });

  it('a slot whose sealed key is swapped with another slot’s opens nothing', async () => {
    const { vault, authenticator, passkey } = await vaultWithPasskey();
    await vault.unlock(PASS);
    const second = authenticator.register('Second');
    await vault.addPasskey(second);
    await vault.lock();
    const copy = await storedVault();
    for (const field of ['ephemeralKey', 'nonce', 'wrappedKey']) [copy.slots[1][field], copy.slots[2][field]] = [copy.slots[2][field], copy.slots[1][field]];
    await fakeBrowser.storage.local.set({ [VAULT_KEY]: copy });
    await expectPasskeyRefused(() => vault.unlockWithPasskey(passkey.id, authenticator.evaluate(passkey.id, passkey.salt)), 'passkey/wrong-key');
  });

  it.each([
    ['a salt of 16 bytes', (s: Record<string, any>) => { s.salt = encodeBase64(new Uint8Array(16)); }, 'vault/bad-salt-length'],
    ['a public key of 31 bytes', (s: Record<string, any>) => { s.publicKey = encodeBase64(new Uint8Array(31)); }, 'vault/malformed'],
    ['no label', (s: Record<string, any>) => { delete s.label; }, 'vault/malformed'],
    ['an extra field', (s: Record<string, any>) => { s.prf = 'x'; }, 'vault/malformed'],
    ['userVerified as text', (s: Record<string, any>) => { s.userVerified = 'yes'; }, 'vault/malformed'],
  ])('a passkey slot with %s is refused as damaged', async (_name, change, code) => {
    const { vault } = await vaultWithPasskey();
    const copy = await storedVault();
    change(copy.slots[1]);
    await fakeBrowser.storage.local.set({ [VAULT_KEY]: copy });
    const before = await snapshot(fakeBrowser.storage.local);
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code });
    expect(await snapshot(fakeBrowser.storage.local)).toBe(before);
  });

  it('a vault of passkeys alone (no passphrase slot) is refused', async () => {
    const { vault } = await vaultWithPasskey();
    const copy = await storedVault();
    copy.slots.splice(0, 1);
    await fakeBrowser.storage.local.set({ [VAULT_KEY]: copy });
    await expect(vault.listPasskeys()).rejects.toMatchObject({ code: 'vault/malformed' });
  });
});

describe('a vault written before passkeys', () => {
  it('gets a passkey slot, keeps format version 1, and opens with the passkey and the passphrase', async () => {
    const fixture = JSON.parse(readFileSync('test/fixtures/vault/vault-before-passkeys.json', 'utf8')) as unknown;
    await fakeBrowser.storage.local.set({ [VAULT_KEY]: fixture });
    const vault = vaultService();
    expect(await vault.listPasskeys()).toEqual([]);
    await vault.unlock(PASS);
    const authenticator = createTestAuthenticator();
    const passkey = authenticator.register();
    await vault.addPasskey(passkey);
    await vault.lock();
    expect((await storedVault()).version).toBe(1);
    await vault.unlockWithPasskey(passkey.id, authenticator.evaluate(passkey.id, passkey.salt));
    expect((await vault.list()).map((a) => a.issuer)).toEqual(['JumpCloud', 'VPN']);
    await vault.lock();
    await vault.unlock(PASS);
    expect(await vault.list()).toHaveLength(2);
  });
});
