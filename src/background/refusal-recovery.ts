import type { Translatable } from '../translatable';
import { MAX_APPLIED_OFFSET_SECONDS, NEGLIGIBLE_OFFSET_SECONDS } from './clock-offsets';

/** Less than this left of a code's period (on the portal's clock) when it was submitted: it may have ended on the way. */
export const PERIOD_END_MS = 2_000;
/** A refusal this soon after an earlier one for the same account is not recovered again (never a loop). */
export const RECOVERY_PAUSE_MS = 2 * 60_000;

/** What {@link explainRefusal} needs about the refused code. */
export interface RefusedCode {
  type: 'totp' | 'hotp';
  step: number;
  periodSeconds: number;
  /** When it was submitted, on this computer's clock. */
  submittedAt: number;
  /** The offset (seconds the portal is ahead) it was chosen with. */
  offsetSeconds: number;
}

/** Why the portal refused a code, as far as the extension can tell. */
export type RefusalCause =
  | { kind: 'clock'; offsetSeconds: number }
  | { kind: 'period-end' }
  | { kind: 'clock-too-far'; offsetSeconds: number }
  | { kind: 'repeated' }
  | { kind: 'unknown' };

/**
 * Explains a refusal: this computer's clock is off from the portal's by more than a few seconds and that put the
 * code in another period than the portal's, or the code's period (on the portal's clock) was about to end when it
 * was sent. `measuredOffsetSeconds` is the clock check made just now (undefined when the portal could not be asked).
 * An HOTP code, or anything else, is not explained: nothing more is filled. (A second refusal soon after a recovery
 * is `repeated`, decided before the portal is asked.)
 */
export function explainRefusal(code: RefusedCode, measuredOffsetSeconds: number | undefined): RefusalCause {
  if (code.type === 'hotp') return { kind: 'unknown' };
  const offset = measuredOffsetSeconds ?? code.offsetSeconds;
  if (Math.abs(offset) > MAX_APPLIED_OFFSET_SECONDS) return { kind: 'clock-too-far', offsetSeconds: offset };
  const periodMs = code.periodSeconds * 1000;
  const portalAt = code.submittedAt + offset * 1000;
  if (Math.abs(offset - code.offsetSeconds) > NEGLIGIBLE_OFFSET_SECONDS && Math.floor(portalAt / periodMs) !== code.step) {
    return { kind: 'clock', offsetSeconds: offset };
  }
  if ((code.step + 1) * periodMs - portalAt < PERIOD_END_MS) return { kind: 'period-end' };
  return { kind: 'unknown' };
}

const NEXT_STEP: Translatable = { key: 'refusal_next_step' };

/** How far this computer's clock is from the portal's, in words: "47 s behind". */
function describeOffset(offsetSeconds: number): Translatable {
  const size = Math.abs(offsetSeconds);
  const behind = offsetSeconds > 0;
  if (size >= 120) return { key: behind ? 'refusal_offset_minutes_behind' : 'refusal_offset_minutes_ahead', subs: [Math.round(size / 60)] };
  return { key: behind ? 'refusal_offset_seconds_behind' : 'refusal_offset_seconds_ahead', subs: [size] };
}

/**
 * What the person is told beside the field. For an explained refusal the answer to it fills a code now (`filled`) or
 * after a countdown, which the page appends ("… in 4 s.").
 */
export function describeRefusal(cause: RefusalCause, filled: boolean): Translatable {
  switch (cause.kind) {
    case 'clock':
      return { key: filled ? 'refusal_clock_filled' : 'refusal_clock_waiting', subs: [describeOffset(cause.offsetSeconds)] };
    case 'period-end':
      return { key: filled ? 'refusal_period_filled' : 'refusal_period_waiting' };
    case 'clock-too-far':
      return { key: 'refusal_clock_too_far', subs: [describeOffset(cause.offsetSeconds)] };
    case 'repeated':
      return { key: 'refusal_repeated', subs: [NEXT_STEP] };
    case 'unknown':
      return { key: 'refusal_unknown', subs: [NEXT_STEP] };
  }
}
