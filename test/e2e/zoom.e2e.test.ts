import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../src/testing';
import { BROWSERS, SAMPLE_SECRET, TEST_PASSPHRASE, sampleUri } from './browsers';
import { oracleTotp, press, textOf, tid, typeField, waitFor } from './pages/page-helpers';
import { waitForRow } from './pages/popup-steps';

/** The largest toolbar popup window browsers open (device pixels); at 200 % its page is half as wide and high. */
const POPUP_WINDOW = { width: 800, height: 600 };
const ZOOM = 2;

/**
 * Sets the browser's own page zoom of the tab showing `page` (what Ctrl+Plus does), through the extension API the
 * page is allowed to call, and waits until the page lays out at the zoomed size.
 */
async function zoomTab(page: Page, factor: number): Promise<void> {
  await page.setViewport(POPUP_WINDOW);
  await page.evaluate(async (zoom) => {
    // Firefox names the same API `browser`.
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const tab = await api.tabs.getCurrent();
    await api.tabs.setZoom(tab!.id!, zoom);
  }, factor);
  await page.waitForFunction((width) => window.innerWidth <= width, {}, POPUP_WINDOW.width / factor);
}

/** Nothing is wider than the zoomed page: no sideways scrolling, whatever the view. */
async function expectNoHorizontalScroll(page: Page, view: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${view}: ${JSON.stringify(widths)}`).toBeLessThanOrEqual(widths.client);
}

/**
 * The control can be reached: scrolled to, it lies wholly inside the zoomed page (not cut off at either side or below),
 * and it is the element a click at its centre lands on (nothing covers it).
 */
async function expectReachable(page: Page, testId: string): Promise<void> {
  const where = await page.$eval(tid(testId), (el) => {
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const rect = el.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return {
      inside: rect.left >= 0 && rect.top >= 0 && rect.right <= window.innerWidth && rect.bottom <= window.innerHeight,
      onTop: hit === el || el.contains(hit),
      rect: [Math.round(rect.left), Math.round(rect.top), Math.round(rect.right), Math.round(rect.bottom)],
      viewport: [window.innerWidth, window.innerHeight],
    };
  });
  expect(where.inside && where.onTop, `${testId}: ${JSON.stringify(where)}`).toBe(true);
}

describe.each(BROWSERS)('%s: the popup at 200 % page zoom', (browser) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension({ browser });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** A fresh popup tab at 200 %, over a vault holding Acme's account, locked or unlocked as the test needs. */
  async function openZoomedPopup(state: 'locked' | 'unlocked'): Promise<Page> {
    await session.provision({ passphrase: TEST_PASSPHRASE, accounts: [{ name: 'acme', uri: sampleUri('Acme Corp', 'alice@example.com') }] });
    if (state === 'locked') await session.request({ type: 'vault.lock' });
    const popup = await session.openExtensionPage('popup.html');
    await zoomTab(popup, ZOOM);
    return popup;
  }

  it('is really zoomed: the page is half the window wide and high, at two device pixels per CSS pixel', async () => {
    const popup = await openZoomedPopup('locked');
    expect(await popup.evaluate(() => [window.innerWidth <= 400, window.innerHeight, window.devicePixelRatio])).toEqual([true, POPUP_WINDOW.height / ZOOM, ZOOM]);
    await popup.close();
  });

  it('unlocks: the passphrase field and the button are reachable and work', async () => {
    const popup = await openZoomedPopup('locked');
    await waitFor(popup, 'unlock-form');
    await expectNoHorizontalScroll(popup, 'locked');
    await expectReachable(popup, 'passphrase');
    await typeField(popup, 'passphrase', TEST_PASSPHRASE);
    await expectReachable(popup, 'unlock');
    await press(popup, 'unlock');
    await waitForRow(popup, 'Acme Corp');
    expect(await session.request({ type: 'vault.status' })).toEqual({ state: 'unlocked' });
    await popup.close();
  });

  it('copies a code: the row is reachable and says it was copied', async () => {
    const popup = await openZoomedPopup('unlocked');
    await waitForRow(popup, 'Acme Corp');
    await expectNoHorizontalScroll(popup, 'accounts');
    await expectReachable(popup, 'account-copy');
    await expectReachable(popup, 'lock');
    await popup.waitForFunction(
      (code) => document.querySelector('[data-testid="account-code"]')?.textContent?.replace(/\s/g, '') === code,
      { timeout: 10_000 },
      oracleTotp(SAMPLE_SECRET),
    );
    await press(popup, 'account-copy');
    await waitFor(popup, 'copied');
    await popup.close();
  });

  it('adds an account by hand: the add button, every step of the form and its save button are reachable and work', async () => {
    const popup = await openZoomedPopup('unlocked');
    await waitForRow(popup, 'Acme Corp');
    await expectReachable(popup, 'add-account');
    await press(popup, 'add-account');
    await waitFor(popup, 'add-manual');
    await expectNoHorizontalScroll(popup, 'add');
    await expectReachable(popup, 'add-manual');
    await press(popup, 'add-manual');
    await waitFor(popup, 'manual-form');
    await expectNoHorizontalScroll(popup, 'manual entry');
    for (const field of ['issuer', 'account-name', 'secret', 'sites']) await expectReachable(popup, field);
    // The same steps a person takes, at the zoomed size: type, see the preview, save, find the new row.
    await typeField(popup, 'issuer', 'Beta');
    await typeField(popup, 'account-name', 'bob@example.com');
    await typeField(popup, 'secret', 'jbsw y3dp ehpk 3pxp');
    await expect.poll(async () => (await textOf(popup, 'manual-preview')).replace(/\D/g, ''), { timeout: 10_000 }).toBe(oracleTotp('JBSWY3DPEHPK3PXP'));
    await expectReachable(popup, 'save-account');
    await press(popup, 'save-account');
    await waitForRow(popup, 'Beta');
    await expectNoHorizontalScroll(popup, 'accounts after adding');
    await popup.close();
  });
});
