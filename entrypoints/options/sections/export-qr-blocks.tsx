import { useEffect, useState } from 'preact/hooks';
import type { AccountView } from '../../../src/messages';
import { labelAccount } from '../../../src/account-label';
import { useClient } from '../../../src/ui/client-context';
import { describeUiError } from '../../../src/ui/describe-ui-error';
import { t } from '../../../src/ui/i18n';
import { QrCanvas } from '../../../src/ui/qr-canvas';
import { SkippedList } from '../../../src/ui/skipped-list';
import type { SkippedEntry } from '../../../src/import/types';

interface MigrationExport {
  uris: string[];
  refused: SkippedEntry[];
}

/** Google Authenticator transfer QR codes for all accounts, and one QR code per account; both reveal secrets. */
export function ExportQrBlocks() {
  const client = useClient();
  const [migration, setMigration] = useState<MigrationExport | undefined>(undefined);
  const [accounts, setAccounts] = useState<AccountView[]>([]);
  const [shown, setShown] = useState<{ id: string; uri: string } | undefined>(undefined);
  const [error, setError] = useState('');

  useEffect(() => {
    client.request({ type: 'accounts.list' }).then(
      ({ accounts: list }) => setAccounts([...list].sort((a, b) => a.order - b.order)),
      (err) => setError(describeUiError(err)),
    );
  }, [client]);

  const showMigration = async () => {
    setError('');
    try {
      setMigration(await client.request({ type: 'export.migration' }));
    } catch (err) {
      setError(describeUiError(err));
    }
  };

  const showAccount = async (account: AccountView) => {
    setError('');
    try {
      const { uris } = await client.request({ type: 'export.uris', ids: [account.id] });
      if (uris[0]) setShown({ id: account.id, uri: uris[0] });
    } catch (err) {
      setError(describeUiError(err));
    }
  };

  return (
    <>
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
          <button type="button" data-testid="export-migration" onClick={showMigration}>
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
                <button type="button" data-testid="export-account-qr" aria-label={t('export_account_qr_for', labelAccount(account, t('account_unnamed')))} onClick={() => void showAccount(account)}>
                  {t('export_account_qr_show')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
      {error ? <p class="error" role="alert" data-testid="export-error">{error}</p> : null}
    </>
  );
}
