import { autoLockFromMinutes } from '../vault';
import type { BackgroundContext } from './context';

/** The alarm set for the moment the vault falls due to lock (besides the once-a-minute check). */
export const AUTO_LOCK_DUE_ALARM = 'auto-lock-due';

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
