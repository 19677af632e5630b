import { vaultError } from './errors';

/** When the vault locks by itself: after a period without activity, or only when the browser closes. */
export type AutoLockSetting = { kind: 'idle'; minutes: number } | { kind: 'browser-close' };

/** Lock after 15 idle minutes unless the user chooses otherwise. */
export const DEFAULT_AUTO_LOCK: AutoLockSetting = Object.freeze({ kind: 'idle', minutes: 15 }) as AutoLockSetting;

/** Longest idle timeout offered: one day. */
export const MAX_IDLE_MINUTES = 24 * 60;

/** A clock this far ahead of the last activity means it was set back; lock rather than trust it. */
const CLOCK_SKEW_MS = 60_000;

/** True when the vault has been idle for `idleMinutes` or more, or when the clock moved backwards past the last activity. */
export function shouldLock({ lastActivity, now, idleMinutes }: { lastActivity: number | undefined; now: number; idleMinutes: number }): boolean {
  if (lastActivity === undefined || !Number.isFinite(lastActivity)) return true;
  if (lastActivity - now > CLOCK_SKEW_MS) return true;
  return now - lastActivity >= idleMinutes * 60_000;
}

/** Applies a setting: 'browser-close' never locks on idle (session storage is cleared when the browser exits). */
export function shouldAutoLock(setting: AutoLockSetting, lastActivity: number | undefined, now: number): boolean {
  return setting.kind === 'idle' && shouldLock({ lastActivity, now, idleMinutes: setting.minutes });
}

/** Reads the `autoLockMinutes` setting: 0 means only when the browser closes, 1 to MAX_IDLE_MINUTES means idle minutes. */
export function autoLockFromMinutes(minutes: unknown): AutoLockSetting {
  if (minutes === 0) return { kind: 'browser-close' };
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_IDLE_MINUTES) {
    throw vaultError(
      'vault/bad-setting',
      `The auto-lock time must be a whole number of minutes from 1 to ${MAX_IDLE_MINUTES}, or 0 to lock only when the browser closes.`,
      { key: 'error_vault_autolock_minutes', subs: [MAX_IDLE_MINUTES] },
    );
  }
  return { kind: 'idle', minutes };
}

/** Writes a setting back as `autoLockMinutes` (0 = only when the browser closes). */
export function autoLockToMinutes(setting: AutoLockSetting): number {
  return setting.kind === 'browser-close' ? 0 : setting.minutes;
}
