import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountView, BackupReminderView, ClockOffsetView, Responses } from '../../src/messages';
import { AccountList } from '../../src/ui/account-list';
import type { ActiveTab } from '../../src/ui/client';
import { useClient } from '../../src/ui/client-context';
import { describeUiError, isLockedError } from '../../src/ui/describe-ui-error';
import { EditAccount } from '../../src/ui/edit-account';
import { useCodes } from '../../src/ui/use-codes';
import { AddView } from './add-view';
import { BackupReminderLine } from './backup-reminder-line';
import { ClockNote } from './clock-note';
import { PopupHeader } from './popup-header';
import type { PopupView } from './popup-view';
import { ToastBar } from './toast-bar';
import { useAccountActions } from './use-account-actions';
import { useToast } from './use-toast';

/** What the line says when the opening answer carried no reminder. */
const NO_REMINDER: BackupReminderView = { count: 0, insist: false };

/** Accounts and codes already in hand when the view opens (the popup's opening answer). */
export interface Preload {
  accounts: AccountView[];
  /** Codes of the first rows at least; `codesComplete` says whether they cover every account. */
  codes: Responses['accounts.codes'];
  codesComplete: boolean;
  clockOffsets: ClockOffsetView[];
  backupReminder?: BackupReminderView;
}

/** The unlocked popup: header actions, the account list, and the add / edit screens. */
export function VaultView({ onLocked, preload, notice }: { onLocked: () => void; preload?: Preload; notice?: ComponentChildren }) {
  const client = useClient();
  const [view, setView] = useState<PopupView>({ kind: 'list' });
  const [toast, setToast] = useToast();
  const [tab, setTab] = useState<ActiveTab>({});
  const [reloadKey, setReloadKey] = useState(0);
  const refreshCodes = () => setReloadKey((key) => key + 1);
  const showList = () => setView({ kind: 'list' });

  const fail = useCallback(
    (error: unknown) => (isLockedError(error) ? onLocked() : setToast({ text: describeUiError(error), error: true })),
    [onLocked],
  );
  const { snapshot } = useCodes(client, fail, reloadKey, preload && { answer: preload.codes, complete: preload.codesComplete });
  const actions = useAccountActions(client, preload?.accounts, { fail, setToast, refreshCodes, showList });
  const { accounts } = actions;

  useEffect(() => {
    client.activeTab().then(setTab, () => setTab({}));
  }, [client]);

  const reload = (note?: string) => {
    actions.load();
    refreshCodes();
    showList();
    if (note) setToast({ text: note });
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

  return (
    <>
      <PopupHeader view={view} onBack={showList} onAdd={() => setView({ kind: 'add' })} onLock={lock} onOptions={() => void client.openOptions()} />
      <div class="content">
        {view.kind === 'list' ? notice : null}
        {view.kind === 'list' && accounts ? (
          <AccountList
            accounts={accounts}
            snapshot={snapshot}
            revealedHotp={actions.revealed}
            onCopy={actions.copy}
            onNextHotp={actions.nextHotp}
            onEdit={(account) => setView({ kind: 'edit', id: account.id })}
          />
        ) : null}
        {view.kind === 'list' ? <ClockNote preload={preload?.clockOffsets} /> : null}
        {view.kind === 'list' && accounts ? <BackupReminderLine accountCount={accounts.length} initial={preload ? (preload.backupReminder ?? NO_REMINDER) : undefined} /> : null}
        {view.kind === 'add' ? <AddView tab={tab} onDone={reload} /> : null}
        {editing && accounts ? (
          <EditAccount
            key={editing.id}
            account={editing}
            canMoveUp={editIndex > 0}
            canMoveDown={editIndex < accounts.length - 1}
            onSaved={actions.saved}
            onMove={actions.move}
            onDelete={actions.remove}
          />
        ) : null}
      </div>
      {toast ? <ToastBar toast={toast} onUndo={(token, id) => void actions.undo(token, id)} /> : null}
    </>
  );
}
