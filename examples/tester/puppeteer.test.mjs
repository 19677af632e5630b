// Chromium and Firefox at once, each with its own profile, driven by Puppeteer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromEnv, launchWithExtension } from '@portal-authenticator/testing';

const { PORTAL_URL, PORTAL_PASSWORD } = process.env;

async function logIn(session) {
  // One test user per browser: two logins of one user in the same 30 s would need two codes (see the README).
  const name = session.browserName.toUpperCase();
  await session.provision({ passphrase: 'only protects this throwaway profile', accounts: fromEnv(`MFA_${name}_`) });
  const page = await session.browser.newPage();
  // Two browsers at once on a busy CI machine: give page loads more than Puppeteer's default 30 s.
  page.setDefaultTimeout(60_000);
  await page.goto(`${PORTAL_URL}/login`);
  await page.type('#email', `${session.browserName}@example.com`);
  await page.type('#password', PORTAL_PASSWORD);
  // The extension fills the code field on its own; a second login in one period waits for the next code.
  await page.waitForFunction(() => /^\d{6}$/.test(document.querySelector('#otp').value), { timeout: 40_000 });
  await Promise.all([page.waitForNavigation(), page.click('#login')]);
  assert.equal(await page.$eval('main > h1', (h) => h.textContent.trim()), `Welcome, ${session.browserName}@example.com`);
}

test('Puppeteer: Chromium and Firefox log in with the code the extension fills', async () => {
  const sessions = await Promise.all(['chromium', 'firefox'].map((browser) => launchWithExtension({ browser })));
  try {
    await Promise.all(sessions.map(logIn));
  } finally {
    await Promise.all(sessions.map((session) => session.close()));
  }
});
