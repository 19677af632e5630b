import { totpCounter } from '../../src/otp/totp';

/** Seconds left in the current TOTP time step (RFC 6238 §4: T = floor(unixTime / period)). */
export function secondsLeftInPeriod(period = 30, now = Date.now()): number {
  return period - ((now / 1000) % period);
}

/** The index of the current TOTP time step (RFC 6238 §4). */
export function currentTimeStep(period = 30, now = Date.now()): number {
  return totpCounter(period, now);
}

/**
 * Waits, when needed, until at least `needed` seconds remain in the current period, so that a login, a log-out
 * and a second login all fall in one period (that is what shows the replay guard). Returns the seconds waited.
 */
export async function waitForRoomInPeriod(
  needed: number,
  period = 30,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<number> {
  const left = secondsLeftInPeriod(period, now());
  if (left >= needed) return 0;
  // A little past the boundary, so the new period has surely begun on every clock involved.
  const wait = left + 0.5;
  await sleep(wait * 1000);
  return wait;
}
