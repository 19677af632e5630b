import type { AccountView } from '../messages';

/** Keeps the accounts whose issuer, account name or a bound site contains every word of `query` (case-insensitive). */
export function filterAccounts(accounts: AccountView[], query: string): AccountView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return accounts;
  return accounts.filter((account) => {
    const haystack = [account.issuer, account.accountName, ...account.sites].join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
