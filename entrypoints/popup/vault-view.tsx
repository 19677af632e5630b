import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { BackupReminderLine } from './backup-reminder-line';
import type { AccountView, ClockOffsetView, Responses } from '../../src/messages';
import { AccountList } from '../../src/ui/account-list';
import { labelAccount } from '../../src/account-label';
import { sortAccounts } from '../../src/vault/model';
import type { ActiveTab } from '../../src/ui/client';
import { useClient } from '../../src/ui/client-context';
import { describeUiError, isLockedError } from '../../src/ui/describe-ui-error';
import { EditAccount } from '../../src/ui/edit-account';
import { t } from '../../src/ui/i18n';
import { IconBack, IconLock, IconPlus, IconSettings } from '../../src/ui/icons';
import { useCodes } from '../../src/ui/use-codes';
import { AddView } from './add-view';
import { ClockNote } from './clock-note';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; id: string };
interface Toast {
  text: string;
  undoToken?: string;
  undoId?: string;
  error?: boolean;
}

const TOAST_MS = 5000;

/** Accounts and codes already in hand when the view opens (the popup's opening answer). */
export interface Preload {
  accounts: AccountView[];
  /** Codes of the first rows at least; `codesComplete` says whether they cover every account. */
  codes: Responses['accounts.codes'];
  codesComplete: boolean;
  clockOffsets: ClockOffsetView[];
  unbackedAccounts?: number;
}

/** The unlocked popup: header actions, the account list, and the add / edit screens. */
export function VaultView({ onLocked, preload }: { onLocked: () => void; preload?: Preload }) {
  const client = useClient();
  const [accounts, setAccounts] = useState<AccountView[] | undefined>(() => preload && sortAccounts(preload.accounts));
  const [view, setView] = useState<View>({ kind: 'list' });
  const [toast, setToast] = useState<Toast | undefined>(undefined);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [tab, setTab] = useState<ActiveTab>({});
  const [reloadKey, setReloadKey] = useState(0);

  const fail = useCallback(
    (error: unknown) => (isLockedError(error) ? onLocked() : setToast({ text: describeUiError(error), error: true })),
    [onLocked],
  );
  const { snapshot } = useCodes(client, fail, reloadKey, preload && { answer: preload.codes, complete: preload.codesComplete });

  const loadAccounts = useCallback(() => {
    client.request({ type: 'accounts.list' })
      .then(({ accounts: list }) => setAccounts(sortAccounts(list)))
      .catch(fail);
  }, [client, fail]);

  // Without accounts in hand, asked right after the first render rather than a frame later.
  useLayoutEffect(() => {
    if (!preload) loadAccounts();
  }, []);
  useEffect(() => {
    client.activeTab().then(setTab, () => setTab({}));
  }, [client]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(undefined), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const reload = (note?: string) => {
    loadAccounts();
    setReloadKey((key) => key + 1);
    setView({ kind: 'list' });
    if (note) setToast({ text: note });
  };

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
      setView({ kind: 'list' });
      setToast({ text: t('popup_deleted', labelAccount(account)), undoToken, undoId: account.id });
    } catch (error) {
      fail(error);
    }
  };

  const undo = async (undoToken: string, id: string) => {
    setToast(undefined);
    try {
      const { account } = await client.request({ type: 'accounts.undoRemove', undoToken });
      setAccounts((list) => sortAccounts([...(list ?? []).filter((a) => a.id !== id), account]));
      setReloadKey((key) => key + 1);
    } catch (error) {
      fail(error);
    }
  };

  const lock = async () => {
    try {
      await client.request({ type: 'vault.lock' });
      onLocked();
    } catch (error) {
      fail(error);
    }
  };

  const editing = view.kind === 'edit' ? accounts?.find((a) => a.id === view.id) : undefined;
  const editIndex = editing && accounts ? accounts.indexOf(editing) : -1;
  const title = view.kind === 'add' ? t('add_title') : view.kind === 'edit' ? t('edit_title') : t('app_name');

  return (
    <>
      <header class="bar">
        {view.kind === 'list' ? null : (
          <button type="button" class="icon" data-testid="back" aria-label={t('back')} title={t('back')} onClick={() => setView({ kind: 'list' })}>
            <IconBack />
          </button>
        )}
        <h1>{title}</h1>
        {view.kind === 'list' ? (
          <button type="button" class="icon" data-testid="add-account" aria-label={t('add_title')} title={t('add_title')} onClick={() => setView({ kind: 'add' })}>
            <IconPlus />
          </button>
        ) : null}
        <button type="button" class="icon" data-testid="lock" aria-label={t('lock_now')} title={t('lock_now')} onClick={lock}>
          <IconLock />
        </button>
        <button type="button" class="icon" data-testid="open-options" aria-label={t('open_options')} title={t('open_options')} onClick={() => void client.openOptions()}>
          <IconSettings />
        </button>
      </header>
      <div class="content">
        {view.kind === 'list' && accounts ? (
          <AccountList
            accounts={accounts}
            snapshot={snapshot}
            revealedHotp={revealed}
            onCopy={copy}
            onNextHotp={nextHotp}
            onEdit={(account) => setView({ kind: 'edit', id: account.id })}
          />
        ) : null}
        {view.kind === 'list' ? <ClockNote preload={preload?.clockOffsets} /> : null}
        {view.kind === 'list' && accounts ? <BackupReminderLine accountCount={accounts.length} initial={preload ? (preload.unbackedAccounts ?? 0) : undefined} /> : null}
        {view.kind === 'add' ? <AddView tab={tab} onDone={reload} /> : null}
        {editing && accounts ? (
          <EditAccount
            key={editing.id}
            account={editing}
            canMoveUp={editIndex > 0}
            canMoveDown={editIndex < accounts.length - 1}
            onSaved={(saved) => {
              setAccounts((list) => list?.map((a) => (a.id === saved.id ? saved : a)));
              setView({ kind: 'list' });
              setToast({ text: t('popup_saved') });
            }}
            onMove={move}
            onDelete={remove}
          />
        ) : null}
      </div>
      {toast ? (
        <div class={toast.error ? 'toast error-toast' : 'toast'} role="status" data-testid="toast">
          <span>{toast.text}</span>
          {toast.undoToken ? (
            <button type="button" data-testid="undo" onClick={() => void undo(toast.undoToken!, toast.undoId ?? '')}>
              {t('undo')}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
