import { passkeyPolicy, requirePasskeyAllowed } from '../../policy';
import { decodePasskeyRegistration, decodePrfOutput } from '../../vault';
import { tellTabsUnlocked } from '../tell-tabs-unlocked';
import { act, query, rebind, type Handlers } from './handler-types';

/**
 * Passkey unlock (WebAuthn PRF): list, add, remove, unlock. Extension pages only; the ceremony itself runs in the
 * page (the worker has no `navigator.credentials`), and only its PRF output reaches the background, never storage.
 */
export const passkeyHandlers: Pick<Handlers, 'passkey.status' | 'passkey.add' | 'passkey.remove' | 'passkey.unlock'> = {
  'passkey.status': query(async (_request, { vault, policy }) => ({
    passkeys: await vault.listPasskeys(),
    ...passkeyPolicy((await policy()).policy),
  })),
  'passkey.add': act(async (request, { vault, policy }) => {
    requirePasskeyAllowed((await policy()).policy, request.userVerified === true);
    const registration = decodePasskeyRegistration(request);
    try {
      return { passkey: await vault.addPasskey(registration) };
    } finally {
      registration.prfOutput.fill(0);
    }
  }),
  // Removing is allowed whatever the policy: it only takes a way in away.
  'passkey.remove': act(async ({ credentialId }, { vault }) => {
    await vault.removePasskey(String(credentialId));
    return { ok: true };
  }),
  'passkey.unlock': rebind(async ({ credentialId, prfOutput, userVerified }, { vault, policy, browser }) => {
    // Refused here, not only hidden in the page: a passkey added before the policy changed opens nothing now.
    const slot = (await vault.listPasskeys()).find((passkey) => passkey.credentialId === credentialId);
    requirePasskeyAllowed((await policy()).policy, userVerified === true && slot?.userVerified !== false);
    const output = decodePrfOutput(prfOutput);
    try {
      await vault.unlockWithPasskey(String(credentialId), output);
    } finally {
      output.fill(0);
    }
    void tellTabsUnlocked(browser.tabs).catch(() => undefined); // a nicety: the unlock itself has succeeded
    return { state: await vault.status() };
  }),
};
