import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVaultService } from '../../src/vault/store';
import { VAULT_KEY } from '../../src/storage';
import { decodeBase64, encodeBase64 } from '../../src/vault/bytes';
import type { Envelope } from '../../src/vault/envelope';
import { input, makeAccount, snapshot } from './helpers';

vi.mock('../../src/vault/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/vault/kdf')>();
  const { memoizeDerivation } = await import('./memo-kdf');
  return { ...actual, deriveKeyEncryptionKey: memoizeDerivation(actual.deriveKeyEncryptionKey) };
});

const PASS = 'correct horse battery staple';
let original: Envelope;

const vaultService = () => createVaultService({ local: fakeBrowser.storage.local, session: fakeBrowser.storage.session });

/** Stores `tampered` as the vault, tries to unlock with the right passphrase and checks the error and that nothing was written. */
async function expectRefused(tampered: unknown, codes: string[]): Promise<void> {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ [VAULT_KEY]: tampered });
  const before = await snapshot(fakeBrowser.storage.local);
  const error = await vaultService().unlock(PASS).then(() => undefined, (e: unknown) => e);
  expect(error, JSON.stringify(tampered).slice(0, 300)).toBeDefined();
  expect(codes).toContain((error as { code?: string }).code);
  expect(await snapshot(fakeBrowser.storage.local)).toBe(before);
  expect(await snapshot(fakeBrowser.storage.session)).toBe('{}');
}

type Path = ['kdf', 'salt'] | ['slots', 0, 'nonce'] | ['slots', 0, 'wrappedKey'] | ['nonce'] | ['ciphertext'];
const PAYLOADS: Array<{ path: Path; codes: string[] }> = [
  { path: ['kdf', 'salt'], codes: ['vault/wrong-passphrase'] },
  { path: ['slots', 0, 'nonce'], codes: ['vault/wrong-passphrase'] },
  { path: ['slots', 0, 'wrappedKey'], codes: ['vault/wrong-passphrase'] },
  { path: ['nonce'], codes: ['vault/integrity'] },
  { path: ['ciphertext'], codes: ['vault/integrity'] },
];

function withValue(path: Path, value: string): Envelope {
  const copy = structuredClone(original) as unknown as Record<string, unknown>;
  let target = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  target[path[path.length - 1]!] = value;
  return copy as unknown as Envelope;
}

function readPath(path: Path): string {
  let target: unknown = original;
  for (const step of path) target = (target as Record<string | number, unknown>)[step];
  return target as string;
}

beforeAll(async () => {
  fakeBrowser.reset();
  const vault = vaultService();
  await vault.create(PASS);
  await vault.add(input(makeAccount()));
  await vault.add(input(makeAccount({ type: 'hotp', counter: 3, issuer: 'Example' })));
  original = structuredClone((await fakeBrowser.storage.local.get(VAULT_KEY))[VAULT_KEY]) as Envelope;
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('tampering with the stored vault', () => {
  it('the untouched vault unlocks (so the refusals below are caused by the tampering)', async () => {
    await fakeBrowser.storage.local.set({ [VAULT_KEY]: original });
    const vault = vaultService();
    await vault.unlock(PASS);
    expect(await vault.list()).toHaveLength(2);
  });

  for (const { path, codes } of PAYLOADS) {
    it(`flipping bytes of ${path.join('.')} is refused and writes nothing`, async () => {
      const bytes = decodeBase64(readPath(path), 'field');
      const masks = path[0] === 'kdf' ? [0x01] : [0x01, 0x80];
      // Every salt change costs a real Argon2id run (~0.3 s), so the salt is sampled at its ends and middle.
      const positions = path[0] === 'kdf' ? [0, bytes.length >> 1, bytes.length - 1] : [...bytes.keys()];
      for (const i of positions) {
        for (const mask of masks) {
          const flipped = Uint8Array.from(bytes);
          flipped[i]! ^= mask;
          await expectRefused(withValue(path, encodeBase64(flipped)), codes);
        }
      }
    });

    it(`changing any base64 character of ${path.join('.')} is refused (including padding bits)`, async () => {
      const text = readPath(path);
      const start = path[0] === 'kdf' ? text.length - 3 : 0;
      for (let i = start; i < text.length; i++) {
        if (text[i] === '=') continue;
        const replacement = text[i] === 'A' ? 'B' : 'A';
        await expectRefused(withValue(path, text.slice(0, i) + replacement + text.slice(i + 1)), [...codes, 'vault/malformed']);
      }
    });
  }

  // The table is built before the vault exists, so each row holds the change and applies it in the test.
  const header = (change: (e: Record<string, any>) => void) => () => {
    const copy = structuredClone(original) as unknown as Record<string, any>;
    change(copy);
    return copy;
  };

  it.each([
    ['format renamed', header((e) => { e.format = 'portal-authenticator-backup'; }), 'vault/not-a-vault'],
    ['not an object', () => 'a string', 'vault/not-a-vault'],
    ['version 2', header((e) => { e.version = 2; }), 'vault/newer-version'],
    ['version 0', header((e) => { e.version = 0; }), 'vault/malformed'],
    ['version as text', header((e) => { e.version = '1'; }), 'vault/malformed'],
    ['kdf alg argon2i', header((e) => { e.kdf.alg = 'argon2i'; }), 'vault/kdf-unsupported'],
    ['kdf m below floor', header((e) => { e.kdf.params.m = 19455; }), 'vault/kdf-too-weak'],
    ['kdf t below floor', header((e) => { e.kdf.params.t = 1; }), 'vault/kdf-too-weak'],
    ['kdf p zero', header((e) => { e.kdf.params.p = 0; }), 'vault/kdf-too-weak'],
    ['kdf m above 1 GiB', header((e) => { e.kdf.params.m = 1024 * 1024 + 1; }), 'vault/kdf-too-costly'],
    ['kdf t above 20', header((e) => { e.kdf.params.t = 21; }), 'vault/kdf-too-costly'],
    ['kdf p above 4', header((e) => { e.kdf.params.p = 5; }), 'vault/kdf-too-costly'],
    ['kdf m fractional', header((e) => { e.kdf.params.m = 19456.5; }), 'vault/malformed'],
    ['kdf t raised (key slot no longer opens)', header((e) => { e.kdf.params.t = 3; }), 'vault/wrong-passphrase'],
    ['salt too short', header((e) => { e.kdf.salt = encodeBase64(new Uint8Array(8)); }), 'vault/bad-salt-length'],
    ['slot nonce 16 bytes', header((e) => { e.slots[0].nonce = encodeBase64(new Uint8Array(16)); }), 'vault/bad-nonce-length'],
    ['wrapped key truncated', header((e) => { e.slots[0].wrappedKey = encodeBase64(new Uint8Array(40)); }), 'vault/bad-key-length'],
    ['payload nonce 8 bytes', header((e) => { e.nonce = encodeBase64(new Uint8Array(8)); }), 'vault/bad-nonce-length'],
    ['ciphertext shorter than a tag', header((e) => { e.ciphertext = encodeBase64(new Uint8Array(15)); }), 'vault/bad-tag-length'],
    ['slot of unknown type', header((e) => { e.slots[0].type = 'fido2'; }), 'vault/slot-unsupported'],
    ['no slots', header((e) => { e.slots = []; }), 'vault/malformed'],
    ['second slot added (header is authenticated)', header((e) => { e.slots.push({ ...e.slots[0] }); }), 'vault/integrity'],
    ['extra top-level field', header((e) => { e.note = 'x'; }), 'vault/malformed'],
    ['missing ciphertext', header((e) => { delete e.ciphertext; }), 'vault/malformed'],
    ['extra kdf field', header((e) => { e.kdf.pepper = 'x'; }), 'vault/malformed'],
    ['base64 with whitespace', header((e) => { e.nonce = ` ${e.nonce}`; }), 'vault/malformed'],
  ])('%s is refused with a specific error and writes nothing', async (_name, tamper, code) => {
    await expectRefused(tamper(), [code]);
  });
});
