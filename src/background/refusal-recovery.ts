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

const NEXT_STEP = 'Nothing more is filled: check that this is the right account for this portal, or set up the authenticator again (re-enrol).';

/** How far this computer's clock is from the portal's, in words: "47 s behind". */
function describeOffset(offsetSeconds: number): string {
  const size = Math.abs(offsetSeconds);
  const amount = size >= 120 ? `${Math.round(size / 60)} min` : `${size} s`;
  return `${amount} ${offsetSeconds > 0 ? 'behind' : 'ahead'}`;
}

/**
 * What the person is told beside the field. For an explained refusal the answer to it fills a code now (`filled`) or
 * after a countdown, which the page appends ("… in 4 s.").
 */
export function describeRefusal(cause: RefusalCause, filled: boolean): string {
  switch (cause.kind) {
    case 'clock':
      return `The portal refused the code: this computer's clock is ${describeOffset(cause.offsetSeconds)}. ${filled ? 'The corrected code is filled.' : 'Filling the corrected code'}`;
    case 'period-end':
      return `The portal refused the code: its period ended as it was sent. ${filled ? 'The next code is filled.' : 'Filling the next code'}`;
    case 'clock-too-far':
      return `The portal refused the code. This computer's clock is ${describeOffset(cause.offsetSeconds)} of the portal's, too far to correct safely: set the computer's clock to the right time (automatic time), then sign in again.`;
    case 'repeated':
      return `The portal refused the corrected code as well. ${NEXT_STEP}`;
    case 'unknown':
      return `The portal refused the code, and neither this computer's clock nor the code's timing explains it. ${NEXT_STEP}`;
  }
}
