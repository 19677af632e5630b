import { checkPassphraseAgainstPolicy, effectiveKdfParams, effectiveMinPassphraseLength } from '../../policy';
import type { BackgroundContext } from '../context';
import type { Handlers } from './handler-types';

/** What the organisation requires of a new passphrase, checked with its own wording first. */
async function policyStrength(context: BackgroundContext, passphrase: string) {
  const { policy } = await context.policy();
  checkPassphraseAgainstPolicy(policy, passphrase);
  return { kdfParams: effectiveKdfParams(policy), minPassphraseLength: effectiveMinPassphraseLength(policy) };
}

/** Create, unlock, lock and re-key the vault. Extension pages only. */
export const vaultHandlers: Pick<Handlers, 'vault.status' | 'vault.create' | 'vault.unlock' | 'vault.lock' | 'vault.changePassphrase'> = {
  'vault.status': async (_request, { vault }) => ({ state: await vault.status() }),
  'vault.create': async ({ passphrase }, context) => {
    await context.vault.create(passphrase, await policyStrength(context, passphrase));
    return { state: await context.vault.status() };
  },
  'vault.unlock': async ({ passphrase }, { vault }) => {
    await vault.unlock(passphrase);
    return { state: await vault.status() };
  },
  'vault.lock': async (_request, { vault }) => {
    await vault.lock();
    return { state: await vault.status() };
  },
  'vault.changePassphrase': async ({ current, next }, context) => {
    await context.vault.changePassphrase(current, next, await policyStrength(context, next));
    return { ok: true };
  },
};
