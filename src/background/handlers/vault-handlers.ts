import { checkPassphraseAgainstPolicy, effectiveKdfParams, effectiveMinPassphraseLength } from '../../policy';
import { backupReminderFor } from '../backup-reminder';
import { ProtocolError } from '../../errors';
import { hasVaultCode, type VaultAccount } from '../../vault';
import type { VaultOverview } from '../../messages';
import { toAccountView, toCodeView } from '../account-view';
import { createClockOffsets } from '../clock-offsets';
import { tellTabsUnlocked } from '../tell-tabs-unlocked';
import type { BackgroundContext } from '../context';
import { act, query, rebind, type Handlers } from './handler-types';

/** What the organisation requires of a new passphrase, checked with its own wording first. */
async function policyStrength(context: BackgroundContext, passphrase: string) {
  const { policy } = await context.policy();
  checkPassphraseAgainstPolicy(policy, passphrase);
  return { kdfParams: effectiveKdfParams(policy), minPassphraseLength: effectiveMinPassphraseLength(policy) };
}

/**
 * The state, and when unlocked the accounts with the codes of the first `codesFor` of them, from one reading of
 * the vault and the key (side by side): its refusal says which state it is in when it is not unlocked.
 */
async function overview(context: BackgroundContext, codesFor: number | undefined): Promise<VaultOverview> {
  const { vault, now, browser } = context;
  if (codesFor !== undefined && !(Number.isInteger(codesFor) && codesFor >= 0)) {
    throw new ProtocolError('protocol/bad-request', 'codesFor must be a whole number of accounts.', { key: 'error_protocol_codes_for' });
  }
  // Read beside the vault; a record that cannot be read only leaves the notice out.
  const lossRead = vault.loss().then((loss) => (loss ? { loss } : {}), () => ({}));
  let accounts: VaultAccount[];
  try {
    accounts = await vault.list();
  } catch (error) {
    if (hasVaultCode(error, 'vault/uninitialised')) return { state: 'uninitialised', ...(await lossRead) };
    if (hasVaultCode(error, 'vault/locked')) return { state: 'locked', ...(await lossRead) };
    throw error;
  }
  const at = now();
  const withCodes = codesFor === undefined ? accounts : accounts.slice(0, codesFor);
  return {
    state: 'unlocked',
    accounts: accounts.map(toAccountView),
    codes: withCodes.map((a) => toCodeView(a, at)),
    codesComplete: withCodes.length === accounts.length,
    now: at,
    clockOffsets: await createClockOffsets(browser.storage.local).list(),
    backupReminder: await backupReminderFor(context, accounts),
    ...(await lossRead),
  };
}

/** Create, unlock, lock and re-key the vault. Extension pages only. */
export const vaultHandlers: Pick<
  Handlers,
  'vault.status' | 'vault.overview' | 'vault.create' | 'vault.unlock' | 'vault.lock' | 'vault.changePassphrase' | 'vault.loss' | 'vault.dismissLoss'
> = {
  'vault.status': query(async (_request, { vault }) => ({ state: await vault.status() })),
  'vault.overview': act(async ({ codesFor }, context) => overview(context, codesFor)),
  'vault.create': rebind(async ({ passphrase }, context) => {
    await context.vault.create(passphrase, await policyStrength(context, passphrase));
    return { state: await context.vault.status() };
  }),
  'vault.unlock': rebind(async ({ passphrase }, { vault, browser }) => {
    await vault.unlock(passphrase);
    void tellTabsUnlocked(browser.tabs).catch(() => undefined); // a nicety: the unlock itself has succeeded
    return { state: await vault.status() };
  }),
  'vault.lock': query(async (_request, { vault }) => {
    await vault.lock();
    return { state: await vault.status() };
  }),
  'vault.changePassphrase': act(async ({ current, next }, context) => {
    await context.vault.changePassphrase(current, next, await policyStrength(context, next));
    return { ok: true };
  }),
  'vault.loss': query(async (_request, { vault }) => {
    const loss = await vault.loss();
    return loss ? { loss } : {};
  }),
  'vault.dismissLoss': act(async (_request, { vault }) => {
    await vault.dismissLoss();
    return { ok: true };
  }),
};
