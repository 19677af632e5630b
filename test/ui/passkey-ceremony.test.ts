import { beforeEach, describe, expect, it } from 'vitest';
import type { PasskeyStatus } from '../../src/messages';
import { authenticatePasskey, detectPasskeySupport, registerPasskey } from '../../src/ui/passkey-ceremony';
import { decidePasskeyOffer } from '../../src/ui/passkey-offer';
import { encodeBase64 } from '../../src/vault/bytes';
import { createFakeWebAuthn } from './fake-webauthn';
import { useEnglishMessages } from './helpers';

const salt = () => Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const b64 = (bytes: ArrayBuffer | Uint8Array) => encodeBase64(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));

beforeEach(() => useEnglishMessages());

describe('registerPasskey', () => {
  it('asks for a resident passkey with PRF on the salt, on the page’s own RP ID, and returns the PRF result from the creation', async () => {
    const { env, created, asked, fakePrf } = createFakeWebAuthn();
    const answer = await registerPasskey(env, { salt: salt(), label: 'Work laptop', userVerification: 'required', exclude: [] });
    const options = created[0]!.publicKey!;
    expect(options.rp).toEqual({ name: 'Portal Authenticator' });
    expect(options.authenticatorSelection).toEqual({ residentKey: 'preferred', userVerification: 'required' });
    expect((options.extensions as { prf: { eval: { first: Uint8Array } } }).prf.eval.first).toEqual(salt());
    expect(options.user.displayName).toBe('Work laptop');
    expect(asked).toEqual([]);
    expect(answer).toEqual({ credentialId: b64(new Uint8Array([1])), prfOutput: b64(fakePrf(1, salt())), userVerified: true });
  });

  it('gives each registration a fresh user handle and excludes the passkeys already registered', async () => {
    const { env, created } = createFakeWebAuthn();
    const exclude = [{ credentialId: b64(new Uint8Array([9])), salt: b64(salt()), label: 'Old', createdAt: 0, userVerified: true }];
    await registerPasskey(env, { salt: salt(), label: 'A', userVerification: 'preferred', exclude });
    await registerPasskey(env, { salt: salt(), label: 'B', userVerification: 'preferred', exclude });
    expect(created[0]!.publicKey!.user.id).not.toEqual(created[1]!.publicKey!.user.id);
    expect(created[0]!.publicKey!.excludeCredentials!.map((c) => [...new Uint8Array(c.id as ArrayBuffer)])).toEqual([[9]]);
  });

  it('gets the PRF result with one assertion when the creation only says PRF is enabled', async () => {
    const { env, asked, fakePrf } = createFakeWebAuthn({ create: 'prf-enabled-only', verified: false });
    const answer = await registerPasskey(env, { salt: salt(), label: 'Key', userVerification: 'preferred', exclude: [] });
    expect(asked).toHaveLength(1);
    expect(answer).toEqual({ credentialId: b64(new Uint8Array([1])), prfOutput: b64(fakePrf(1, salt())), userVerified: false });
  });

  it.each([
    ['an authenticator without PRF', { create: 'no-prf' as const }],
    ['PRF enabled but no result from the assertion either', { create: 'prf-enabled-only' as const, get: 'no-prf' as const }],
  ])('refuses %s with a clear message, and asks the browser to forget the passkey', async (_name, behaviour) => {
    const { env, forgotten } = createFakeWebAuthn(behaviour);
    await expect(registerPasskey(env, { salt: salt(), label: 'Key', userVerification: 'preferred', exclude: [] })).rejects.toMatchObject({
      code: 'passkey/no-prf',
      userMessage: expect.stringMatching(/does not support the WebAuthn PRF extension\. Nothing was saved/),
    });
    expect(forgotten).toEqual([{ rpId: 'test-extension-id', credentialId: 'AQ' }]);
  });

  it.each([
    ['NotAllowedError', 'passkey/cancelled'],
    ['InvalidStateError', 'passkey/already-registered'],
    ['SecurityError', 'passkey/unavailable'],
    ['UnknownError', 'passkey/failed'],
  ])('turns %s into %s', async (name, code) => {
    const { env } = createFakeWebAuthn({ create: { fail: name } });
    await expect(registerPasskey(env, { salt: salt(), label: 'Key', userVerification: 'preferred', exclude: [] })).rejects.toMatchObject({ code });
  });
});

describe('authenticatePasskey', () => {
  it('evaluates each passkey on its own salt (keys in base64url) and reports the credential used and verification', async () => {
    const { env, asked, fakePrf } = createFakeWebAuthn({ verified: false });
    const id = new Uint8Array([0xfb]);
    const answer = await authenticatePasskey(env, { passkeys: [{ credentialId: b64(id), salt: b64(salt()) }], userVerification: 'preferred' });
    const request = asked[0]!.publicKey!;
    expect(Object.keys((request.extensions as { prf: { evalByCredential: object } }).prf.evalByCredential)).toEqual(['-w']);
    expect(request.userVerification).toBe('preferred');
    expect(answer).toEqual({ credentialId: b64(id), prfOutput: b64(fakePrf(0xfb, salt())), userVerified: false });
  });

  it('says the passkey gave no key when the assertion has no PRF result', async () => {
    const { env } = createFakeWebAuthn({ get: 'no-prf' });
    await expect(authenticatePasskey(env, { passkeys: [{ credentialId: 'AQ==', salt: b64(salt()) }], userVerification: 'required' })).rejects.toMatchObject({
      code: 'passkey/no-prf',
      userMessage: expect.stringMatching(/Unlock with your passphrase/),
    });
  });
});

describe('detectPasskeySupport', () => {
  it('is available with WebAuthn and PRF on a chrome-extension page', async () => {
    expect(await detectPasskeySupport(createFakeWebAuthn().env)).toEqual({ available: true });
  });

  it.each([
    ['no WebAuthn', () => ({ protocol: 'chrome-extension:', hostname: 'x' }), 'no-webauthn'],
    ['a moz-extension page (Firefox refuses its RP ID)', () => ({ ...createFakeWebAuthn().env, protocol: 'moz-extension:' }), 'extension-origin'],
    [
      'a browser that says it has no PRF',
      () => ({ ...createFakeWebAuthn().env, publicKeyCredential: { getClientCapabilities: async () => ({ 'extension:prf': false }) } }),
      'no-prf',
    ],
  ])('is not available with %s', async (_name, env, reason) => {
    expect(await detectPasskeySupport(env())).toEqual({ available: false, reason });
  });

  it('stays available when the browser cannot list its capabilities (the ceremony will tell)', async () => {
    const env = { ...createFakeWebAuthn().env, publicKeyCredential: { getClientCapabilities: async () => Promise.reject(new Error('nope')) } };
    expect(await detectPasskeySupport(env)).toEqual({ available: true });
  });
});

describe('decidePasskeyOffer', () => {
  const verified = { credentialId: 'AQ==', salt: 'x', label: 'A', createdAt: 0, userVerified: true };
  const unverified = { ...verified, credentialId: 'Ag==', label: 'B', userVerified: false };
  const status = (patch: Partial<PasskeyStatus>): PasskeyStatus => ({ passkeys: [verified, unverified], allowed: true, requireUserVerification: false, managed: false, ...patch });
  const yes = { available: true } as const;

  it.each([
    ['forbidden by policy (even where the browser could)', status({ allowed: false }), yes, { offered: false, reason: 'policy' }],
    ['a browser without PRF', status({}), { available: false, reason: 'no-prf' } as const, { offered: false, reason: 'no-prf' }],
    ['no passkey registered', status({ passkeys: [] }), yes, { offered: false, reason: 'none-registered' }],
    ['verification required, only unverified passkeys', status({ passkeys: [unverified], requireUserVerification: true }), yes, { offered: false, reason: 'verification-required' }],
    ['verification required', status({ requireUserVerification: true }), yes, { offered: true, passkeys: [verified], userVerification: 'required' }],
    ['no policy', status({}), yes, { offered: true, passkeys: [verified, unverified], userVerification: 'preferred' }],
  ])('%s', (_name, given, support, expected) => {
    expect(decidePasskeyOffer(given, support)).toEqual(expected);
  });
});
