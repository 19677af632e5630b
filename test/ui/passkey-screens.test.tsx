// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { PasskeySection } from '../../entrypoints/options/sections/passkey-section';
import type { PageRequest, PasskeyStatus, PasskeyView, VaultState } from '../../src/messages';
import { RequestFailed } from '../../src/send-request';
import { UnlockForm } from '../../src/ui/passphrase-forms';
import { encodeBase64 } from '../../src/vault/bytes';
import { createFakeWebAuthn } from './fake-webauthn';
import { byTestId, createFakeClient, mount, settle, typeInto, useEnglishMessages, waitFor } from './helpers';

const SALT = encodeBase64(Uint8Array.from({ length: 32 }, (_, i) => i));
const laptop: PasskeyView = { credentialId: encodeBase64(new Uint8Array([1])), salt: SALT, label: 'Work laptop', createdAt: Date.UTC(2026, 0, 5), userVerified: true };

/** A background with `status` for passkey.status, recording what else is asked and refusing a wrong PRF output. */
function background(status: Partial<PasskeyStatus> = {}) {
  let passkeys = status.passkeys ?? [laptop];
  const full = (): PasskeyStatus => ({ allowed: true, requireUserVerification: false, managed: false, ...status, passkeys });
  return (request: PageRequest): unknown => {
    switch (request.type) {
      case 'passkey.status':
        return full();
      case 'passkey.unlock':
        return { state: 'unlocked' };
      case 'passkey.add': {
        const view = { credentialId: request.credentialId, salt: request.salt, label: request.label, createdAt: 0, userVerified: request.userVerified };
        passkeys = [...passkeys, view];
        return { passkey: view };
      }
      case 'passkey.remove':
        passkeys = passkeys.filter((p) => p.credentialId !== request.credentialId);
        return { ok: true };
      case 'vault.unlock':
        throw new RequestFailed('vault/wrong-passphrase', 'The passphrase does not open this vault.', { key: 'error_wrong_passphrase_vault' });
      default:
        throw new Error(`unexpected ${request.type}`);
    }
  };
}

beforeEach(() => {
  useEnglishMessages();
  document.body.innerHTML = '';
});

describe('the unlock screen', () => {
  it('offers the passkey first, focused; the passkey unlocks with only the PRF output sent', async () => {
    const webauthn = createFakeWebAuthn();
    const { client, calls } = createFakeClient(background(), undefined, webauthn.env);
    const states: VaultState[] = [];
    const root = await mount(<UnlockForm onState={(s) => states.push(s)} />, client);
    const button = await waitFor(() => byTestId<HTMLButtonElement>(root, 'passkey-unlock'));
    expect(document.activeElement).toBe(button);
    expect(byTestId(root, 'passphrase')).toBeNull();
    expect(byTestId(root, 'use-passphrase')?.textContent).toBe('Use the passphrase instead');
    await act(async () => button.click());
    await settle();
    expect(webauthn.asked).toHaveLength(1);
    const unlock = calls.find((c) => c.type === 'passkey.unlock');
    expect(unlock).toEqual({
      type: 'passkey.unlock',
      credentialId: laptop.credentialId,
      prfOutput: encodeBase64(new Uint8Array(webauthn.fakePrf(1, Uint8Array.from({ length: 32 }, (_, i) => i)))),
      userVerified: true,
    });
    expect(states).toEqual(['unlocked']);
  });

  it('keeps the passphrase one click away, and focuses its field', async () => {
    const { client } = createFakeClient(background(), undefined, createFakeWebAuthn().env);
    const root = await mount(<UnlockForm onState={() => {}} />, client);
    const other = await waitFor(() => byTestId<HTMLButtonElement>(root, 'use-passphrase'));
    await act(async () => other.click());
    const field = byTestId<HTMLInputElement>(root, 'passphrase')!;
    expect(document.activeElement).toBe(field);
    expect(byTestId(root, 'use-passkey')).not.toBeNull();
    await typeInto(field, 'wrong');
    await act(async () => byTestId<HTMLButtonElement>(root, 'unlock')!.click());
    await settle();
    expect(byTestId(root, 'error')?.textContent).toMatch(/does not open/);
  });

  it('shows why a cancelled passkey did not unlock, and stays locked', async () => {
    const { client, calls } = createFakeClient(background(), undefined, createFakeWebAuthn({ get: { fail: 'NotAllowedError' } }).env);
    const states: VaultState[] = [];
    const root = await mount(<UnlockForm onState={(s) => states.push(s)} />, client);
    const button = await waitFor(() => byTestId<HTMLButtonElement>(root, 'passkey-unlock'));
    await act(async () => button.click());
    await settle();
    expect(byTestId(root, 'passkey-error')?.textContent).toBe('The passkey request was cancelled or timed out. Nothing was changed.');
    expect(byTestId(root, 'passkey-error')?.getAttribute('role')).toBe('alert');
    expect(calls.some((c) => c.type === 'passkey.unlock')).toBe(false);
    expect(states).toEqual([]);
  });

  it.each([
    ['the organisation forbids it', background({ allowed: false }), createFakeWebAuthn().env, /Your organisation does not allow/],
    ['Firefox (a moz-extension page)', background(), { ...createFakeWebAuthn().env, protocol: 'moz-extension:' }, /does not let an extension use passkeys on its own pages/],
    ['no passkey is registered', background({ passkeys: [] }), createFakeWebAuthn().env, /No passkey is set up/],
  ])('offers only the passphrase when %s, and says so', async (_name, handler, env, why) => {
    const { client } = createFakeClient(handler, undefined, env);
    const root = await mount(<UnlockForm onState={() => {}} />, client);
    const hint = await waitFor(() => byTestId(root, 'passkey-withheld'));
    expect(hint.textContent).toMatch(why);
    expect(byTestId(root, 'passphrase')).not.toBeNull();
    expect(byTestId(root, 'passkey-unlock')).toBeNull();
  });
});

describe('the options section "Unlock with a passkey"', () => {
  it('registers a passkey: the salt sent is the one the authenticator evaluated, and the list shows it', async () => {
    const webauthn = createFakeWebAuthn();
    const { client, calls } = createFakeClient(background({ passkeys: [] }), undefined, webauthn.env);
    const root = await mount(<PasskeySection unlocked />, client);
    await waitFor(() => byTestId(root, 'passkey-add-form'));
    expect(byTestId(root, 'passkey-none')?.textContent).toBe('No passkey added yet.');
    await typeInto(byTestId(root, 'passkey-label'), '  Security key  ');
    await act(async () => byTestId<HTMLFormElement>(root, 'passkey-add-form')!.requestSubmit());
    await waitFor(() => byTestId(root, 'passkey-item'));
    const add = calls.find((c) => c.type === 'passkey.add') as Extract<PageRequest, { type: 'passkey.add' }>;
    const evaluated = (webauthn.created[0]!.publicKey!.extensions as { prf: { eval: { first: Uint8Array } } }).prf.eval.first;
    expect(add.salt).toBe(encodeBase64(evaluated));
    expect(add).toMatchObject({ label: 'Security key', credentialId: encodeBase64(new Uint8Array([1])), userVerified: true });
    expect(add.prfOutput).toBe(encodeBase64(new Uint8Array(webauthn.fakePrf(1, evaluated))));
    expect(byTestId(root, 'passkey-result')?.textContent).toBe('Passkey added. You can unlock with it now.');
    expect(byTestId(root, 'passkey-item')?.textContent).toContain('Security key');
  });

  it('refuses an authenticator without PRF with a clear message, and sends nothing to the vault', async () => {
    const { client, calls } = createFakeClient(background({ passkeys: [] }), undefined, createFakeWebAuthn({ create: 'no-prf' }).env);
    const root = await mount(<PasskeySection unlocked />, client);
    const form = await waitFor(() => byTestId<HTMLFormElement>(root, 'passkey-add-form'));
    await act(async () => form.requestSubmit());
    await settle();
    expect(byTestId(root, 'passkey-result')?.textContent).toMatch(/does not support the WebAuthn PRF extension\. Nothing was saved/);
    expect(calls.some((c) => c.type === 'passkey.add')).toBe(false);
    expect(byTestId(root, 'passkey-item')).toBeNull();
  });

  it('removes a passkey with its own labelled button', async () => {
    const { client, calls } = createFakeClient(background(), undefined, createFakeWebAuthn().env);
    const root = await mount(<PasskeySection unlocked />, client);
    const remove = await waitFor(() => byTestId<HTMLButtonElement>(root, 'passkey-remove'));
    expect(remove.getAttribute('aria-label')).toBe('Remove the passkey Work laptop');
    await act(async () => remove.click());
    await waitFor(() => byTestId(root, 'passkey-none'));
    expect(calls).toContainEqual({ type: 'passkey.remove', credentialId: laptop.credentialId });
    expect(byTestId(root, 'passkey-result')?.textContent).toBe('Passkey “Work laptop” removed: it no longer unlocks this vault. If its authenticator was lost, change your passphrase too.');
  });

  it('under a policy that forbids passkeys: says so, set by the organisation, no way to add; removal stays possible', async () => {
    const { client } = createFakeClient(background({ allowed: false, managed: true }), undefined, createFakeWebAuthn().env);
    const root = await mount(<PasskeySection unlocked />, client);
    expect((await waitFor(() => byTestId(root, 'passkey-policy-blocked'))).textContent).toBe('Your organisation does not allow unlocking with a passkey.');
    expect(byTestId(root, 'set-by-organisation')?.textContent).toBe('Set by your organisation');
    expect(byTestId(root, 'passkey-add-form')).toBeNull();
    expect(byTestId(root, 'passkey-remove')).not.toBeNull();
  });

  it('while locked: lists the passkeys, no add or remove', async () => {
    const { client } = createFakeClient(background({ requireUserVerification: true, managed: true }), undefined, createFakeWebAuthn().env);
    const root = await mount(<PasskeySection unlocked={false} />, client);
    await waitFor(() => byTestId(root, 'passkey-item'));
    expect(byTestId(root, 'passkey-verification-required')).not.toBeNull();
    expect(byTestId(root, 'passkey-add-form')).toBeNull();
    expect(byTestId(root, 'passkey-remove')).toBeNull();
    expect(root.textContent).toContain('Unlock the vault to add or remove passkeys.');
  });
});
