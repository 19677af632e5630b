import { rm } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickPanelPrimaryButton, type ExtensionSession, launchWithExtension, PANEL_TAG, waitUntilPanelArmed } from '../../src/testing';
import { BROWSERS, TEST_PASSPHRASE, sampleUri } from './browsers';
import { stepOfCode, waitForValue } from './fill/helpers';
import { bundleWidgetPages } from './widgets/bundle';
import { startWidgetServer, type WidgetServer } from './widgets/widget-server';

// The extension's enrolment offer on a set-up step inside a modal dialog whose focus trap (the `focus-trap` library)
// cancels every click and focus outside it: the offer's buttons must work, by mouse and by keyboard, and the trap
// must still hold afterwards.

const SECRETS = { mouse: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', keyboard: 'OVRHK5DZPJQWEYLDMRSWMZ3IMFRWI4TT' } as const;

let bundleDir: string;
let server: WidgetServer;
beforeAll(async () => {
  bundleDir = await bundleWidgetPages();
  server = await startWidgetServer(bundleDir);
});
afterAll(async () => {
  await server?.close();
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

/** Where focus is: inside the set-up dialog (through the panel's host too), and whether the trap is still on. */
const focusState = (page: Page) =>
  page.evaluate(() => ({
    inDialog: document.getElementById('setup-dialog')!.contains(document.activeElement),
    trapActive: (window as unknown as { setupTrap: { active: boolean } }).setupTrap.active,
  }));

describe.each(BROWSERS)('the enrolment offer inside a focus-trapped dialog in %s', (browserName) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension({ browser: browserName });
    await session.provision({ passphrase: TEST_PASSPHRASE, accounts: [] });
  });
  afterAll(async () => {
    await session?.close();
  });

  const openSetup = async (secret: string) => {
    const page = await session.browser.newPage();
    const uri = sampleUri('Trap Corp', `${secret.slice(0, 6).toLowerCase()}@example.com`, secret);
    await page.goto(`${server.origin}/focus-trap-enrolment?uri=${encodeURIComponent(uri)}`);
    await page.waitForFunction(() => (window as unknown as { setupTrap?: { active: boolean } }).setupTrap?.active === true);
    return page;
  };
  /** Accepting the offer saves the account and fills the dialog's confirmation field with its first code. */
  const expectAccepted = async (page: Page, secret: string, t0: number) => {
    const code = await waitForValue(page, '#confirm');
    expect(stepOfCode(secret, code, t0, Date.now()), `${code} is the new account's code`).toBeDefined();
    await page.waitForFunction((tag: string) => !document.querySelector(tag), { timeout: 5_000 }, PANEL_TAG);
  };
  /** The dialog's own trap still holds: Tab keeps focus inside the dialog. */
  const expectTrapHolds = async (page: Page) => {
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await focusState(page)).toEqual({ inDialog: true, trapActive: true });
    }
  };

  it('the mouse: "Add account" saves the account and the dialog stays trapped', async () => {
    const t0 = Date.now();
    const page = await openSetup(SECRETS.mouse);
    await page.waitForSelector(`#setup-dialog ${PANEL_TAG}`, { timeout: 15_000 });
    await clickPanelPrimaryButton(page);
    await expectAccepted(page, SECRETS.mouse, t0);
    await expectTrapHolds(page);
    await page.close();
  });

  it('the keyboard: Tab from the dialog reaches the offer, Enter on "Add account" saves it', async () => {
    const t0 = Date.now();
    const page = await openSetup(SECRETS.keyboard);
    await page.waitForSelector(`#setup-dialog ${PANEL_TAG}`, { timeout: 15_000 });
    await waitUntilPanelArmed();
    await page.focus('#back');
    // Back, then the QR code, then the offer right after it: "Not now", then "Add account".
    await page.keyboard.press('Tab');
    expect(await page.evaluate((tag: string) => document.activeElement?.tagName.toLowerCase() === tag, PANEL_TAG)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectAccepted(page, SECRETS.keyboard, t0);
    expect(await focusState(page)).toMatchObject({ trapActive: true });
    await expectTrapHolds(page);
    await page.close();
  });
});
