import type { DecisionRecord, FillAnswer } from '../../../src/messages';
import type { NoMatchReason } from '../../../src/fill/detect-types';
import { t, type MessageKey } from '../../../src/ui/i18n';

/**
 * What each reason in the diagnostics log means, in the person's language. A reason of the fill answer may be
 * prefixed `setup:` (a set-up step's first code); the content script sends only the reason and one word of detail.
 */
type Reason = NoMatchReason | FillAnswer['status'] | 'fill-error' | 'sandboxed' | 'unknown-frame';

const REASON_TEXT: Record<Reason, (detail: string) => MessageKey> = {
  'no-candidates': (detail) => (detail === 'focus' ? 'decision_no_focus' : 'decision_no_candidates'),
  'no-otp-field': () => 'decision_no_otp_field',
  'not-visible': () => 'decision_not_visible',
  transparent: () => 'decision_transparent',
  'sms-or-email-code': (detail) => (detail === 'email' ? 'decision_email_code' : 'decision_sms_code'),
  'enrolment-page': (detail) => (detail === 'qr' ? 'decision_enrolment_qr' : 'decision_enrolment_wording'),
  fill: () => 'decision_fill',
  wait: () => 'decision_wait',
  choose: () => 'decision_choose',
  locked: () => 'decision_locked',
  none: () => 'decision_none',
  disabled: () => 'decision_disabled',
  unexplained: () => 'decision_unexplained',
  'fill-error': () => 'decision_fill_error',
  sandboxed: () => 'decision_sandboxed',
  'unknown-frame': () => 'decision_sandboxed',
};

/** Answers whose detail is what the person was told (a notice, a refusal nothing explains), not a code word. */
const TOLD = new Set(['fill', 'wait', 'unexplained']);

/** The log entry's reason as a sentence, followed by what the person was told when the answer said something. */
export function describeDecision(decision: Pick<DecisionRecord, 'reason' | 'detail'>): string {
  const reason = decision.reason.replace(/^setup:/, '');
  const key = (REASON_TEXT as Partial<Record<string, (detail: string) => MessageKey>>)[reason]?.(decision.detail);
  if (!key) return decision.detail;
  // A code word (what hid the field, the error's code) fills the sentence's $1 where it has one.
  const sentence = t(key, decision.detail);
  return TOLD.has(reason) && decision.detail ? `${sentence} ${decision.detail}` : sentence;
}
