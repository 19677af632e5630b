import { useCallback, useState } from 'preact/hooks';
import type { VaultLoss } from '../messages';
import type { UiClient } from './client';
import { t, tPlural } from './i18n';

/** What the notice needs around it: whether a vault is there now, and how to get to the import (absent: not from here). */
export interface VaultLossNoticeProps {
  loss: VaultLoss;
  /** A vault exists now (a new one after a vanished one, or the shrunk one): the way back is the import alone. */
  vaultExists: boolean;
  onImport?: () => void;
  onDismiss: () => void;
}

/** Says plainly that the vault disappeared or lost accounts without this extension, and the way back: the last backup. */
export function VaultLossNotice({ loss, vaultExists, onImport, onDismiss }: VaultLossNoticeProps) {
  const shrunk = loss.kind === 'shrunk';
  return (
    <div class="loss-notice" role="alert" data-testid="vault-loss" data-kind={loss.kind}>
      <h2>{t(shrunk ? 'loss_shrunk_title' : 'loss_vanished_title')}</h2>
      <p>
        {shrunk ? tPlural('loss_shrunk', loss.expected - loss.found) : tPlural('loss_vanished', loss.expected)} {t('loss_cause')}
      </p>
      <p>{t(vaultExists ? 'loss_way_back' : 'loss_way_back_new')}</p>
      <div class="actions">
        {onImport ? (
          <button type="button" class="primary" data-testid="vault-loss-import" onClick={onImport}>
            {t('loss_import')}
          </button>
        ) : null}
        <button type="button" data-testid="vault-loss-dismiss" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      </div>
    </div>
  );
}

/**
 * The loss notice's state: `initial` from the page's opening answer; `refresh` asks again (after an unlock, which
 * is when a shrunk vault is noticed, or a create); `dismiss` ends it. A failed request shows nothing.
 */
export function useVaultLoss(client: UiClient, initial?: VaultLoss) {
  const [loss, setLoss] = useState<VaultLoss | undefined>(initial);
  const refresh = useCallback(() => {
    client.request({ type: 'vault.loss' }).then(({ loss: next }) => setLoss(next), () => setLoss(undefined));
  }, [client]);
  const dismiss = useCallback(() => {
    setLoss(undefined);
    client.request({ type: 'vault.dismissLoss' }).catch(() => undefined);
  }, [client]);
  return { loss, setLoss, refresh, dismiss };
}
