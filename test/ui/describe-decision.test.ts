import { describe, expect, it } from 'vitest';
import { describeDecision } from '../../entrypoints/options/sections/describe-decision';

describe('the diagnostics log in words', () => {
  it.each([
    [{ reason: 'not-visible', detail: 'offscreen' }, 'The code field is not visible (offscreen).'],
    [{ reason: 'sms-or-email-code', detail: 'email' }, 'The page asks for a code sent by e-mail, not an authenticator code.'],
    [{ reason: 'sms-or-email-code', detail: 'sms' }, 'The page asks for a code sent by text message, not an authenticator code.'],
    [{ reason: 'enrolment-page', detail: 'qr' }, 'An authenticator set-up page with a QR code: its code belongs to the account being added.'],
    [{ reason: 'no-candidates', detail: 'focus' }, 'No code field had the focus.'],
    [{ reason: 'setup:none', detail: '' }, 'No account is bound to this site.'],
    [{ reason: 'fill-error', detail: 'fill/digits-mismatch' }, 'The field did not take the code (fill/digits-mismatch).'],
  ])('%o reads "%s"', (decision, text) => {
    expect(describeDecision(decision)).toBe(text);
  });

  it('adds what the person was told after the sentence, and shows an unknown reason’s detail as it is', () => {
    expect(describeDecision({ reason: 'fill', detail: 'The corrected code is filled.' })).toBe('A code was filled. The corrected code is filled.');
    expect(describeDecision({ reason: 'wait', detail: '' })).toBe('Waiting for a fresh code: it is asked for again when its period starts.');
    expect(describeDecision({ reason: 'something-new', detail: 'as sent' })).toBe('as sent');
  });

});
