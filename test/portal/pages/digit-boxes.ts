import { html, type SafeHtml } from '../layout/html';

/**
 * Six single-digit inputs plus the hidden aggregate `otp` the page script fills; only the first box
 * carries `autocomplete="one-time-code"`, as the real console does.
 */
export function renderDigitBoxes(): SafeHtml {
  const boxes = [1, 2, 3, 4, 5, 6].map(
    (n) => html`<input class="otp-digit" id="digit-${n}" name="digit${n}" type="text" inputmode="numeric" pattern="[0-9]" maxlength="1" autocomplete="${n === 1 ? 'one-time-code' : 'off'}" aria-label="Digit ${n} of 6">`,
  );
  return html`<div class="digits" role="group" aria-label="Verification code">${boxes}</div>
<input type="hidden" name="otp" id="otp-value" value="">`;
}

/** The submitted code: the aggregate field if the script filled it, else the six boxes joined. */
export function readSubmittedCode(form: Record<string, string>): string {
  const aggregate = (form.otp ?? '').trim();
  if (aggregate !== '') return aggregate;
  return [1, 2, 3, 4, 5, 6].map((n) => (form[`digit${n}`] ?? '').trim()).join('');
}
