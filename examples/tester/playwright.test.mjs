// Playwright loads extensions only into Chromium: a persistent context with the extension, same provision().
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fromEnv, launchWithExtension } from '@portal-authenticator/testing/playwright';

const { PORTAL_URL, PORTAL_PASSWORD } = process.env;
const PASSPHRASE = 'only protects this kept profile';

test('Playwright: Chromium logs in with the code the extension fills, from a profile prepared in an earlier run', async () => {
  // A kept profile: prepared once, then launched again (as a later CI run would) with the vault still in it.
  const userDataDir = await mkdtemp(join(tmpdir(), 'tester-profile-'));
  try {
    const first = await launchWithExtension({ userDataDir });
    await first.provision({ passphrase: PASSPHRASE, accounts: fromEnv('MFA_PLAYWRIGHT_') });
    await first.close();

    const session = await launchWithExtension({ userDataDir });
    try {
      assert.equal((await session.request({ type: 'vault.status' })).state, 'locked', 'the kept profile still holds the vault');
      await session.provision({ passphrase: PASSPHRASE, accounts: fromEnv('MFA_PLAYWRIGHT_') });
      assert.equal((await session.request({ type: 'accounts.list' })).accounts.length, 1, 'provisioning again replaces, not duplicates');

      const page = await session.context.newPage();
      // A busy CI machine: give page loads more than Playwright's default 30 s.
      page.setDefaultTimeout(60_000);
      await page.goto(`${PORTAL_URL}/login`);
      await page.fill('#email', 'playwright@example.com');
      await page.fill('#password', PORTAL_PASSWORD);
      await page.waitForFunction(() => /^\d{6}$/.test(document.querySelector('#otp').value), undefined, { timeout: 40_000 });
      await Promise.all([page.waitForURL('**/home'), page.click('#login')]);
      assert.equal((await page.textContent('main > h1')).trim(), 'Welcome, playwright@example.com');
    } finally {
      await session.close();
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});
