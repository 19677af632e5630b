import { afterEach, describe, expect, it } from 'vitest';
import { classifyCodeSource, looksLikeEnrolmentPage } from '../../src/fill/detect';
import { normalizeText } from '../../src/fill/detect-text';
import { loadFixture, loadHtml, measureFromStyles } from './dom';

const windows: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});
const page = (body: string): Document => {
  const { window, document } = loadHtml(`<!doctype html><html><body>${body}</body></html>`);
  windows.push(window);
  return document;
};
const fixture = (file: string): Document => {
  const { window, document } = loadFixture(file);
  windows.push(window);
  return document;
};

describe('classifyCodeSource', () => {
  it.each([
    ['<p>We sent a code to your phone ending in 42.</p>', 'sms'],
    ['<p>Enter the code we texted to you.</p>', 'sms'],
    ['<p>A text message with your code is on its way.</p>', 'sms'],
    ['<p>Wir haben Ihnen eine SMS geschickt.</p>', 'sms'],
    ['<p>Check your email for a sign-in code.</p>', 'email'],
    ['<p>We sent a verification code to your e-mail address.</p>', 'email'],
    ['<p>We emailed you a code.</p>', 'email'],
    ['<p>Enter the code from your authenticator app.</p>', 'authenticator'],
    ['<p>Open Google Authenticator.</p><p>Lost your phone? We can text you a code.</p>', 'authenticator'],
    ['<p>Enter the code.</p><a href=/sms>Send me an SMS instead</a><button>Email me a code</button>', 'unknown'],
    ['<p>Enter your code.</p><script>var sms = "text message";</script>', 'unknown'],
  ])('%s -> %s', (body, expected) => {
    expect(classifyCodeSource(page(body))).toBe(expected);
  });

  it.each([
    ['sms-code-page.html', 'sms'],
    ['email-code-page.html', 'email'],
    ['github-app-totp.html', 'authenticator'],
    ['authenticator-with-sms-fallback.html', 'authenticator'],
    ['keycloak-otp-step.html', 'unknown'],
  ])('fixture %s -> %s', (file, expected) => {
    expect(classifyCodeSource(fixture(file))).toBe(expected);
  });
});

describe('looksLikeEnrolmentPage', () => {
  const qr = '<svg style="width:200px;height:200px"></svg>';
  it.each([
    ['the enrolment fixture', null, true],
    ['QR-sized square with "scan" wording', `${qr}<p>Scan this code</p>`, true],
    ['QR-sized square and secret key wording', `<img width=180 height=180 src="data:,"><p>Secret key: ABCD</p>`, true],
    ['square image without enrolment wording (a logo)', `${qr}<p>Enter the code from your authenticator app</p>`, false],
    ['wording without a square image', '<p>Scan the QR code</p><svg style="width:24px;height:24px"></svg>', false],
    ['a wide banner is not QR-like', '<img width=600 height=120 src="data:,"><p>Scan to set up</p>', false],
    ['a huge square is not QR-like', '<img width=900 height=900 src="data:,"><p>Scan to set up</p>', false],
    ['a hidden QR does not count', `<div style="display:none">${qr}</div><p>Scan this code</p>`, false],
  ])('%s -> %s', (_, body, expected) => {
    const doc = body === null ? fixture('enrolment-qr-page.html') : page(body);
    expect(looksLikeEnrolmentPage(doc, measureFromStyles)).toBe(expected);
  });

  it('is not triggered by login fixtures', () => {
    for (const file of ['keycloak-otp-step.html', 'jumpcloud-console-digits.html', 'github-app-totp.html']) {
      expect(looksLikeEnrolmentPage(fixture(file), measureFromStyles)).toBe(false);
    }
  });
});

describe('measureElement (visibility rules, layout read from styles)', () => {
  it.each([
    ['<input id=t style="width:200px;height:30px">', { visible: true }],
    ['<div style="display:none"><input id=t></div>', { visible: false, hiddenBy: 'hidden' }],
    ['<input id=t style="visibility:hidden">', { visible: false, hiddenBy: 'hidden' }],
    ['<div style="opacity:0.5"><div style="opacity:0.4"><input id=t></div></div>', { visible: false, hiddenBy: 'transparent' }],
    ['<div style="opacity:0.6"><input id=t style="opacity:0.9"></div>', { visible: true }],
    ['<input id=t style="opacity:0.05">', { visible: false, hiddenBy: 'transparent' }],
    ['<input id=t style="width:0;height:0">', { visible: false, hiddenBy: 'zero-size' }],
    ['<input id=t style="position:absolute;left:-9999px;width:200px">', { visible: false, hiddenBy: 'offscreen' }],
  ])('%s', (body, expected) => {
    const doc = page(body);
    expect(measureFromStyles(doc.querySelector('#t')!)).toMatchObject(expected);
  });

  it('multiplies opacity across a shadow boundary', () => {
    const doc = page('<div style="opacity:0.1"><x-host></x-host></div>');
    const input = doc.createElement('input');
    doc.querySelector('x-host')!.attachShadow({ mode: 'open' }).append(input);
    expect(measureFromStyles(input)).toMatchObject({ visible: false, hiddenBy: 'transparent' });
  });
});

describe('normalizeText', () => {
  it.each([
    ['idTxtBx_SAOTCC_OTC', ' id txt bx saotcc otc '],
    ['user[otp_attempt]', ' user otp attempt '],
    ['credentials.passcode', ' credentials passcode '],
    ['twoFactorCode', ' two factor code '],
    ['Bestätigungscode', ' bestatigungscode '],
    ['One-Time Password', ' one time password '],
  ])('%s', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });
});
