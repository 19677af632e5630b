import { describe, expect, it, vi } from 'vitest';
import { decryptBackup, encryptBackup } from '../../src/vault/backup';
import { decodeBase64, encodeBase64 } from '../../src/vault/bytes';
import type { VaultAccount } from '../../src/vault/account-shape';
import { addAccount, EMPTY_VAULT_DATA } from '../../src/vault/model';
import { input, makeAccount } from './helpers';
import { derivationLog } from './memo-kdf';

vi.mock('../../src/vault/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/vault/kdf')>();
  const { memoizeDerivation } = await import('./memo-kdf');
  return { ...actual, deriveKeyEncryptionKey: memoizeDerivation(actual.deriveKeyEncryptionKey) };
});

const PASS = 'backup passphrase 1';

function sampleAccounts(): VaultAccount[] {
  let data = EMPTY_VAULT_DATA;
  data = addAccount(data, input(makeAccount({ issuer: 'Ünïcode Corp', accountName: 'bob@example.com' })), 1).data;
  data = addAccount(data, input(makeAccount({ type: 'hotp', counter: 12, digits: 8, algorithm: 'SHA512' })), 2).data;
  return data.accounts;
}

describe('backup', () => {
  it('round-trips accounts exactly and never contains a secret in clear', async () => {
    const accounts = sampleAccounts();
    const text = await encryptBackup(accounts, PASS);
    expect(JSON.parse(text)).toMatchObject({ format: 'portal-authenticator-backup', version: 1, kdf: { alg: 'argon2id' } });
    for (const account of accounts) expect(text).not.toContain(account.secret);
    expect(await decryptBackup(text, PASS)).toEqual(accounts);
  });

  it('uses its own salt and key every time', async () => {
    const accounts = sampleAccounts();
    const [a, b] = [JSON.parse(await encryptBackup(accounts, PASS)), JSON.parse(await encryptBackup(accounts, PASS))];
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('says wrong passphrase (or damaged) for a wrong passphrase, without echoing it', async () => {
    const text = await encryptBackup(sampleAccounts(), PASS);
    const error = await decryptBackup(text, 'not the passphrase').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'vault/wrong-passphrase' });
    expect((error as { userMessage: string }).userMessage).toMatch(/backup file/);
    expect((error as { userMessage: string }).userMessage).not.toContain('not the passphrase');
  });

  it('reports a damaged payload as an integrity failure', async () => {
    const envelope = JSON.parse(await encryptBackup(sampleAccounts(), PASS));
    const bytes = decodeBase64(envelope.ciphertext, 'c');
    bytes[10]! ^= 0x20;
    envelope.ciphertext = encodeBase64(bytes);
    await expect(decryptBackup(JSON.stringify(envelope), PASS)).rejects.toMatchObject({ code: 'vault/integrity' });
  });

  it.each([
    ['not JSON', 'otpauth://totp/x?secret=AAAA', 'vault/not-a-backup'],
    ['other JSON', '{"accounts":[]}', 'vault/not-a-backup'],
    ['a vault, not a backup', '{"format":"portal-authenticator-vault","version":1}', 'vault/not-a-backup'],
    ['a newer version', '{"format":"portal-authenticator-backup","version":2,"future":true}', 'vault/newer-version'],
  ])('refuses %s', async (_name, text, code) => {
    await expect(decryptBackup(text, PASS)).rejects.toMatchObject({ code });
  });

  it('refuses downgraded KDF parameters before deriving anything', async () => {
    const envelope = JSON.parse(await encryptBackup(sampleAccounts(), PASS));
    envelope.kdf.params.m = 4096;
    const callsBefore = derivationLog.calls;
    await expect(decryptBackup(JSON.stringify(envelope), PASS)).rejects.toMatchObject({ code: 'vault/kdf-too-weak' });
    expect(derivationLog.calls).toBe(callsBefore);
    await decryptBackup(JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, params: { m: 19456, t: 2, p: 1 } } }), PASS);
    expect(derivationLog.calls).toBe(callsBefore + 1);
  });

  it.each([
    ['20 passes', { t: 20 }],
    ['1 GiB of memory', { m: 1024 * 1024 }],
  ])('refuses a crafted backup that asks for %s of Argon2id before deriving anything', async (_name, costly) => {
    const envelope = JSON.parse(await encryptBackup(sampleAccounts(), PASS));
    envelope.kdf.params = { ...envelope.kdf.params, ...costly };
    const callsBefore = derivationLog.calls;
    await expect(decryptBackup(JSON.stringify(envelope), PASS)).rejects.toMatchObject({
      code: 'vault/kdf-too-costly',
      userMessage: expect.stringMatching(/more costly key derivation than an import allows/),
    });
    expect(derivationLog.calls).toBe(callsBefore);
  });

  it('refuses a short backup passphrase', async () => {
    await expect(encryptBackup(sampleAccounts(), 'short')).rejects.toMatchObject({ code: 'vault/passphrase-too-short' });
  });
});
