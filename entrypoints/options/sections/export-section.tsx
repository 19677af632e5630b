import { useId, useState } from 'preact/hooks';
import { useClient } from '../../../src/ui/client-context';
import { ActionResult } from '../../../src/ui/action-result';
import { useAction } from '../../../src/ui/use-action';
import { passphraseFieldOf } from '../../../src/ui/field-error';
import { downloadText } from '../../../src/ui/download-text';
import { t } from '../../../src/ui/i18n';
import { NewPassphraseFields, canSubmitNewPassphrase } from '../../../src/ui/new-passphrase-fields';
import type { EffectiveSettings } from '../../../src/messages';
import { BACKUP_FORM_ID } from './backup-insist-banner';
import { ExportPlainBlock } from './export-plain-block';
import type { SaveSettings } from './save-settings';
import { SettingCheckbox } from './setting-checkbox';
import { ExportQrBlocks } from './export-qr-blocks';

/** Props of `ExportSection`. */
export interface ExportSectionProps {
  plainExportAllowed: boolean;
  effective?: EffectiveSettings;
  save: SaveSettings;
  /** Called after a backup or a plain export of every account was made (the reminder may go). */
  onBackedUp: () => void;
}

/** The backup reminder switch, the encrypted backup, then (where the policy allows) the plain files and QR codes, each revealing secrets only on request. */
export function ExportSection({ plainExportAllowed, effective, save, onBackedUp }: ExportSectionProps) {
  const client = useClient();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [backupDone, setBackupDone] = useState('');
  const { busy, error: backupError, failure, run } = useAction();
  const backupResultId = useId();

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
      onBackedUp();
    });
  };

  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('export_title')}</h2>
      <SettingCheckbox effective={effective} save={save} name="backupReminder" label={t('backup_reminder_setting')} testId="backup-reminder-setting" />
      <form class="stack narrow" id={BACKUP_FORM_ID} onSubmit={exportBackup} data-testid="export-backup-form">
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
      {plainExportAllowed ? <ExportPlainBlock format="aegis-json" onExported={onBackedUp} /> : null}
      {plainExportAllowed ? <ExportPlainBlock format="otpauth-lines" onExported={onBackedUp} /> : null}
      {plainExportAllowed ? <ExportQrBlocks /> : null}
    </section>
  );
}
