// What detection must find on each fixture page. Shared with the browser end-to-end run so both check the same facts.
import type { FindOtpFieldsOptions, NoMatchReason } from '../../src/fill/detect-types';

/** Expected outcome for one fixture: a field (matched by CSS selector), a digit group, or a refusal reason. */
export type FixtureOutcome =
  | { kind: 'single'; field: string }
  | { kind: 'split'; boxes: number; aggregate?: string }
  | { kind: 'none'; reason: NoMatchReason };

/** One row of the detection table. */
export interface FixtureCase {
  file: string;
  outcome: FixtureOutcome;
  options?: Omit<FindOtpFieldsOptions, 'measure'>;
}

const single = (field: string): FixtureOutcome => ({ kind: 'single', field });
const none = (reason: NoMatchReason): FixtureOutcome => ({ kind: 'none', reason });

/** Every fixture page with what `findOtpFields` must return for it. */
export const FIXTURE_CASES: FixtureCase[] = [
  { file: 'keycloak-otp-step.html', outcome: single('#otp') },
  { file: 'gitlab-otp-attempt.html', outcome: single('#user_otp_attempt') },
  { file: 'github-app-totp.html', outcome: single('#app_totp') },
  { file: 'microsoft-otc.html', outcome: single('#idTxtBx_SAOTCC_OTC') },
  { file: 'google-totp-pin.html', outcome: single('#totpPin') },
  { file: 'okta-passcode.html', outcome: single('[name="credentials.passcode"]') },
  { file: 'aws-mfa-code.html', outcome: single('#mfaCode') },
  { file: 'nextcloud-challenge.html', outcome: single('[name="challenge"]') },
  { file: 'jumpcloud-2017-login.html', outcome: single('#otp') },
  { file: 'bitwarden-id-code.html', outcome: single('#code') },
  { file: 'mediawiki-oathauth-login.html', outcome: single('#wpOATHToken') },
  { file: 'type-tel-otp.html', outcome: single('#token') },
  { file: 'shadow-root-otp.html', outcome: single('#shadow-otp') },
  { file: 'german-bestaetigungscode.html', outcome: single('#f7') },
  { file: 'japanese-ninshou-code.html', outcome: single('#input-3') },
  { file: 'authenticator-with-sms-fallback.html', outcome: single('#verification') },
  { file: 'react-controlled-otp.html', outcome: single('#code') },
  { file: 'authelia-six-boxes.html', outcome: { kind: 'split', boxes: 6 } },
  { file: 'jumpcloud-console-digits.html', outcome: { kind: 'split', boxes: 6 } },
  { file: 'digit-group-hidden-aggregate.html', outcome: { kind: 'split', boxes: 6, aggregate: '#otp-value' } },
  { file: 'split-three-three.html', outcome: { kind: 'split', boxes: 6 } },
  { file: 'digit-group-paste-target.html', outcome: { kind: 'split', boxes: 6 } },
  { file: 'digit-group-then-recovery-field.html', outcome: { kind: 'split', boxes: 6 } },
  { file: 'digit-group-visually-hidden-mirror.html', outcome: { kind: 'split', boxes: 6, aggregate: '#mirror' } },
  { file: 'digit-group-aria-digit-labels.html', outcome: { kind: 'split', boxes: 6 } },
  { file: 'drawn-slots-transparent-input.html', outcome: single('#otp') },
  { file: 'enrolment-qr-page.html', outcome: single('#totp-confirm'), options: { allowEnrolment: true } },
  { file: 'enrolment-qr-page.html', outcome: none('enrolment-page') },
  { file: 'login-token-one-form.html', outcome: single('#token') },
  { file: 'login-token-labelled.html', outcome: single('#f3') },
  { file: 'login-token-username-only.html', outcome: none('no-otp-field') },
  { file: 'challenge-response-otp.html', outcome: single('#password') },
  { file: 'challenge-first-step-password.html', outcome: none('no-otp-field') },
  { file: 'reenrol-confirm-no-qr.html', outcome: none('enrolment-page') },
  { file: 'reenrol-confirm-no-qr.html', outcome: single('#confirm-code'), options: { allowEnrolment: true } },
  { file: 'reenrol-cant-scan-toggle.html', outcome: none('enrolment-page') },
  { file: 'reenrol-cant-scan-toggle.html', outcome: single('#totp-code'), options: { allowEnrolment: true } },
  { file: 'login-with-setup-link.html', outcome: single('#otp') },
  { file: 'backup-recovery-code.html', outcome: none('no-otp-field') },
  { file: 'recovery-or-backup-code.html', outcome: none('no-otp-field') },
  { file: 'credit-card-cvc.html', outcome: none('no-otp-field') },
  { file: 'postal-code.html', outcome: none('no-otp-field') },
  { file: 'coupon-code.html', outcome: none('no-otp-field') },
  { file: 'captcha.html', outcome: none('no-otp-field') },
  { file: 'search-box.html', outcome: none('no-otp-field') },
  { file: 'phone-number.html', outcome: none('no-otp-field') },
  { file: 'invite-code.html', outcome: none('no-otp-field') },
  { file: 'custom-field-code.html', outcome: none('no-otp-field') },
  { file: 'card-pin-boxes.html', outcome: none('no-otp-field') },
  { file: 'login-email-password.html', outcome: none('no-candidates') },
  { file: 'sms-code-page.html', outcome: none('sms-or-email-code') },
  { file: 'email-code-page.html', outcome: none('sms-or-email-code') },
  { file: 'transparent-otp.html', outcome: none('transparent') },
  { file: 'drawn-slots-over-frame.html', outcome: none('transparent') },
  { file: 'paste-target-beside-stray-boxes.html', outcome: none('no-otp-field') },
  { file: 'hidden-decoy-otp.html', outcome: none('not-visible') },
];
