import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { AccountView } from '../../src/messages';
import { labelAccount } from '../../src/account-label';
import { sortAccounts } from '../../src/vault/model';
import type { UiClient } from '../../src/ui/client';
import { t } from '../../src/ui/i18n';
import type { Toast } from './use-toast';

/** What the account actions report back to the view. */
export interface AccountActionHooks {
  fail: (error: unknown) => void;
  setToast: (toast: Toast | undefined) => void;
  /** The codes must be asked for again (an account came back or the list changed). */
  refreshCodes: () => void;
  showList: () => void;
}

/**
 * The popup's accounts and what can be done to them: load, copy a code, reveal the next HOTP code, reorder,
 * delete with undo, lock. Each action reports a failure through `fail` and leaves the list as it was.
 */
export function useAccountActions(client: UiClient, initial: AccountView[] | undefined, hooks: AccountActionHooks) {
  const { fail, setToast, refreshCodes, showList } = hooks;
  const [accounts, setAccounts] = useState<AccountView[] | undefined>(() => initial && sortAccounts(initial));
  const [revealed, setRevealed] = useState<Record<string, string>>({});

  const load = useCallback(() => {
    client.request({ type: 'accounts.list' })
      .then(({ accounts: list }) => setAccounts(sortAccounts(list)))
      .catch(fail);
  }, [client, fail]);

  // Without accounts in hand, asked right after the first render rather than a frame later.
  useLayoutEffect(() => {
    if (!initial) load();
  }, []);

  const copy = async (_account: AccountView, code: string) => {
    try {
      await client.copyText(code);
      return true;
    } catch {
      setToast({ text: t('popup_copy_failed'), error: true });
      return false;
    }
  };

  const nextHotp = async (account: AccountView) => {
    try {
      const { code } = await client.request({ type: 'accounts.nextHotp', id: account.id });
      setRevealed((all) => ({ ...all, [account.id]: code.code }));
    } catch (error) {
      fail(error);
    }
  };

  const move = async (account: AccountView, delta: -1 | 1) => {
    if (!accounts) return;
    const from = accounts.findIndex((a) => a.id === account.id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= accounts.length) return;
    const next = [...accounts];
    [next[from], next[to]] = [next[to]!, next[from]!];
    const previous = accounts;
    setAccounts(next.map((a, order) => ({ ...a, order })));
    try {
      await client.request({ type: 'accounts.reorder', ids: next.map((a) => a.id) });
    } catch (error) {
      setAccounts(previous);
      fail(error);
    }
  };

  const remove = async (account: AccountView) => {
    try {
      const { undoToken } = await client.request({ type: 'accounts.remove', id: account.id });
      setAccounts((list) => list?.filter((a) => a.id !== account.id));
      showList();
      setToast({ text: t('popup_deleted', labelAccount(account, t('account_unnamed'))), undoToken, undoId: account.id });
    } catch (error) {
      fail(error);
    }
  };

  const undo = async (undoToken: string, id: string) => {
    setToast(undefined);
    try {
      const { account } = await client.request({ type: 'accounts.undoRemove', undoToken });
      setAccounts((list) => sortAccounts([...(list ?? []).filter((a) => a.id !== id), account]));
      refreshCodes();
    } catch (error) {
      fail(error);
    }
  };

  const saved = (account: AccountView) => {
    setAccounts((list) => list?.map((a) => (a.id === account.id ? account : a)));
    showList();
    setToast({ text: t('popup_saved') });
  };

  return { accounts, revealed, load, copy, nextHotp, move, remove, undo, saved };
}
