import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundContext } from '../../src/background/context';
import { parsePolicy } from '../../src/policy/parse-policy';
import { encodeBase64 } from '../../src/vault/bytes';
import { createTestAuthenticator } from '../vault/passkey-authenticator';
import {
  ask,
  type Clock,
  contentSender,
  makeContext,
  PASS,
  refusal,
  restoreStorage,
  saveStorage,
  type StorageSnapshot,
  storageBytes,
  T0,
} from './helpers';

const clock: Clock = { now: T0 };
const authenticator = createTestAuthenticator();
const passkey = authenticator.register('Work laptop');
const unverified = authenticator.register('Old key', false);
let saved: StorageSnapshot;

/** The background context, under `policy` when given (the organisation's managed settings). */
function context(policy?: Record<string, unknown>): BackgroundContext {
  const base = makeContext(clock);
  return policy ? { ...base, policy: async () => parsePolicy(policy) } : base;
}

const addRequest = (p: typeof passkey) => ({
  type: 'passkey.add' as const,
  credentialId: p.id,
  salt: encodeBase64(p.salt),
  prfOutput: encodeBase64(p.prfOutput),
  label: p.label,
  userVerified: p.userVerified,
});
const unlockRequest = (p: typeof passkey, output = authenticator.evaluate(p.id, p.salt)) => ({
  type: 'passkey.unlock' as const,
  credentialId: p.id,
  prfOutput: encodeBase64(output),
  userVerified: p.userVerified,
});

beforeAll(async () => {
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: PASS });
  await ask(context(), addRequest(passkey));
  await ask(context(), addRequest(unverified));
  await ask(context(), { type: 'vault.lock' });
  saved = await saveStorage();
});

beforeEach(async () => {
  clock.now = T0;
  await restoreStorage(saved);
});

describe('passkey requests', () => {
  it('passkey.status lists the passkeys without key material, and what the policy allows', async () => {
    const status = await ask(context(), { type: 'passkey.status' });
    expect(status).toEqual({
      passkeys: [
        { credentialId: passkey.id, salt: encodeBase64(passkey.salt), label: 'Work laptop', createdAt: T0, userVerified: true },
        { credentialId: unverified.id, salt: encodeBase64(unverified.salt), label: 'Old key', createdAt: T0, userVerified: false },
      ],
      allowed: true,
      requireUserVerification: false,
      managed: false,
    });
    expect(await ask(context({ allowPasskeyUnlock: false, requirePasskeyUserVerification: true }), { type: 'passkey.status' })).toMatchObject({
      allowed: false,
      requireUserVerification: true,
      managed: true,
    });
  });

  it('passkey.unlock opens the vault with the right PRF output', async () => {
    expect(await ask(context(), unlockRequest(passkey))).toEqual({ state: 'unlocked' });
    expect((await ask(context(), { type: 'accounts.list' })).accounts).toEqual([]);
  });

  it('passkey.unlock with a wrong output, an unknown or a removed passkey unlocks nothing and changes no stored byte', async () => {
    const before = await storageBytes();
    const stranger = authenticator.register('Stranger');
    expect((await refusal(context(), unlockRequest(passkey, crypto.getRandomValues(new Uint8Array(32))))).code).toBe('passkey/wrong-key');
    expect((await refusal(context(), unlockRequest(stranger))).code).toBe('passkey/unknown-credential');
    expect((await refusal(context(), { ...unlockRequest(passkey), prfOutput: 'not base64!' })).code).toBe('passkey/malformed');
    expect(await storageBytes()).toBe(before);

    await ask(context(), { type: 'vault.unlock', passphrase: PASS });
    await ask(context(), { type: 'passkey.remove', credentialId: passkey.id });
    await ask(context(), { type: 'vault.lock' });
    const afterRemoval = await storageBytes();
    expect((await refusal(context(), unlockRequest(passkey))).code).toBe('passkey/unknown-credential');
    expect(await storageBytes()).toBe(afterRemoval);
    expect((await ask(context(), { type: 'vault.status' })).state).toBe('locked');
  });

  it('passkey.add and passkey.remove need the vault unlocked', async () => {
    const before = await storageBytes();
    expect((await refusal(context(), addRequest(authenticator.register('Late')))).code).toBe('vault/locked');
    expect((await refusal(context(), { type: 'passkey.remove', credentialId: passkey.id })).code).toBe('vault/locked');
    expect(await storageBytes()).toBe(before);
  });

  it('passkey.add refuses a malformed answer with a specific error', async () => {
    await ask(context(), { type: 'vault.unlock', passphrase: PASS });
    const fresh = authenticator.register('Fresh');
    const before = await storageBytes();
    expect(await refusal(context(), { ...addRequest(fresh), salt: encodeBase64(new Uint8Array(8)) })).toMatchObject({
      code: 'passkey/malformed',
      message: expect.stringMatching(/32-byte salt/),
    });
    expect((await refusal(context(), { ...addRequest(fresh), label: '' })).code).toBe('passkey/bad-label');
    expect(await storageBytes()).toBe(before);
  });
});

describe('passkey requests under the organisation policy', () => {
  it('allowPasskeyUnlock: false refuses unlock with an existing passkey, and adding one, but still lets one be removed', async () => {
    const forbidden = context({ allowPasskeyUnlock: false });
    const before = await storageBytes();
    expect((await refusal(forbidden, unlockRequest(passkey))).code).toBe('policy/passkey-blocked');
    expect(await storageBytes()).toBe(before);
    await ask(forbidden, { type: 'vault.unlock', passphrase: PASS });
    expect((await refusal(forbidden, addRequest(authenticator.register('New')))).code).toBe('policy/passkey-blocked');
    await ask(forbidden, { type: 'passkey.remove', credentialId: passkey.id });
    expect((await ask(forbidden, { type: 'passkey.status' })).passkeys.map((p) => p.label)).toEqual(['Old key']);
  });

  it('requirePasskeyUserVerification refuses an unverified ceremony and a passkey added without verification', async () => {
    const strict = context({ requirePasskeyUserVerification: true });
    expect((await refusal(strict, { ...unlockRequest(passkey), userVerified: false })).code).toBe('policy/passkey-verification-required');
    // The ceremony verified the person, but the slot was added without verification.
    expect((await refusal(strict, { ...unlockRequest(unverified), userVerified: true })).code).toBe('policy/passkey-verification-required');
    expect(await ask(strict, unlockRequest(passkey))).toEqual({ state: 'unlocked' });
    expect((await refusal(strict, addRequest(authenticator.register('Unverified', false)))).code).toBe('policy/passkey-verification-required');
  });
});

describe('passkey requests from web pages', () => {
  it('are refused from a content script, and change nothing', async () => {
    await ask(context(), { type: 'vault.unlock', passphrase: PASS });
    const before = await storageBytes();
    const sender = contentSender('https://portal.example.com/login');
    for (const request of [
      { type: 'passkey.status' },
      addRequest(authenticator.register('Evil')),
      { type: 'passkey.remove', credentialId: passkey.id },
      unlockRequest(passkey),
    ]) {
      expect((await refusal(context(), request, sender)).code, request.type).toBe('protocol/forbidden');
    }
    expect(await storageBytes()).toBe(before);
  });
});
