import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../src/testing';
import type { DecisionRecord } from '../../src/messages';
import { type Portal, startPortal } from '../portal/server';
import { BROWSERS, SAMPLE_SECRET, TEST_PASSPHRASE } from './browsers';
import { clickAndWait, signInToConsole, typeInto, waitForFilled } from './portal-steps';

const EMAIL = 'dave@example.com';
const PASSWORD = 'dave has a long portal password';

/** Creates dave on the portal, enrolled in the console flow, and answers his secret. */
async function createDave(portal: Portal, flow: 'console' | 'classic' = 'console'): Promise<string> {
  const json = { 'content-type': 'application/json' };
  await fetch(`${portal.url}/api/users`, { method: 'POST', headers: json, body: JSON.stringify({ email: EMAIL, password: PASSWORD, mfa: true, flow, enrolled: true }) });
  return ((await (await fetch(`${portal.url}/api/users/${encodeURIComponent(EMAIL)}/secret`)).json()) as { secret: string }).secret;
}

/** What the portal received: each code it checked and whether it accepted it. */
async function codeChecks(portal: Portal): Promise<boolean[]> {
  return ((await (await fetch(`${portal.url}/api/code-checks`)).json()) as Array<{ ok: boolean }>).map((c) => c.ok);
}

describe.each(BROWSERS)('a portal refuses a filled code, in %s', (browserName) => {
  let session: ExtensionSession;
  let portal: Portal;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithExtension({ browser: browserName });
    await session.provision({ passphrase: TEST_PASSPHRASE });
    await session.request({ type: 'debug.setRecording', on: true });
  });
  afterAll(async () => {
    await session?.close();
  });
  // Each test has its own portal (its own origin), so no offset, refusal or used step carries over.
  beforeEach(async () => {
    portal = await startPortal();
    page = await session.browser.newPage();
  });
  afterEach(async () => {
    await page?.close();
    await portal?.close();
  });

  /** Adds dave's account, bound to this test's portal, with the secret given. */
  const addAccount = (secret: string) =>
    session.request({
      type: 'accounts.addUri',
      uri: `otpauth://totp/Acme%20Corp:${encodeURIComponent(EMAIL)}?secret=${secret}&issuer=Acme%20Corp`,
      sites: [portal.origin],
    });
  /** The clock offset kept for this test's portal (none, or one). */
  const offsetsOfPortal = async () => (await session.request({ type: 'clock.offsets' })).offsets.filter((o) => o.origin === portal.origin);
  /** Waits for the extension's decision at `url` whose detail (what the person is told) matches. */
  const waitForDetail = async (url: string, detail: RegExp, since: number): Promise<DecisionRecord> => {
    const deadline = Date.now() + 40_000;
    for (;;) {
      const { decisions } = await session.request({ type: 'debug.decisions' });
      const found = decisions.find((d) => d.url === url && d.at >= since && detail.test(d.detail));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No decision at ${url} says ${detail}; seen: ${JSON.stringify(decisions.filter((d) => d.url === url))}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  it('the portal clock is 75 s behind: the code is refused, the corrected code is filled and accepted, the offset is kept', async () => {
    await addAccount(await createDave(portal));
    await page.goto(`${portal.url}/console/login?skew=-75`);
    await signInToConsole(page, portal.url, EMAIL, PASSWORD);
    // The code by this computer's clock is filled and submitted (the portal's script submits full boxes), refused,
    // and the corrected one follows on the page that shows the portal's error.
    await clickAndWait(page, '#method-totp');
    await page.waitForFunction(() => location.pathname === '/console/home', { timeout: 45_000 });
    expect(await codeChecks(portal)).toEqual([false, true]);
    // (The notice beside the field is checked in the classic flow below: here the page is submitted at once.)
    const offsets = await offsetsOfPortal();
    expect(offsets).toEqual([{ origin: portal.origin, offsetSeconds: expect.any(Number), measuredAt: expect.any(Number) }]);
    expect(Math.abs(offsets[0]!.offsetSeconds + 75)).toBeLessThanOrEqual(1);

    // The popup says so.
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="clock-offsets"]');
    expect(await popup.$eval('[data-testid="clock-offsets"]', (e) => e.textContent ?? '')).toMatch(
      new RegExp(`Codes for ${new URL(portal.origin).host} follow its clock: this computer's clock is 7[456] s ahead of it\\.`),
    );
    await popup.close();

    // The next login is filled by the portal's clock at once: no refusal.
    await clickAndWait(page, '#logout');
    await signInToConsole(page, portal.url, EMAIL, PASSWORD);
    await clickAndWait(page, '#method-totp');
    await page.waitForFunction(() => location.pathname === '/console/home', { timeout: 45_000 });
    expect(await codeChecks(portal)).toEqual([false, true, true]);
  });

  it('nothing explains the refusal (the account holds another secret): nothing more is filled, and the next step is named', async () => {
    await createDave(portal);
    await addAccount(SAMPLE_SECRET);
    await signInToConsole(page, portal.url, EMAIL, PASSWORD);
    await clickAndWait(page, '#method-totp');
    // The refused page loads; the extension's decision about it is the signal that it looked and filled nothing.
    const decision = await session.waitForDecision({ url: `${portal.url}/console/totp`, outcome: 'failed', reason: 'unexplained' }, 30_000);
    expect(decision.detail).toMatch(/^The portal refused the code, and neither this computer's clock nor the code's timing explains it\. .*re-enrol/);
    expect(await page.$$eval('input.otp-digit', (boxes) => boxes.map((b) => (b as HTMLInputElement).value).join(''))).toBe('');
    expect(await page.$eval('#form-error', (e) => e.textContent)).toMatch(/incorrect/);
    expect(await codeChecks(portal)).toEqual([false]);
    expect(await offsetsOfPortal()).toEqual([]);
  });

  it('classic form, the portal clock 75 s ahead: the corrected code is filled with a notice, and the person signs in with it', async () => {
    // The classic form: e-mail, password and code on one page; the person submits it.
    await addAccount(await createDave(portal, 'classic'));
    const since = Date.now();
    await page.goto(`${portal.url}/login?skew=75`);
    await waitForFilled(page, '#otp');
    await typeInto(page, '#email', EMAIL);
    await typeInto(page, '#password', PASSWORD);
    await clickAndWait(page, '#login');
    expect(await page.$eval('#form-error', (e) => e.textContent)).toMatch(/incorrect/);
    // The page that shows the portal's error gets the corrected code (at once, or when its period starts), with a notice.
    const notice = await waitForDetail(`${portal.url}/login`, /^The portal refused the code: this computer's clock is 7[456] s behind\./, since);
    expect(['filled', 'waiting']).toContain(notice.outcome);
    await waitForFilled(page, '#otp');
    await typeInto(page, '#password', PASSWORD);
    await clickAndWait(page, '#login');
    expect(await page.$eval('main > h1', (h) => h.textContent)).toContain('Welcome');
    expect(await codeChecks(portal)).toEqual([false, true]);
  });
});
