import type { DetectionPass } from './detect-pass';
import { hasOtpWording, isChallengePrompt } from './detect-context';
import {
  findAmbiguousKeyword,
  findNegativeKeyword,
  findStrongKeyword,
  isOneTimeCodeAutocomplete,
} from './detect-text';

/** A scored field before visibility and page checks. */
export interface ScoredInput {
  input: HTMLInputElement;
  accepted: boolean;
  score: number;
  reasons: string[];
}

const DIGITS_PATTERN = /\\d|\[0-9/;
// A value a user could have typed as a code (digits, spaces, dashes); anything else means the field is in use.
const CODE_LIKE_VALUE = /^[\d\s-]{0,12}$/;

/** Signals that a field takes a short number: numeric keyboard, digits pattern, tel/number type, code-sized maxlength. */
export function readNumericSignals(input: HTMLInputElement): string[] {
  const signals: string[] = [];
  if ((input.getAttribute('inputmode') ?? '').toLowerCase() === 'numeric') signals.push('inputmode=numeric');
  if (DIGITS_PATTERN.test(input.getAttribute('pattern') ?? '')) signals.push('pattern=digits');
  if (input.type === 'tel' || input.type === 'number') signals.push(`type=${input.type}`);
  if (input.maxLength >= 4 && input.maxLength <= 10) signals.push(`maxlength=${input.maxLength}`);
  return signals;
}

const OTHER_VISIBLE_FIELDS = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]):not([type=image]), select, textarea';

/**
 * A password-typed field that a challenge-response server uses for the code (privacyIDEA and the like): it is
 * the only field of its step, its own label does not say "password", and the step's text asks for the code.
 * A sign-in step's real password field fails at least one of these (a user-name field beside it, a "Password"
 * label, or a prompt for the password).
 */
function isChallengeStep(input: HTMLInputElement, labels: string, pass: DetectionPass): boolean {
  if (/ pass ?word /.test(labels)) return false;
  const step = input.form ?? input.parentElement;
  const others = [...(step?.querySelectorAll(OTHER_VISIBLE_FIELDS) ?? [])].filter((el) => el !== input);
  return others.length === 0 && isChallengePrompt(pass.readContext(input));
}

/**
 * Scores one input as a whole-code field. The page text around the field is read only when a field needs
 * support for an ambiguous name.
 */
export function scoreSingleInput(input: HTMLInputElement, pass: DetectionPass): ScoredInput {
  const reject = (reason: string): ScoredInput => ({ input, accepted: false, score: 0, reasons: [reason] });
  // One or two characters is a digit box, handled with its group.
  if (input.maxLength >= 1 && input.maxLength <= 3) return reject('maxlength<4');
  if (!CODE_LIKE_VALUE.test(input.value)) return reject('holds-other-value');
  const text = pass.describe(input);
  const negative = findNegativeKeyword(text.identifiers, true) || findNegativeKeyword(text.labels, false);
  if (negative) return reject(`negative:${negative}`);

  const reasons: string[] = [];
  let score = 0;
  const oneTime = isOneTimeCodeAutocomplete(input.getAttribute('autocomplete') ?? '');
  if (oneTime) {
    score += 100;
    reasons.push('autocomplete=one-time-code');
  }
  const strongId = findStrongKeyword(text.identifiers);
  const strongLabel = findStrongKeyword(text.labels);
  if (strongId) reasons.push(`keyword:${strongId}@id`);
  if (strongLabel) reasons.push(`keyword:${strongLabel}@label`);
  score += (strongId ? 45 : 0) + (strongLabel ? 40 : 0);
  const ambiguous = findAmbiguousKeyword(text.identifiers) || findAmbiguousKeyword(text.labels);
  if (ambiguous && !strongId && !strongLabel) {
    reasons.push(`ambiguous:${ambiguous}`);
    score += 15;
  }
  const numeric = readNumericSignals(input);
  reasons.push(...numeric);
  score += numeric.length * 8;
  if (input.type === 'password' && !oneTime && !strongId && !strongLabel) {
    if (!isChallengeStep(input, text.labels, pass)) return reject('password-field');
    reasons.push('page:otp-challenge');
    return { input, accepted: true, score: score + 30, reasons };
  }

  const strong = oneTime || strongId !== '' || strongLabel !== '';
  let accepted = strong;
  if (!strong && (ambiguous || numeric.length >= 2)) {
    const pageWording = hasOtpWording(pass.readContext(input));
    if (pageWording) {
      reasons.push('page:otp-wording');
      score += 15;
    }
    // An ambiguous name ("code", "token") needs the page's 2FA wording or two numeric signals;
    // a nameless field needs both.
    accepted = ambiguous ? pageWording || numeric.length >= 2 : pageWording && numeric.length >= 2;
  }
  return { input, accepted, score, reasons };
}
