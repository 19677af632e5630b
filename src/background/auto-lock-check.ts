import { autoLockFromMinutes } from '../vault';
import type { BackgroundContext } from './context';

/** Runs on the auto-lock alarm: locks the vault when it has been idle longer than the user's setting. */
export async function runAutoLockCheck(context: BackgroundContext): Promise<boolean> {
  const { autoLockMinutes } = await context.settings.get();
  return context.vault.lockIfIdle(autoLockFromMinutes(autoLockMinutes));
}
