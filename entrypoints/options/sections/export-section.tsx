import { useId, useState } from 'preact/hooks';
import { useClient } from '../../../src/ui/client-context';
import { ActionResult } from '../../../src/ui/action-result';
import { describeUiError } from '../../../src/ui/describe-ui-error';
import { useAction } from '../../../src/ui/use-action';
import { downloadText } from '../../../src/ui/download-text';
import { t } from '../../../src/ui/i18n';
import { NewPassphraseFields, canSubmitNewPassphrase } from '../../../src/ui/new-passphrase-fields';
import { passphraseFieldOf } from '../../../src/ui/field-error';
import { ExportAegisBlock } from './export-aegis-block';
import { ExportQrBlocks } from './export-qr-blocks';

/** Encrypted backup download and otpauth links (secrets, shown only on request); QR exports below. */
export function ExportSection({ plainExportAllowed }: { plainExportAllowed: boolean }) {
  const client = useClient();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [backupDone, setBackupDone] = useState('');
  const { busy, error: backupError, failure, run } = useAction();
  const backupResultId = useId();
  const [uris, setUris] = useState<string[] | undefined>(undefined);
  const [urisError, setUrisError] = useState('');

  const exportBackup = async (event: Event) => {
    event.preventDefault();
    if (!canSubmitNewPassphrase(passphrase, confirm)) return;
    setBackupDone('');
    await run(async () => {
      const { text, filename } = await client.request({ type: 'export.backup', passphrase });
      downloadText(text, filename);
      setPassphrase('');
      setConfirm('');
      setBackupDone(t('export_backup_done', filename));
    });
  };

  const showUris = async () => {
    setUrisError('');
    try {
      setUris((await client.request({ type: 'export.uris' })).uris);
    } catch (err) {
      setUrisError(describeUiError(err));
    }
  };

  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('export_title')}</h2>
      <form class="stack narrow" onSubmit={exportBackup} data-testid="export-backup-form">
        <h3>{t('export_backup_title')}</h3>
        <p>{t('export_backup_intro')}</p>
        <NewPassphraseFields
          value={passphrase}
          confirm={confirm}
          onValue={setPassphrase}
          onConfirm={setConfirm}
          testId="export-passphrase"
          label={t('field_backup_passphrase')}
          errorId={backupError && passphraseFieldOf(failure) ? backupResultId : undefined}
        />
        <button type="submit" class="primary" data-testid="export-backup" disabled={busy || !canSubmitNewPassphrase(passphrase, confirm)}>
          {t('export_backup_button')}
        </button>
        <ActionResult error={backupError} done={backupDone} testId="export-backup-result" id={backupResultId} />
      </form>

      {plainExportAllowed ? null : (
        <p class="hint" data-testid="export-blocked">
          {t('export_blocked_by_policy')}
        </p>
      )}
      {plainExportAllowed ? (
        <div class="stack">
          <h3>{t('export_uris_title')}</h3>
          <p class="warning">{t('export_secrets_warning')}</p>
          {uris ? (
            <>
              <textarea readOnly rows={Math.min(10, Math.max(3, uris.length))} class="mono" data-testid="export-uris-text" value={uris.join('\n')} aria-label={t('export_uris_title')} />
              <div class="actions">
                <button type="button" data-testid="export-uris-download" onClick={() => downloadText(uris.join('\n') + '\n', 'otpauth-links.txt', 'text/plain')}>
                  {t('export_uris_download')}
                </button>
                <button type="button" data-testid="export-uris-hide" onClick={() => setUris(undefined)}>
                  {t('hide')}
                </button>
              </div>
            </>
          ) : (
            <button type="button" data-testid="export-uris-show" onClick={showUris}>
              {t('export_uris_show')}
            </button>
          )}
          {urisError ? <p class="error" role="alert">{urisError}</p> : null}
        </div>
      ) : null}
      {plainExportAllowed ? <ExportAegisBlock /> : null}
      {plainExportAllowed ? <ExportQrBlocks /> : null}
    </section>
  );
}
