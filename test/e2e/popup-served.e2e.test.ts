import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../src/testing';
import { EMBEDDED_OVERVIEW_ID } from '../../src/ui/first-screen';
import { SAMPLE_SECRET, TEST_PASSPHRASE, sampleUri } from './browsers';
import { waitFor } from './pages/page-helpers';
import { createVaultInPopup } from './pages/popup-steps';

// Chromium's background serves popup.html with its first screen already drawn; the page's script takes it over.

/** Records, when parsing ends and before any of the page's scripts run, what the page already shows. */
const RECORD_DRAWN_SCREEN = `document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive') return;
  const main = document.querySelector('#app > main');
  if (main) main.dataset.drawnBeforeScript = main.dataset.state;
  window.__drawnTestIds = [...document.querySelectorAll('#app [data-testid]')].map((e) => e.dataset.testid);
});`;

async function openRecorded(session: ExtensionSession): Promise<Page> {
  const page = await session.browser.newPage();
  await page.evaluateOnNewDocument(RECORD_DRAWN_SCREEN);
  const response = await page.goto(`${session.extensionBaseUrl}popup.html`);
  // The worker's own page says, as the extension's pages do, that only the package's scripts run.
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  return page;
}

describe('the popup served drawn, in chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension({ browser: 'chromium' });
    await session.request({ type: 'vault.status' }); // the background is up and serving
  });
  afterAll(async () => {
    await session?.close();
  });

  it('arrives with the create-vault form drawn, which the script then takes over and makes work', async () => {
    const popup = await openRecorded(session);
    expect(await popup.evaluate(() => (window as unknown as { __drawnTestIds: string[] }).__drawnTestIds)).toContain('create-vault');
    expect(await popup.$(`#${EMBEDDED_OVERVIEW_ID}`)).not.toBeNull();
    expect(await popup.$('script[src="/popup-ask.js"]')).toBeNull();
    // Scripts come from the package only: a script element added to the page does not run.
    expect(
      await popup.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.head.append(script);
        return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
      }),
    ).toBe(false);
    await createVaultInPopup(popup, TEST_PASSPHRASE);
    // The element drawn by the background is the one that changed state: taken over, not drawn again.
    expect(await popup.$eval('#app > main', (m) => [(m as HTMLElement).dataset.drawnBeforeScript, (m as HTMLElement).dataset.state])).toEqual([
      'uninitialised',
      'unlocked',
    ]);
    await popup.close();
  });

  it('arrives with the codes drawn, and a hostile account name stays text', async () => {
    const hostile = '</script><img id="injected" src="x">';
    await session.request({ type: 'accounts.addUri', uri: sampleUri(hostile, 'alice@example.com', SAMPLE_SECRET), sites: [] });
    const popup = await openRecorded(session);
    expect(await popup.evaluate(() => (window as unknown as { __drawnTestIds: string[] }).__drawnTestIds)).toContain('account-code');
    await waitFor(popup, 'account-code');
    expect(await popup.$('#injected')).toBeNull();
    expect(await popup.$eval('#app', (app) => app.textContent)).toContain(hostile);
    expect(await popup.$$(`script[type="application/json"]`)).toHaveLength(1);
    await popup.close();
  });

  it('the toolbar popup itself arrives drawn, not only popup.html opened as a tab', async () => {
    const page = await session.browser.newPage();
    await page.goto('data:text/html,<h1>A web page</h1>');
    const before = new Set(session.browser.targets());
    const worker = await (await session.browser.waitForTarget((t) => t.type() === 'service_worker')).worker();
    await worker!.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
    const target = await session.browser.waitForTarget((t) => !before.has(t) && t.url().endsWith('/popup.html'), { timeout: 10_000 });
    const popup = (await target.asPage())!;
    await waitFor(popup, 'account-code');
    expect(await popup.evaluate(() => performance.getEntriesByType('navigation')[0]!.toJSON().workerStart)).toBeGreaterThan(0);
    expect(await popup.$(`#${EMBEDDED_OVERVIEW_ID}`)).not.toBeNull();
    await page.close();
  });

  it('serves nothing drawn to a locked vault but the unlock form', async () => {
    await session.request({ type: 'vault.lock' });
    const popup = await openRecorded(session);
    const drawn = await popup.evaluate(() => (window as unknown as { __drawnTestIds: string[] }).__drawnTestIds);
    expect(drawn).toContain('unlock-form');
    expect(drawn).not.toContain('account-code');
    await popup.close();
  });
});
