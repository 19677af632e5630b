import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from './auth';
import { startPortal, type Portal } from './server';
import { DEMO_PASSWORD } from './state';
import { createClient, generateCode, readError, readHeading, readKey, readQrText } from './test-client';

// A fixed clock in the middle of a 30-second step, moved by hand, so codes and steps are exact.
const START = Date.UTC(2030, 0, 1, 9, 0, 15);
let now = START;
let portal: Portal;

beforeAll(async () => {
  portal = await startPortal({ port: 0, seed: true, now: () => now });
});
afterAll(() => portal.close());
beforeEach(async () => {
  now = START;
  await fetch(`${portal.url}/api/reset`, { method: 'POST' });
});

const email = 'alice@example.com';
const newPassword = 'a brand new passphrase';

/** Walks alice through the whole 2017 enrolment and returns the browser and the key read off the page. */
async function enrolAlice() {
  const browser = createClient(portal.url);
  const admin = await browser.get('/admin');
  expect(readHeading(admin.html)).toBe('Administrator: Users');
  expect(admin.html).toContain('Enable Multifactor Authentication on the User Portal');

  const enabled = await browser.post('/admin/enable-mfa', { email });
  expect(enabled.path).toBe('/admin?enabled=alice%40example.com');
  expect(portal.state.users.get(email)?.mfaEnabled).toBe(true);

  const outbox = await browser.get('/outbox');
  expect(outbox.html).toContain('MFA Now Enabled');
  const link = /class="mail-link" href="([^"]+)">Reset your password</.exec(outbox.html)?.[1]?.replace(/&amp;/g, '&');
  expect(link).toMatch(/^\/reset-password\?token=/);

  const reset = await browser.get(link ?? '');
  expect(readHeading(reset.html)).toBe('Change Password');
  const token = new URL(link ?? '', portal.url).searchParams.get('token') ?? '';
  const mismatch = await browser.post('/reset-password', { token, password: newPassword, confirm: 'something else' });
  expect(readError(mismatch.html)).toMatch(/do not match/);

  const setup = await browser.post('/reset-password', { token, password: newPassword, confirm: newPassword });
  expect(setup.path).toBe('/mfa/setup');
  expect(readHeading(setup.html)).toBe('Set up multi-factor authentication');
  const key = readKey(setup.html);
  expect(setup.html).toMatch(/id="totp-key">[A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4}</);
  expect(key).toBe(portal.state.users.get(email)?.totpSecret);
  expect(readQrText(setup.html)).toBe(`otpauth://totp/Acme%20Corp:alice%40example.com?secret=${key}&issuer=Acme%20Corp`);
  return { browser, key, setup };
}

describe('classic flow (2017 User Portal)', () => {
  it('enrols from the email link, continues without a code, then logs in with a code only once', async () => {
    const { browser, key } = await enrolAlice();

    const home = await browser.post('/mfa/setup', {});
    expect(home.path).toBe('/home');
    expect(readHeading(home.html)).toBe(`Welcome, ${email}`);
    expect(portal.state.users.get(email)?.enrolled).toBe(true);

    const loggedOut = await browser.post('/logout', {});
    expect(loggedOut.path).toBe('/login');
    expect((await browser.get('/home')).path).toBe('/login');

    const noCode = await browser.post('/login', { email, password: newPassword, otp: '' });
    expect(noCode.status).toBe(401);
    expect(readError(noCode.html)).toBe(AUTH_MESSAGES.missingCode);

    const code = generateCode(key, now);
    const loggedIn = await browser.post('/login', { email, password: newPassword, otp: code });
    expect(loggedIn.path).toBe('/home');
    expect(readHeading(loggedIn.html)).toBe(`Welcome, ${email}`);
    await browser.post('/logout', {});

    now += 10_000; // same time step: the code is still "current" but already spent
    const replay = await browser.post('/login', { email, password: newPassword, otp: code });
    expect(replay.status).toBe(401);
    expect(readError(replay.html)).toBe(AUTH_MESSAGES.replayedCode);

    const wrong = String((Number(generateCode(key, now)) + 1) % 1_000_000).padStart(6, '0');
    expect(readError((await browser.post('/login', { email, password: newPassword, otp: wrong })).html)).toBe(AUTH_MESSAGES.badCode);

    now += 30_000; // the previous step's code is inside the one-step window, but older than the one used
    expect(readError((await browser.post('/login', { email, password: newPassword, otp: generateCode(key, now - 60_000) })).html)).toBe(AUTH_MESSAGES.badCode);
    expect((await browser.post('/login', { email, password: newPassword, otp: generateCode(key, now) })).path).toBe('/home');
    expect(portal.state.users.get(email)?.failedAttempts).toBe(0);
  });

  it('accepts a code from one step of drift either side and refuses two steps', async () => {
    const { browser, key } = await enrolAlice();
    await browser.post('/mfa/setup', {});
    const login = (otp: string) => browser.post('/login', { email, password: newPassword, otp });
    await browser.post('/logout', {});
    expect(readError((await login(generateCode(key, now - 60_000))).html)).toBe(AUTH_MESSAGES.badCode);
    expect(readError((await login(generateCode(key, now + 60_000))).html)).toBe(AUTH_MESSAGES.badCode);
    expect((await login(generateCode(key, now - 30_000))).path).toBe('/home');
    await browser.post('/logout', {});
    expect((await login(generateCode(key, now + 30_000))).path).toBe('/home');
  });

  it('locks the account after 5 wrong passwords or codes, even for the right code, until an admin unlocks it', async () => {
    const { browser, key } = await enrolAlice();
    await browser.post('/mfa/setup', {});
    await browser.post('/logout', {});
    const login = (password: string, otp: string) => browser.post('/login', { email, password, otp });
    for (let i = 0; i < 2; i++) expect((await login('wrong password', '000000')).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await login(newPassword, 'abcdef')).status).toBe(401);
    expect(portal.state.users.get(email)?.failedAttempts).toBe(4);

    const fifth = await login(newPassword, '12345');
    expect(fifth.status).toBe(423);
    expect(readHeading(fifth.html)).toBe('Account locked');
    const stillLocked = await login(newPassword, generateCode(key, now));
    expect(stillLocked.status).toBe(423);
    expect((await browser.get('/home')).path).toBe('/login');

    await browser.post('/admin/unlock', { email });
    expect((await login(newPassword, generateCode(key, now))).path).toBe('/home');
  });

  it('refuses a reset link twice and keeps a password shorter than 8 characters out', async () => {
    const browser = createClient(portal.url);
    await browser.post('/admin/enable-mfa', { email });
    const token = new URL(portal.state.outbox.at(-1)?.link ?? '', portal.url).searchParams.get('token') ?? '';
    expect(readError((await browser.post('/reset-password', { token, password: 'short', confirm: 'short' })).html)).toMatch(/at least 8/);
    await browser.post('/reset-password', { token, password: newPassword, confirm: newPassword });
    const reused = await browser.get(`/reset-password?token=${token}`);
    expect(reused.status).toBe(400);
    expect(readHeading(reused.html)).toBe('Link expired');
  });

  it('lets a user without MFA in with the password alone, and refuses a wrong password', async () => {
    const browser = createClient(portal.url);
    expect(readError((await browser.post('/login', { email, password: 'nope' })).html)).toBe(AUTH_MESSAGES.wrongPassword);
    const home = await browser.post('/login', { email, password: DEMO_PASSWORD, otp: '' });
    expect(readHeading(home.html)).toBe(`Welcome, ${email}`);
  });
});
