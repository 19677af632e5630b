import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from './auth';
import { startPortal, type Portal } from './server';
import { createClient, digitFields, generateCode, readError, readHeading, readInputs, readKey, readQrText } from './test-client';

const START = Date.UTC(2030, 0, 1, 9, 0, 5);
let now = START;
let portal: Portal;

beforeAll(async () => {
  portal = await startPortal({ now: () => now });
});
afterAll(() => portal.close());
beforeEach(async () => {
  now = START;
  await fetch(`${portal.url}/api/reset`, { method: 'POST' });
});

const email = 'carol@example.com';
const password = 'carol has a long password';

async function createConsoleUser(): Promise<void> {
  const response = await fetch(`${portal.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, mfa: true, flow: 'console' }),
  });
  expect(response.status).toBe(201);
}

/** Username → Continue → password → Login. */
async function signIn(browser: ReturnType<typeof createClient>) {
  const start = await browser.get('/console/login');
  expect(readHeading(start.html)).toBe('Sign in to the User Console');
  const passwordPage = await browser.post('/console/login', { email });
  expect(passwordPage.path).toBe('/console/password');
  expect(readHeading(passwordPage.html)).toBe('Enter your password');
  return browser.post('/console/password', { password });
}

function expectSixDigitBoxes(html: string): void {
  const digits = readInputs(html).filter((tag) => tag.includes('class="otp-digit"'));
  expect(digits).toHaveLength(6);
  digits.forEach((tag, i) => {
    expect(tag).toContain(`name="digit${i + 1}"`);
    expect(tag).toContain('maxlength="1"');
    expect(tag).toContain('inputmode="numeric"');
    expect(tag).toContain(`aria-label="Digit ${i + 1} of 6"`);
    expect(tag.includes('autocomplete="one-time-code"')).toBe(i === 0);
  });
  expect(readInputs(html).some((tag) => /type="hidden" name="otp"/.test(tag))).toBe(true);
}

describe('console flow (User Console)', () => {
  it('enrols by confirming the first code from six digit boxes, keeping the secret after a wrong code', async () => {
    await createConsoleUser();
    const browser = createClient(portal.url);

    const wrongPassword = await browser.post('/console/login', { email }).then(() => browser.post('/console/password', { password: 'nope' }));
    expect(wrongPassword.status).toBe(401);
    expect(readError(wrongPassword.html)).toBe(AUTH_MESSAGES.wrongPassword);

    const enrol = await signIn(browser);
    expect(enrol.path).toBe('/console/enrol');
    expect(readHeading(enrol.html)).toBe('Set up your authenticator');
    expectSixDigitBoxes(enrol.html);
    const key = readKey(enrol.html);
    expect(key).toMatch(/^[A-Z2-7]{16}$/);
    expect(readQrText(enrol.html)).toBe(`otpauth://totp/Acme%20Corp:carol%40example.com?secret=${key}&issuer=Acme%20Corp`);

    const wrongCode = await browser.post('/console/enrol', digitFields('000000' === generateCode(key, now) ? '111111' : '000000'));
    expect(wrongCode.status).toBe(401);
    expect(readError(wrongCode.html)).toBe(AUTH_MESSAGES.badCode);
    expect(readKey(wrongCode.html)).toBe(key);
    expect(portal.state.users.get(email)?.enrolled).toBe(false);

    const home = await browser.post('/console/enrol', digitFields(generateCode(key, now)));
    expect(home.path).toBe('/console/home');
    expect(readHeading(home.html)).toBe(`Welcome, ${email}`);
    expect(portal.state.users.get(email)).toMatchObject({ enrolled: true, failedAttempts: 0, totpSecret: key });

    expect((await browser.post('/logout', {})).path).toBe('/console/login');
    expect((await browser.get('/console/home')).path).toBe('/console/login');
  });

  it('asks enrolled users to choose TOTP, then takes the code from the digit boxes once only', async () => {
    await createConsoleUser();
    const browser = createClient(portal.url);
    const key = readKey((await signIn(browser)).html);
    const enrolCode = generateCode(key, now);
    await browser.post('/console/enrol', digitFields(enrolCode));
    await browser.post('/logout', {});

    const method = await signIn(browser);
    expect(method.path).toBe('/console/method');
    expect(readHeading(method.html)).toBe('Choose a verification method');
    expect(method.html).toMatch(/<button type="submit" name="method" value="totp" id="method-totp">Verification Code \(TOTP\)<\/button>/);
    expect(method.html).toMatch(/id="method-push" disabled/);

    const totp = await browser.post('/console/method', { method: 'totp' });
    expect(totp.path).toBe('/console/totp');
    expect(readHeading(totp.html)).toBe('Enter your verification code');
    expectSixDigitBoxes(totp.html);

    const replay = await browser.post('/console/totp', { ...digitFields(enrolCode), otp: enrolCode });
    expect(readError(replay.html)).toBe(AUTH_MESSAGES.replayedCode);

    now += 30_000;
    const home = await browser.post('/console/totp', { ...digitFields(generateCode(key, now)), otp: '' });
    expect(home.path).toBe('/console/home');
    expect(readHeading(home.html)).toBe(`Welcome, ${email}`);
  });

  it('locks after 5 wrong codes in the digit boxes', async () => {
    await createConsoleUser();
    const browser = createClient(portal.url);
    const key = readKey((await signIn(browser)).html);
    await browser.post('/console/enrol', digitFields(generateCode(key, now)));
    await browser.post('/logout', {});
    await signIn(browser);
    await browser.post('/console/method', { method: 'totp' });
    for (let i = 0; i < 4; i++) expect((await browser.post('/console/totp', { otp: '99999x' })).status).toBe(401);
    const locked = await browser.post('/console/totp', { otp: '99999x' });
    expect(locked.status).toBe(423);
    expect(readHeading(locked.html)).toBe('Account locked');
    expect(portal.state.users.get(email)?.locked).toBe(true);
  });

  it('sends a browser that skips a step back to the start', async () => {
    const browser = createClient(portal.url);
    for (const path of ['/console/password', '/console/method', '/console/totp', '/console/enrol', '/console/home']) {
      expect((await browser.get(path)).path).toBe('/console/login');
    }
    expect((await browser.post('/console/totp', { otp: '123456' })).path).toBe('/console/login');
  });
});
