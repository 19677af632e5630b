import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { VAULT_KEY } from '../../src/storage';
import { createVaultService } from '../../src/vault/store';
import { snapshot } from './helpers';

const PASS = 'correct horse battery staple';
const fixture = () => JSON.parse(readFileSync('test/fixtures/vault/vault-before-passkeys.json', 'utf8')) as unknown;
const vaultService = () => createVaultService({ local: fakeBrowser.storage.local, session: fakeBrowser.storage.session });

describe('a vault written before passkey slots existed', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [VAULT_KEY]: fixture() });
  });

  it('opens with its passphrase, with its accounts, and unlocking leaves the vault as it was', async () => {
    // The unlock may add the vault record beside it (see vault-record.ts); the vault itself is not rewritten.
    const vaultBytes = async () => JSON.stringify(await fakeBrowser.storage.local.get(VAULT_KEY));
    const before = await vaultBytes();
    const vault = vaultService();
    await vault.unlock(PASS);
    const accounts = await vault.list();
    expect(accounts.map((a) => [a.issuer, a.accountName, a.type, a.secret, a.counter])).toEqual([
      ['JumpCloud', 'alice@example.com', 'totp', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 0],
      ['VPN', 'dave', 'hotp', 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU', 7],
    ]);
    expect(accounts[0]!.sites).toEqual(['https://console.jumpcloud.com']);
    expect(await vaultBytes()).toBe(before);
  });

  it('is refused with the wrong passphrase, byte for byte unchanged', async () => {
    const before = await snapshot(fakeBrowser.storage.local);
    await expect(vaultService().unlock('not the passphrase')).rejects.toMatchObject({ code: 'vault/wrong-passphrase' });
    expect(await snapshot(fakeBrowser.storage.local)).toBe(before);
  });
});
