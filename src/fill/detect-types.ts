/** Size and visibility of an element as the user sees it; `hiddenBy` says why it is not visible. */
export interface Measurement {
  width: number;
  height: number;
  visible: boolean;
  hiddenBy?: 'zero-size' | 'hidden' | 'transparent' | 'offscreen';
  /** Page coordinates of the box, where the measure knows them. */
  left?: number;
  top?: number;
}

/** Reads an element's size and visibility; swapped out in tests where there is no layout. */
export type MeasureFn = (el: Element) => Measurement;

/** Where the page says the code comes from. */
export type CodeSource = 'authenticator' | 'sms' | 'email' | 'unknown';

/** One text input that takes the whole code. */
export interface SingleOtpField {
  kind: 'single';
  input: HTMLInputElement;
  score: number;
  /** Short machine-readable signals, e.g. `autocomplete=one-time-code`, `keyword:otp@name`. */
  reasons: string[];
  codeSource: CodeSource;
}

/** A group of single-digit boxes, in order, and the hidden input some widgets keep the whole code in. */
export interface SplitOtpFields {
  kind: 'split';
  inputs: HTMLInputElement[];
  aggregate?: HTMLInputElement;
  score: number;
  reasons: string[];
  codeSource: CodeSource;
}

/** A field (or digit group) the extension may fill with an authenticator code. */
export type OtpFieldMatch = SingleOtpField | SplitOtpFields;

/**
 * Why nothing will be filled:
 * - `no-candidates`: no enabled, editable text-like input at all (cheap exit).
 * - `no-otp-field`: inputs exist but none looks like a one-time-code field.
 * - `not-visible` / `transparent`: the best field is hidden, tiny or off-screen / nearly transparent (clickjacking).
 * - `sms-or-email-code`: the page asks for a code it sent by SMS or e-mail, not an authenticator code.
 * - `enrolment-page`: a QR set-up page; fill only when the caller asks with `allowEnrolment`.
 */
export type NoMatchReason =
  | 'no-candidates'
  | 'no-otp-field'
  | 'not-visible'
  | 'transparent'
  | 'sms-or-email-code'
  | 'enrolment-page';

/** The negative result, with a fact for the diagnostics log and the field that was closest. */
export interface NoMatch {
  kind: 'none';
  reason: NoMatchReason;
  /**
   * One word that tells refusals of the same reason apart (what hid the field, `sms` or `email`, `qr` or
   * `wording` for a set-up page, `focus` when nothing had focus); the pages that show the log say it in words.
   */
  detail: string;
  codeSource?: CodeSource;
  /** The field that would have been chosen, when the refusal is about the page or the field's visibility. */
  nearest?: OtpFieldMatch;
}

/** Options of `findOtpFields`. */
export interface FindOtpFieldsOptions {
  measure?: MeasureFn;
  /** Return the first-code field of an enrolment (QR set-up) page instead of refusing it. */
  allowEnrolment?: boolean;
  /**
   * Only the focused field, on the user's explicit request (shortcut, context menu): it needs no code-like name,
   * and SMS/e-mail or enrolment pages are not refused; hidden or nearly transparent fields still are.
   */
  focusedOnly?: boolean;
}
