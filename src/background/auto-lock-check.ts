import type { RequestType } from '../messages';
import { autoLockFromMinutes } from '../vault';
import type { BackgroundContext } from './context';

/** The alarm set for the moment the vault falls due to lock (besides the once-a-minute check). */
export const AUTO_LOCK_DUE_ALARM = 'auto-lock-due';

/**
 * Requests that are a person's own action in the popup or options page, and so restart the idle clock. Reads
 * a page repeats by itself (the state every 10 s, codes at each new period, lists, settings) are not activity:
 * an options tab left open must not keep the vault unlocked.
 */
export const ACTIVITY_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'vault.overview',
  'vault.create',
  'vault.unlock',
  'vault.changePassphrase',
  'accounts.addUri',
  'accounts.addManual',
  'accounts.previewManual',
  'accounts.update',
  'accounts.remove',
  'accounts.undoRemove',
  'accounts.reorder',
  'accounts.nextHotp',
  'import.preview',
  'import.commit',
  'export.backup',
  'export.uris',
  'export.migration',
  'export.aegis',
  'backup.dismissReminder',
  'settings.set',
  'qr.scanTab',
  'qr.acceptScan',
  'clock.check',
]);

/** Runs on the auto-lock alarms: locks the vault when it has been idle longer than the user's setting. */
export async function runAutoLockCheck(context: BackgroundContext): Promise<boolean> {
  const { autoLockMinutes } = await context.settings.get();
  return context.vault.lockIfIdle(autoLockFromMinutes(autoLockMinutes));
}

/** Restarts the idle clock and sets the alarm for the moment the vault falls due to lock (when it locks on idle). */
export async function recordActivity(context: BackgroundContext): Promise<void> {
  await context.vault.touch();
  const setting = autoLockFromMinutes((await context.settings.get()).autoLockMinutes);
  if (setting.kind !== 'idle' || (await context.vault.status()) !== 'unlocked') {
    await context.browser.alarms.clear(AUTO_LOCK_DUE_ALARM);
    return;
  }
  // Chromium runs alarms of packed extensions 30 s apart at the least; every read checks the idle time as well.
  await context.browser.alarms.create(AUTO_LOCK_DUE_ALARM, { when: context.now() + setting.minutes * 60_000 });
}
