import { ProtocolError } from '../../errors';
import { accountFromManualEntry, generateTotp, generateHotp, parseOtpauthUri, secretStrengthWarning } from '../../otp';
import { normalizeOrigin } from '../../sites/origin-binding';
import { toAccountView, toCodeView } from '../account-view';
import { parkPending, takePending } from '../pending';
import type { VaultAccount } from '../../vault';
import { act, query, rebind, type Handlers } from './handler-types';

/** Turns what a person typed as sites into origins, with a clear error for anything that is not a site. */
export function normalizeSites(sites: unknown): string[] {
  if (!Array.isArray(sites)) throw new ProtocolError('protocol/bad-sites', 'Sites must be a list of web addresses.', { key: 'error_protocol_bad_sites' });
  return [...new Set(sites.filter((s) => typeof s === 'string' && s.trim() !== '').map((s) => normalizeOrigin(s as string)))];
}

/** The account list, codes, and every change to one account. Extension pages only. */
export const accountHandlers: Pick<
  Handlers,
  | 'accounts.list'
  | 'accounts.codes'
  | 'accounts.addUri'
  | 'accounts.addManual'
  | 'accounts.previewManual'
  | 'accounts.update'
  | 'accounts.remove'
  | 'accounts.undoRemove'
  | 'accounts.reorder'
  | 'accounts.nextHotp'
> = {
  'accounts.list': query(async (_r, { vault }) => ({ accounts: (await vault.list()).map(toAccountView) })),
  'accounts.codes': query(async (_r, { vault, now }) => {
    const at = now();
    return { codes: (await vault.list()).map((a) => toCodeView(a, at)), now: at };
  }),
  'accounts.addUri': rebind(async ({ uri, sites }, { vault }) => {
    const account = parseOtpauthUri(uri);
    const saved = await vault.add({ ...account, sites: normalizeSites(sites), matchRegistrableDomain: false });
    return { account: toAccountView(saved), warning: secretStrengthWarning(account) };
  }),
  'accounts.addManual': rebind(async ({ entry, sites }, { vault }) => {
    const account = accountFromManualEntry(entry);
    const saved = await vault.add({ ...account, sites: normalizeSites(sites), matchRegistrableDomain: false });
    return { account: toAccountView(saved), warning: secretStrengthWarning(account) };
  }),
  'accounts.previewManual': act(async ({ entry, now: at }, { now }) => {
    const account = accountFromManualEntry(entry);
    const code = account.type === 'hotp' ? generateHotp(account, account.counter) : generateTotp(account, at ?? now());
    return { code, warning: secretStrengthWarning(account) };
  }),
  'accounts.update': rebind(async ({ id, patch }, { vault }) => {
    const clean: Partial<VaultAccount> = {};
    if (patch.issuer !== undefined) clean.issuer = String(patch.issuer);
    if (patch.accountName !== undefined) clean.accountName = String(patch.accountName);
    if (patch.sites !== undefined) clean.sites = normalizeSites(patch.sites);
    if (patch.matchRegistrableDomain !== undefined) clean.matchRegistrableDomain = Boolean(patch.matchRegistrableDomain);
    return { account: toAccountView(await vault.update(id, clean)) };
  }),
  'accounts.remove': rebind(async ({ id }, context) => {
    const removed = await context.vault.remove(id);
    return { undoToken: await parkPending(context, 'undo-remove', removed) };
  }),
  'accounts.undoRemove': rebind(async ({ undoToken }, context) => {
    const account = await takePending<VaultAccount>(context, 'undo-remove', undoToken);
    const { secret, ...rest } = account;
    const [restored] = (await context.vault.importAccounts([{ ...rest, secret }])).added;
    if (!restored) throw new ProtocolError('protocol/already-restored', 'That account is already back in your vault.', { key: 'error_protocol_already_restored' });
    return { account: toAccountView(restored) };
  }),
  'accounts.reorder': act(async ({ ids }, { vault }) => {
    await vault.reorder(ids);
    return { ok: true };
  }),
  'accounts.nextHotp': act(async ({ id }, { vault, now }) => {
    const account = (await vault.list()).find((a) => a.id === id);
    if (!account || account.type !== 'hotp') {
      throw new ProtocolError('protocol/not-hotp', 'Only counter-based (HOTP) accounts have a next code.', { key: 'error_protocol_not_hotp' });
    }
    const counter = await vault.advanceHotp(id);
    return { code: toCodeView({ ...account, counter }, now(), true) };
  }),
};
