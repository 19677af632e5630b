import type { CodeView } from '../messages';

/** Seconds left below which a code is about to expire: the ring turns red and the next code shows. */
export const URGENT_SECONDS = 5;

/** Seconds left in a TOTP period at `now`, from the `secondsRemaining` the background reported at `fetchedAt` (RFC 6238 time step). */
export function computeRemaining(secondsRemaining: number, fetchedAt: number, now: number): number {
  return secondsRemaining - (now - fetchedAt) / 1000;
}

/** The share of the period still left, 0..1, which the ring draws. */
export function computeRingFraction(remaining: number, period: number): number {
  if (!(period > 0)) return 0;
  return Math.min(1, Math.max(0, remaining / period));
}

/** Whether the code is in its last seconds. */
export function isUrgent(remaining: number): boolean {
  return remaining <= URGENT_SECONDS;
}

/** Milliseconds from `now` until the first TOTP code in `codes` rolls over, or undefined when none is time-based. */
export function findMsUntilRollover(codes: CodeView[], fetchedAt: number, now: number): number | undefined {
  let soonest: number | undefined;
  for (const code of codes) {
    if (code.secondsRemaining === undefined) continue;
    const ms = computeRemaining(code.secondsRemaining, fetchedAt, now) * 1000;
    if (soonest === undefined || ms < soonest) soonest = ms;
  }
  return soonest === undefined ? undefined : Math.max(0, soonest);
}
