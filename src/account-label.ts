import type { TextSub } from './translatable';

/**
 * The label of an account wherever people pick or read about one (the popup's list, the page's chooser, import
 * previews, messages): "Issuer — name", or whichever part exists, else `unnamed`.
 */
export function labelAccount(account: { issuer: string; accountName: string }, unnamed = 'Unnamed account'): string {
  return [account.issuer, account.accountName].filter(Boolean).join(' — ') || unnamed;
}

/** The same label as a message value, for the page to show: the names, or "Unnamed account" in the reader's language. */
export function accountLabelText(account: { issuer: string; accountName: string }): TextSub {
  return labelAccount(account, '') || { key: 'account_unnamed' };
}
