import { useEffect, useRef, useState } from 'preact/hooks';
import type { BackupReminderView } from '../../src/messages';
import { useClient } from '../../src/ui/client-context';
import { t, tPlural } from '../../src/ui/i18n';

const SILENT: BackupReminderView = { count: 0, insist: false };

/**
 * A quiet line under the list while accounts added since the last backup have none: "Back up now", and "Not now"
 * unless the organisation's policy insists.
 */
export function BackupReminderLine({ accountCount, initial }: { accountCount: number; initial?: BackupReminderView }) {
  const client = useClient();
  const [reminder, setReminder] = useState<BackupReminderView>(initial ?? SILENT);
  const asked = useRef(initial !== undefined);

  useEffect(() => {
    // The opening answer carries the reminder; it is asked again only when accounts come or go. A failure leaves the line out.
    if (asked.current) {
      asked.current = false;
      return;
    }
    client.request({ type: 'backup.reminder' }).then(setReminder, () => setReminder(SILENT));
  }, [client, accountCount]);

  if (reminder.count === 0) return null;
  return (
    <p class="muted backup-reminder" role="status" data-testid="backup-reminder" data-insist={reminder.insist ? 'true' : undefined}>
      {tPlural('popup_backup_reminder', reminder.count)} —{' '}
      <button type="button" class="link" data-testid="backup-now" onClick={() => void client.openOptions()}>
        {t('popup_backup_now')}
      </button>
      {reminder.insist ? null : (
        <>
          {' '}
          <button
            type="button"
            class="link"
            data-testid="backup-dismiss"
            onClick={() => client.request({ type: 'backup.dismissReminder' }).then(() => setReminder(SILENT), () => setReminder(SILENT))}
          >
            {t('popup_backup_dismiss')}
          </button>
        </>
      )}
    </p>
  );
}
