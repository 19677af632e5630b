import { useEffect, useState } from 'preact/hooks';
import type { VaultState } from '../../src/messages';
import { useClient } from '../../src/ui/client-context';
import { describeUiError } from '../../src/ui/describe-ui-error';
import { t } from '../../src/ui/i18n';
import { CreateVaultForm, UnlockForm } from '../../src/ui/passphrase-forms';
import { VaultView, type Preload } from './vault-view';

/** The popup: asks the vault's state, then shows first-run setup, the unlock form, or the accounts. */
export function App() {
  const client = useClient();
  const [state, setState] = useState<VaultState | 'loading'>('loading');
  const [error, setError] = useState('');
  const [preload, setPreload] = useState<Preload | undefined>(undefined);

  useEffect(() => {
    // Accounts and codes are asked for alongside the state: when unlocked (the usual case) the list shows a round
    // trip sooner; when locked these are refused and dropped.
    const status = client.request({ type: 'vault.status' });
    const early: Preload = { list: client.request({ type: 'accounts.list' }), codes: client.request({ type: 'accounts.codes' }) };
    early.list.catch(() => {});
    early.codes.catch(() => {});
    status
      .then(({ state: next }) => {
        if (next === 'unlocked') setPreload(early);
        setState(next);
      })
      .catch((err) => setError(describeUiError(err)));
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
      {state === 'uninitialised' ? <CreateVaultForm onState={setState} /> : null}
      {state === 'locked' ? <UnlockForm onState={setState} /> : null}
      {state === 'unlocked' ? (
        <VaultView
          preload={preload}
          onLocked={() => {
            setPreload(undefined);
            setState('locked');
          }}
        />
      ) : null}
    </main>
  );
}
