import { useEffect, useRef, useState } from 'preact/hooks';
import { useClient } from '../../src/ui/client-context';
import { t, tPlural } from '../../src/ui/i18n';

/** A quiet line under the list while accounts added since the last backup have none: "Back up now" or "Not now". */
export function BackupReminderLine({ accountCount, initial }: { accountCount: number; initial?: number }) {
  const client = useClient();
  const [count, setCount] = useState(initial ?? 0);
  const asked = useRef(initial !== undefined);

  useEffect(() => {
    // The opening answer carries the count; it is asked again only when accounts come or go. A failure leaves the line out.
    if (asked.current) {
      asked.current = false;
      return;
    }
    client.request({ type: 'backup.reminder' }).then(({ count: next }) => setCount(next), () => setCount(0));
  }, [client, accountCount]);

  if (count === 0) return null;
  return (
    <p class="muted backup-reminder" role="status" data-testid="backup-reminder">
      {tPlural('popup_backup_reminder', count)} —{' '}
      <button type="button" class="link" data-testid="backup-now" onClick={() => void client.openOptions()}>
        {t('popup_backup_now')}
      </button>{' '}
      <button
        type="button"
        class="link"
        data-testid="backup-dismiss"
        onClick={() => client.request({ type: 'backup.dismissReminder' }).then(() => setCount(0), () => setCount(0))}
      >
        {t('popup_backup_dismiss')}
      </button>
    </p>
  );
}
