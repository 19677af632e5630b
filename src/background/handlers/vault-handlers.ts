import { checkPassphraseAgainstPolicy, effectiveKdfParams, effectiveMinPassphraseLength } from '../../policy';
import { PortalError, ProtocolError } from '../../errors';
import type { VaultOverview } from '../../messages';
import { toAccountView, toCodeView } from '../account-view';
import type { BackgroundContext } from '../context';
import type { Handlers } from './handler-types';

/** What the organisation requires of a new passphrase, checked with its own wording first. */
async function policyStrength(context: BackgroundContext, passphrase: string) {
  const { policy } = await context.policy();
  checkPassphraseAgainstPolicy(policy, passphrase);
  return { kdfParams: effectiveKdfParams(policy), minPassphraseLength: effectiveMinPassphraseLength(policy) };
}

const isNotOpen = (error: unknown) => error instanceof PortalError && (error.code === 'vault/locked' || error.code === 'vault/uninitialised');

/**
 * The state, and when unlocked the accounts with the codes of the first `codesFor` of them. The state and the
 * accounts are read side by side, so every state costs one wait for storage.
 */
async function overview({ vault, now }: Pick<BackgroundContext, 'vault' | 'now'>, codesFor: number | undefined): Promise<VaultOverview> {
  if (codesFor !== undefined && !(Number.isInteger(codesFor) && codesFor >= 0)) {
    throw new ProtocolError('protocol/bad-request', 'codesFor must be a whole number of accounts.');
  }
  const [state, listed] = await Promise.all([
    vault.status(),
    vault.list().then(
      (accounts) => ({ accounts }),
      (error: unknown) => ({ error }),
    ),
  ]);
  if ('error' in listed) {
    if (!isNotOpen(listed.error)) throw listed.error;
    // Not open: locked (also when the state read saw it unlocked just before a lock), or no vault at all.
    return { state: state === 'uninitialised' ? 'uninitialised' : 'locked' };
  }
  const at = now();
  const withCodes = codesFor === undefined ? listed.accounts : listed.accounts.slice(0, codesFor);
  return {
    state: 'unlocked',
    accounts: listed.accounts.map(toAccountView),
    codes: withCodes.map((a) => toCodeView(a, at)),
    codesComplete: withCodes.length === listed.accounts.length,
    now: at,
  };
}

/** Create, unlock, lock and re-key the vault. Extension pages only. */
export const vaultHandlers: Pick<
  Handlers,
  'vault.status' | 'vault.overview' | 'vault.create' | 'vault.unlock' | 'vault.lock' | 'vault.changePassphrase'
> = {
  'vault.status': async (_request, { vault }) => ({ state: await vault.status() }),
  'vault.overview': async ({ codesFor }, context) => overview(context, codesFor),
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
