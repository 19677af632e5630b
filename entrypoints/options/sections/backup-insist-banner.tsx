import { useEffect, useState } from 'preact/hooks';
import type { BackupReminderView } from '../../../src/messages';
import { useClient } from '../../../src/ui/client-context';
import { t, tPlural } from '../../../src/ui/i18n';

/** The id of the encrypted backup form, where "Back up now" takes the focus. */
export const BACKUP_FORM_ID = 'backup-form';

/**
 * The backup reminder at the top of the options page, only while the organisation's policy insists on it and
 * accounts have no backup; asked again whenever `version` changes (after a backup or an import).
 */
export function BackupInsistBanner({ version }: { version: number }) {
  const client = useClient();
  const [reminder, setReminder] = useState<BackupReminderView | undefined>(undefined);

  useEffect(() => {
    // A failure leaves the banner out: the popup's line and the export section still say what to do.
    client.request({ type: 'backup.reminder' }).then(setReminder, () => setReminder(undefined));
  }, [client, version]);

  if (!reminder?.insist || reminder.count === 0) return null;
  const goToBackup = () => {
    const field = document.querySelector<HTMLInputElement>(`#${BACKUP_FORM_ID} input`);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };
  return (
    <p class="banner attention" role="status" data-testid="backup-insist">
      {tPlural('popup_backup_reminder', reminder.count)}. {t('backup_insist_reason')}{' '}
      <button type="button" class="link" data-testid="backup-insist-now" onClick={goToBackup}>
        {t('popup_backup_now')}
      </button>
    </p>
  );
}
