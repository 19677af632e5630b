import { afterEach, describe, expect, it } from 'vitest';
import { findOtpFields, hasCandidateInputs } from '../../src/fill/detect';
import { FIXTURE_CASES } from './fixture-table';
import { listFixtures, loadFixture, loadHtml, measureFromStyles } from './dom';

const windows: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function open(file: string): Document {
  const { window, document } = loadFixture(file);
  windows.push(window);
  return document;
}

describe('findOtpFields on fixture pages', () => {
  it('has an expectation for every fixture page', () => {
    expect(new Set(FIXTURE_CASES.map((c) => c.file))).toEqual(new Set(listFixtures()));
  });

  it.each(FIXTURE_CASES.map((c) => [`${c.file}${c.options ? ' ' + JSON.stringify(c.options) : ''}`, c] as const))(
    '%s',
    (_, { file, outcome, options }) => {
      const result = findOtpFields(open(file), { ...options, measure: measureFromStyles });
      if (outcome.kind === 'none') {
        expect(result.kind === 'none' ? result.reason : `${result.kind} (${result.reasons.join(', ')})`).toBe(outcome.reason);
        return;
      }
      expect(result.kind, result.kind === 'none' ? `${result.reason}: ${result.detail}` : '').toBe(outcome.kind);
      if (result.kind === 'single' && outcome.kind === 'single') {
        expect(result.input.matches(outcome.field), `chose #${result.input.id} [${result.input.name}]`).toBe(true);
        expect(result.codeSource).not.toMatch(/sms|email/);
      }
      if (result.kind === 'split' && outcome.kind === 'split') {
        expect(result.inputs).toHaveLength(outcome.boxes);
        expect(new Set(result.inputs).size).toBe(outcome.boxes);
        // Boxes come in reading order.
        for (let i = 1; i < result.inputs.length; i++) {
          expect(result.inputs[i - 1]!.compareDocumentPosition(result.inputs[i]!) & 4).toBe(4);
        }
        if (outcome.aggregate) expect(result.aggregate?.matches(outcome.aggregate)).toBe(true);
        else expect(result.aggregate).toBeUndefined();
      }
    },
  );
});

describe('findOtpFields rules on small pages', () => {
  const find = (body: string) => {
    const { window, document } = loadHtml(`<!doctype html><html><body>${body}</body></html>`);
    windows.push(window);
    return findOtpFields(document, { measure: measureFromStyles });
  };

  it('refuses disabled and read-only code fields as no candidates', () => {
    expect(find('<input name="otp" disabled><input name="totp" readonly>')).toMatchObject({ reason: 'no-candidates' });
  });

  it('refuses a code-named field that already holds a non-code value', () => {
    expect(find('<label for=o>One-time code</label><input id=o name=otp value="alice@example.com">')).toMatchObject({
      reason: 'no-otp-field',
    });
    expect(find('<label for=o>One-time code</label><input id=o name=otp value="12">')).toMatchObject({ kind: 'single' });
  });

  it('never takes a password field without code wording, but takes a password-typed OTP field', () => {
    expect(find('<input type=password name=password>')).toMatchObject({ reason: 'no-otp-field' });
    expect(find('<input type=password name=otp_password aria-label="One-time password">')).toMatchObject({ kind: 'single' });
  });

  it('refuses a tiny single field but accepts narrow boxes of a digit group', () => {
    expect(find('<input name=otp style="width:20px;height:20px">')).toMatchObject({ reason: 'not-visible' });
    const boxes = Array.from({ length: 6 }, () => '<input maxlength=1 inputmode=numeric style="width:20px;height:30px">');
    expect(find(`<div>${boxes.join('')}</div>`)).toMatchObject({ kind: 'split' });
  });

  it('refuses a field whose own label says the code was texted', () => {
    expect(find('<label for=o>SMS code</label><input id=o autocomplete=one-time-code>')).toMatchObject({
      reason: 'sms-or-email-code',
      codeSource: 'sms',
    });
  });

  it('ignores four or five boxes without any one-time-code wording', () => {
    const boxes = Array.from({ length: 4 }, () => '<input maxlength=1 inputmode=numeric style="width:40px">');
    expect(find(`<div>${boxes.join('')}</div>`)).toMatchObject({ kind: 'none' });
    expect(find(`<h1>Enter your 2FA code</h1><div>${boxes.join('')}</div>`)).toMatchObject({ kind: 'split' });
  });

  it('takes an empty code-named hidden input as the aggregate, never a session token', () => {
    const boxes = Array.from({ length: 6 }, () => '<input maxlength=1 inputmode=numeric style="width:40px">').join('');
    const hidden =
      '<input type=hidden name=token value=a8f9e2c4><input type=hidden name=csrf_code value=""><input type=hidden name=mfa_code value="">';
    const result = find(`<h1>Enter your 2FA code</h1><form><div>${boxes}</div>${hidden}</form>`);
    expect(result.kind === 'split' && result.aggregate?.name).toBe('mfa_code');
    const onlyToken = find(`<h1>Enter your 2FA code</h1><form><div>${boxes}</div><input type=hidden name=token value=""></form>`);
    expect(onlyToken.kind === 'split' && onlyToken.aggregate).toBeUndefined();
  });

  it('prefers the one-time-code field over a weaker candidate', () => {
    const result = find('<input name=token inputmode=numeric maxlength=6><input id=best autocomplete=one-time-code>');
    expect(result.kind === 'single' && result.input.id).toBe('best');
  });
});

describe('findOtpFields with focusedOnly (the user asked to fill the focused field)', () => {
  const focusIn = (file: string, selector: string | null) => {
    const document = open(file);
    (document.activeElement as HTMLElement | null)?.blur();
    if (selector) {
      const host = document.querySelector('mfa-prompt');
      const target = host?.shadowRoot?.querySelector<HTMLElement>(selector) ?? document.querySelector<HTMLElement>(selector)!;
      target.focus();
    }
    return findOtpFields(document, { focusedOnly: true, measure: measureFromStyles });
  };

  it('fills a focused field that automatic detection leaves alone', () => {
    expect(findOtpFields(open('custom-field-code.html'), { measure: measureFromStyles }).kind).toBe('none');
    const result = focusIn('custom-field-code.html', '#code');
    expect(result.kind === 'single' && result.input.id).toBe('code');
  });

  it('only ever returns the focused field, not a better one elsewhere', () => {
    const result = focusIn('jumpcloud-2017-login.html', '#otp');
    expect(result.kind === 'single' && result.input.id).toBe('otp');
    expect(focusIn('jumpcloud-2017-login.html', '#email')).toMatchObject({ reason: 'no-candidates' });
  });

  it('returns the whole digit group when one of its boxes has focus', () => {
    expect(focusIn('authelia-six-boxes.html', 'input[aria-label$="3"]')).toMatchObject({ kind: 'split' });
  });

  it('finds focus inside an open shadow root', () => {
    const result = focusIn('shadow-root-otp.html', '#shadow-otp');
    expect(result.kind === 'single' && result.input.id).toBe('shadow-otp');
  });

  it('does not judge the page, but still refuses a nearly transparent field', () => {
    expect(focusIn('sms-code-page.html', '#sms-code')).toMatchObject({ kind: 'single', codeSource: 'sms' });
    expect(focusIn('transparent-otp.html', '#otp')).toMatchObject({ reason: 'transparent' });
  });

  it('says so when nothing has focus', () => {
    expect(focusIn('keycloak-otp-step.html', null)).toMatchObject({ reason: 'no-candidates' });
  });

  it('never fills an enrolment page, not even on request: its field belongs to the new secret', () => {
    expect(focusIn('enrolment-qr-page.html', 'input')).toMatchObject({ kind: 'none', reason: 'enrolment-page' });
  });
});

describe('hasCandidateInputs', () => {
  it.each([
    ['<input type=email><input type=password autocomplete=current-password><input type=hidden name=otp>', false],
    ['<input type=search><input disabled name=otp><input type=checkbox>', false],
    ['<input name=otp>', true],
    ['<x-host></x-host>', true],
  ])('%s -> %s', (body, expected) => {
    const { window, document } = loadHtml(`<body>${body}</body>`);
    windows.push(window);
    const host = document.querySelector('x-host');
    host?.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('input'), { name: 'otp' }));
    expect(hasCandidateInputs(document)).toBe(expected);
  });
});
