import { useEffect, useId, useState } from 'preact/hooks';
import type { AccountView } from '../../../src/messages';
import { labelAccount } from '../../../src/account-label';
import { ActionResult } from '../../../src/ui/action-result';
import { useClient } from '../../../src/ui/client-context';
import { describeUiError } from '../../../src/ui/describe-ui-error';
import { CurrentPassphraseField } from '../../../src/ui/current-passphrase-field';
import { passphraseFieldOf } from '../../../src/ui/field-error';
import { t } from '../../../src/ui/i18n';
import { useAction } from '../../../src/ui/use-action';
import { QrCanvas } from '../../../src/ui/qr-canvas';
import { SkippedList } from '../../../src/ui/skipped-list';
import type { SkippedEntry } from '../../../src/import/types';

interface MigrationExport {
  uris: string[];
  refused: SkippedEntry[];
}

/**
 * Google Authenticator transfer QR codes for all accounts, and one QR code per account. Both reveal secrets, so
 * each showing asks for the vault's passphrase (typed once above both, cleared once used).
 */
export function ExportQrBlocks() {
  const client = useClient();
  const [migration, setMigration] = useState<MigrationExport | undefined>(undefined);
  const [accounts, setAccounts] = useState<AccountView[]>([]);
  const [shown, setShown] = useState<{ id: string; uri: string } | undefined>(undefined);
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, failure, setError, run } = useAction();
  const resultId = useId();
  const cannotShow = busy || !passphrase;

  useEffect(() => {
    client.request({ type: 'accounts.list' }).then(
      ({ accounts: list }) => setAccounts([...list].sort((a, b) => a.order - b.order)),
      (err) => setError(describeUiError(err)),
    );
  }, [client]);

  const reveal = (action: (passphrase: string) => Promise<void>) =>
    run(async () => {
      await action(passphrase);
      setPassphrase('');
    });

  const showMigration = () => reveal(async (typed) => setMigration(await client.request({ type: 'export.migration', passphrase: typed })));

  const showAccount = (account: AccountView) =>
    reveal(async (typed) => {
      const { uris } = await client.request({ type: 'export.uris', ids: [account.id], passphrase: typed });
      if (uris[0]) setShown({ id: account.id, uri: uris[0] });
    });

  return (
    <>
      <div class="stack narrow">
        <p>{t('export_qr_passphrase_intro')}</p>
        <CurrentPassphraseField
          label={t('field_vault_passphrase')}
          value={passphrase}
          testId="export-qr-passphrase"
          errorId={error && passphraseFieldOf(failure) ? resultId : undefined}
          onValue={setPassphrase}
        />
        <ActionResult error={error} done="" testId="export-error" id={resultId} />
      </div>
      <div class="stack">
        <h3>{t('export_migration_title')}</h3>
        <p>{t('export_migration_intro')}</p>
        {migration ? (
          <>
            <div class="qr-grid" data-testid="migration-qrs">
              {migration.uris.map((uri, index) => (
                <QrCanvas key={uri} text={uri} label={t('export_migration_part', index + 1, migration.uris.length)} testId="migration-qr" />
              ))}
            </div>
            {migration.refused.length > 0 ? (
              <>
                <h4>{t('export_refused_title')}</h4>
                <SkippedList items={migration.refused} testId="export-refused" />
              </>
            ) : null}
            <button type="button" onClick={() => setMigration(undefined)}>
              {t('hide')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="export-migration" disabled={cannotShow} onClick={() => void showMigration()}>
            {t('export_migration_show')}
          </button>
        )}
      </div>

      <div class="stack">
        <h3>{t('export_account_qr_title')}</h3>
        {accounts.length === 0 ? <p class="muted">{t('export_no_accounts')}</p> : null}
        <ul class="plain account-qr-list">
          {accounts.map((account) => (
            <li key={account.id} data-testid="export-account">
              <span>{labelAccount(account, t('account_unnamed'))}</span>
              {shown?.id === account.id ? (
                <>
                  <button type="button" onClick={() => setShown(undefined)}>
                    {t('hide')}
                  </button>
                  <QrCanvas text={shown.uri} label={labelAccount(account, t('account_unnamed'))} testId="account-qr" />
                </>
              ) : (
                <button type="button" data-testid="export-account-qr" disabled={cannotShow} aria-label={t('export_account_qr_for', labelAccount(account, t('account_unnamed')))} onClick={() => void showAccount(account)}>
                  {t('export_account_qr_show')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
