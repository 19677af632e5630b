import { useEffect, useState } from 'preact/hooks';
import type { VaultOverview, VaultState } from '../../src/messages';
import { useClient } from '../../src/ui/client-context';
import { describeUiError } from '../../src/ui/describe-ui-error';
import { OPENING_REQUEST } from '../../src/ui/first-screen';
import { t } from '../../src/ui/i18n';
import { CreateVaultForm, UnlockForm } from '../../src/ui/passphrase-forms';
import { useVaultLoss, VaultLossNotice } from '../../src/ui/vault-loss-notice';
import { VaultView, type Preload } from './vault-view';

function preloadOf(overview: VaultOverview | undefined): Preload | undefined {
  if (overview?.state !== 'unlocked') return undefined;
  const { accounts, codes, now, codesComplete, clockOffsets = [], backupReminder } = overview;
  return { accounts, codes: { codes, now }, codesComplete, clockOffsets, backupReminder };
}

/**
 * The popup: first-run setup, the unlock form, or the accounts. `overview` is the opening answer when the caller
 * already has it (the popup asks before it renders anything); without it the popup asks itself.
 */
export function App({ overview }: { overview?: VaultOverview }) {
  const client = useClient();
  const [state, setState] = useState<VaultState | 'loading'>(overview?.state ?? 'loading');
  const [error, setError] = useState('');
  const [preload, setPreload] = useState<Preload | undefined>(() => preloadOf(overview));
  const vaultLoss = useVaultLoss(client, overview?.loss);
  // Creating or unlocking is when a lost vault is noticed: ask again then.
  const changeState = (next: VaultState) => {
    setState(next);
    vaultLoss.refresh();
  };

  useEffect(() => {
    if (overview) return;
    client.request(OPENING_REQUEST)
      .then((answer) => {
        setPreload(preloadOf(answer));
        vaultLoss.setLoss(answer.loss);
        setState(answer.state);
      })
      // The accounts could not be read (a damaged vault, a storage error): show the state anyway, so the
      // screen keeps its lock and settings buttons and says what went wrong where the list would be.
      .catch((err) =>
        client.request({ type: 'vault.status' }).then(({ state: next }) => setState(next), () => setError(describeUiError(err))),
      );
  }, [client]);

  if (error) {
    return (
      <main class="popup">
        <p class="error" role="alert" data-testid="error">{error}</p>
        <button type="button" onClick={() => location.reload()}>{t('retry')}</button>
      </main>
    );
  }
  return (
    <main class="popup" data-state={state}>
      {vaultLoss.loss && (state === 'uninitialised' || state === 'locked') ? (
        <VaultLossNotice loss={vaultLoss.loss} vaultExists={state === 'locked'} onDismiss={vaultLoss.dismiss} />
      ) : null}
      {state === 'uninitialised' ? <CreateVaultForm onState={changeState} /> : null}
      {state === 'locked' ? <UnlockForm onState={changeState} /> : null}
      {state === 'unlocked' ? (
        <VaultView
          preload={preload}
          notice={
            vaultLoss.loss ? <VaultLossNotice loss={vaultLoss.loss} vaultExists onImport={() => void client.openOptions()} onDismiss={vaultLoss.dismiss} /> : null
          }
          onLocked={() => {
            setPreload(undefined);
            setState('locked');
          }}
        />
      ) : null}
    </main>
  );
}
