import type { OtpAccount } from '../otp/types';
import {
  checkSites,
  MATCH_DOMAIN_TEXT,
  MATCH_DOMAIN_WHY,
  parseVaultAccount,
  pickOtpFields,
  unstorable,
  type VaultAccount,
  type VaultData,
} from './account-shape';
import { vaultError } from './errors';

/** A new account: validated OTP fields plus optional site binding. */
export type AccountInput = OtpAccount & { sites?: string[]; matchRegistrableDomain?: boolean };

/** Fields that may change after an account is created; the secret and OTP parameters never do. */
export type AccountPatch = Partial<Pick<VaultAccount, 'issuer' | 'accountName' | 'sites' | 'matchRegistrableDomain' | 'counter'>>;

const PATCHABLE = new Set(['issuer', 'accountName', 'sites', 'matchRegistrableDomain', 'counter']);

/** A vault with no accounts. */
export const EMPTY_VAULT_DATA: VaultData = Object.freeze({ accounts: [] }) as VaultData;

function indexOfAccount(data: VaultData, id: string): number {
  const index = data.accounts.findIndex((account) => account.id === id);
  if (index < 0) {
    throw vaultError('vault/no-such-account', 'That account no longer exists; reload the list and try again.', { key: 'error_vault_no_such_account' });
  }
  return index;
}

/** Accounts in display order (the vault's, or the views the pages get of them). */
export function sortAccounts<T extends { order: number }>(accounts: readonly T[]): T[] {
  return [...accounts].sort((a, b) => a.order - b.order);
}

/** Adds an account at the end of the list with a random id (crypto.randomUUID). */
export function addAccount(
  data: VaultData,
  input: AccountInput,
  now: number = Date.now(),
  makeId: () => string = () => crypto.randomUUID(),
): { data: VaultData; account: VaultAccount } {
  const otp = pickOtpFields(input);
  const sites = checkSites(input.sites ?? []);
  const matchRegistrableDomain = input.matchRegistrableDomain ?? false;
  if (typeof matchRegistrableDomain !== 'boolean') {
    throw unstorable(MATCH_DOMAIN_WHY, MATCH_DOMAIN_TEXT);
  }
  const order = data.accounts.reduce((max, account) => Math.max(max, account.order), -1) + 1;
  const account = parseVaultAccount({ ...otp, id: makeId(), sites, matchRegistrableDomain, createdAt: now, updatedAt: now, order });
  if (data.accounts.some((existing) => existing.id === account.id)) {
    throw vaultError('vault/duplicate-id', 'Could not assign a unique id to the account; try again.', { key: 'error_vault_id_taken' });
  }
  return { data: { accounts: [...data.accounts, account] }, account };
}

/** Changes the editable fields of one account (names, sites, HOTP counter); refuses any other field. */
export function updateAccount(data: VaultData, id: string, patch: AccountPatch, now: number = Date.now()): VaultData {
  const index = indexOfAccount(data, id);
  const refused = Object.keys(patch).filter((key) => !PATCHABLE.has(key));
  if (refused.length > 0) {
    throw vaultError(
      'vault/bad-patch',
      `These fields cannot be edited: ${refused.join(', ')}. Only issuer, accountName, sites, matchRegistrableDomain and counter can; to change the secret, add the account again.`,
      { key: 'error_vault_bad_patch', subs: [refused.join(', ')] },
    );
  }
  const current = data.accounts[index]!;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const updated = parseVaultAccount({ ...current, ...defined, updatedAt: Math.max(now, current.createdAt) });
  const accounts = [...data.accounts];
  accounts[index] = updated;
  return { accounts };
}

/** Removes one account. */
export function removeAccount(data: VaultData, id: string): VaultData {
  const index = indexOfAccount(data, id);
  return { accounts: data.accounts.filter((_, i) => i !== index) };
}

/** Puts the accounts in the order of `ids`, which must name every account exactly once. */
export function reorderAccounts(data: VaultData, ids: string[]): VaultData {
  const known = new Set(data.accounts.map((account) => account.id));
  const unique = new Set(ids);
  if (unique.size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
    throw vaultError('vault/bad-order', 'The new order must list every account exactly once; reload the list and try again.', { key: 'error_vault_bad_order' });
  }
  const position = new Map(ids.map((id, i) => [id, i]));
  return { accounts: data.accounts.map((account) => ({ ...account, order: position.get(account.id)! })) };
}

/** Replaces every account (e.g. restoring a backup); ids must be unique, order follows array position. */
export function replaceAll(_data: VaultData, accounts: VaultAccount[]): VaultData {
  const parsed = accounts.map((account, order) => parseVaultAccount({ ...account, order }));
  if (new Set(parsed.map((account) => account.id)).size !== parsed.length) {
    throw vaultError('vault/duplicate-id', 'Two accounts in the list share an id; nothing was replaced.', { key: 'error_vault_ids_shared' });
  }
  return { accounts: parsed };
}

/** The stored account with the same secret and issuer (issuer compared trimmed, case-insensitively), if any. */
export function findDuplicate(data: VaultData, account: Pick<OtpAccount, 'secret' | 'issuer'>): VaultAccount | undefined {
  return data.accounts.find((existing) => isSameAccount(existing, account));
}

/** The one rule for "the same account": the same secret and the same issuer, ignoring case and surrounding spaces. */
export function isSameAccount(a: Pick<OtpAccount, 'secret' | 'issuer'>, b: Pick<OtpAccount, 'secret' | 'issuer'>): boolean {
  return a.secret === b.secret && a.issuer.trim().toLowerCase() === b.issuer.trim().toLowerCase();
}
