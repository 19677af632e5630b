import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clickPanelPrimaryButton, type ExtensionSession, launchWithExtension } from '../../src/testing';
import { type Portal, startPortal } from '../portal/server';
import { BROWSERS, TEST_PASSPHRASE } from './browsers';
import { clickAndWait, enableMfa, heading, openResetEmail, setNewPassword, signInToConsole, typeClassicLogin, waitForFilled } from './portal-steps';

const PASSWORD = 'a new portal password 42';

describe.each(BROWSERS)('the whole journey in %s', (browserName) => {
  let portal: Portal;
  let session: ExtensionSession;

  // A portal and a browser of its own for each journey: neither sees the other's accounts or users.
  beforeEach(async () => {
    portal = await startPortal({ port: 0, seed: true });
    session = await launchWithExtension({ browser: browserName });
    await session.provision({ passphrase: TEST_PASSPHRASE });
  });
  afterEach(async () => {
    await session?.close();
    await portal?.close();
  });

  it('classic portal: enrol from the QR page, then log in with filled codes, twice in one period', async () => {
    const page = await session.browser.newPage();
    await enableMfa(page, portal.url, 'alice@example.com');
    await openResetEmail(page, portal.url);
    await setNewPassword(page, PASSWORD);

    await clickPanelPrimaryButton(page);
    await expect.poll(async () => (await session.request({ type: 'accounts.list' })).accounts.length, { timeout: 10_000 }).toBe(1);
    const [account] = (await session.request({ type: 'accounts.list' })).accounts;
    expect(account).toMatchObject({ issuer: 'Acme Corp', accountName: 'alice@example.com', sites: [portal.origin] });

    await clickAndWait(page, '#continue');
    expect(await heading(page)).toContain('Welcome');

    for (const round of [1, 2]) {
      await clickAndWait(page, '#logout');
      await typeClassicLogin(page, portal.url, 'alice@example.com', PASSWORD);
      const code = await waitForFilled(page, '#otp');
      expect(code, `round ${round}`).toMatch(/^\d{6}$/);
      await clickAndWait(page, '#login');
      expect(await heading(page), `round ${round}`).toContain('Welcome');
    }
    await page.close();
  });

  it('console: six digit boxes, enrolment confirmed with the first code, then a filled login', async () => {
    const page = await session.browser.newPage();
    await signInToConsole(page, portal.url, 'bob@example.com', 'correct horse battery staple');
    await page.waitForSelector('img#totp-qr');

    // Accepting saves the account and fills the confirmation boxes; the portal's script then submits.
    await Promise.all([page.waitForNavigation({ timeout: 20_000 }), clickPanelPrimaryButton(page)]);
    expect(await heading(page)).toContain('Welcome');

    await clickAndWait(page, '#logout');
    await signInToConsole(page, portal.url, 'bob@example.com', 'correct horse battery staple');
    await clickAndWait(page, '#method-totp');
    // The code is filled into the six boxes (waiting for the next period: the enrolment code was just used).
    await page.waitForFunction(() => location.pathname.endsWith('/home'), { timeout: 45_000 });
    expect(await heading(page)).toContain('Welcome');
    await page.close();
  });
});
