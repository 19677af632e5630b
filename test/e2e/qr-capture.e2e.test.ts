import { mkdirSync } from 'node:fs';
import * as OTPAuth from 'otpauth';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PortalError } from '../../src/errors';
import { parseOtpauthUri } from '../../src/otp';
import { clickPanelPrimaryButton, type ExtensionSession, launchWithExtension } from '../../src/testing';
import { FIXTURE_OTPAUTH } from '../fixtures/qr/payloads';
import { english } from '../english-messages';
import { BROWSERS, TEST_PASSPHRASE } from './browsers';
import {
  enrolmentPages, type ExpectedAccount, extraPages, INVALID_OTPAUTH, JUMPCLOUD_ALICE, MIGRATION_ACCOUNTS, nonEnrolmentPages,
  type QrFixtureSite, type QrPage, startQrFixtureSite,
} from './qr/fixture-site';
import { clickPanelRowButton, openPage, panelAppears, resetAccounts, tabIdOf } from './qr/session-steps';

// Long enough for a scan that would show an offer: offers appear in well under a second on these pages.
const NO_OFFER_WAIT_MS = 3_000;
const OFFER_BUTTONS = ['Not now', 'Add account'];

function otpEngineMessage(uri: string): string {
  try {
    parseOtpauthUri(uri);
  } catch (error) {
    if (error instanceof PortalError) return english(error.text);
    throw error;
  }
  throw new Error(`${uri} was expected to be refused by the OTP engine`);
}

const byIssuer = <T extends { issuer: string }>(list: T[]) => [...list].sort((a, b) => a.issuer.localeCompare(b.issuer));

describe.each(BROWSERS)('QR capture with the real extension in %s', (browserName) => {
  let site: QrFixtureSite;
  let session: ExtensionSession;
  let tabsPage: Page;
  const timings: string[] = [];

  const savedAccounts = async () =>
    byIssuer((await session.request({ type: 'accounts.list' })).accounts.map(({ issuer, accountName, sites }) => ({ issuer, accountName, sites })));
  const boundToSite = (accounts: ExpectedAccount[]) => byIssuer(accounts.map((a) => ({ ...a, sites: [site.origin] })));

  /** Runs one step and records how long it took, for the timing summary. */
  const timed = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await step();
    } finally {
      timings.push(`  ${label}: ${(performance.now() - started).toFixed(0)} ms`);
    }
  };

  /** Opens the page in front and scans it through the popup's route (qr.scanTab with its tab id). */
  const scanOnDemand = async (fixture: QrPage) => {
    const page = await openPage(session, site.url(fixture), fixture.deviceScaleFactor);
    await page.bringToFront();
    const tabId = await tabIdOf(tabsPage, site.url(fixture));
    const report = await timed(`scan ${fixture.path}`, () => session.request({ type: 'qr.scanTab', tabId }));
    return { page, report };
  };

  beforeAll(async () => {
    const started = performance.now();
    site = await startQrFixtureSite();
    session = await launchWithExtension({ browser: browserName });
    await session.provision({ passphrase: TEST_PASSPHRASE });
    tabsPage = await session.openExtensionPage('popup.html');
    timings.push(`  launch + provision: ${(performance.now() - started).toFixed(0)} ms`);
  });
  afterAll(async () => {
    await session?.close();
    await site?.close();
    if (timings.length) console.log(`QR capture timings in ${browserName}:\n${timings.join('\n')}`);
  });
  beforeEach(async () => {
    await resetAccounts(session);
  });

  describe('automatic offer', () => {
    it.each(enrolmentPages)('$name: accepting saves the account bound to the page origin', async (fixture) => {
      const page = await openPage(session, site.url(fixture), fixture.deviceScaleFactor);
      try {
        if (fixture.deviceScaleFactor) expect(await page.evaluate(() => window.devicePixelRatio)).toBe(fixture.deviceScaleFactor);
        await timed(`offer ${fixture.path}`, () => clickPanelPrimaryButton(page, 20_000)).catch(async (error: Error) => {
          // Say what an on-demand scan sees, so a missing offer can be told apart from an unreadable code.
          await page.bringToFront();
          const report = await session.request({ type: 'qr.scanTab', tabId: await tabIdOf(tabsPage, site.url(fixture)) });
          throw new Error(`${error.message}; an on-demand scan now reports ${JSON.stringify({ ...report, token: undefined })}`);
        });
        await expect.poll(savedAccounts, { timeout: 15_000 }).toEqual(boundToSite(fixture.accounts));
      } finally {
        await page.close();
      }
    });

    it('fills the first code into the confirmation field of the set-up page', async () => {
      const page = await openPage(session, site.url(extraPages.withConfirmField));
      try {
        await clickPanelPrimaryButton(page, 20_000);
        await page.waitForFunction(() => /^\d{6}$/.test(document.querySelector<HTMLInputElement>('#code')!.value), { timeout: 15_000 });
        const filled = await page.$eval('#code', (input) => (input as HTMLInputElement).value);
        const totp = OTPAuth.URI.parse(FIXTURE_OTPAUTH);
        const now = Date.now();
        // The code was computed a moment ago: it belongs to this period or, right at a boundary, the previous one.
        expect([totp.generate({ timestamp: now }), totp.generate({ timestamp: now - 30_000 })]).toContain(filled);
        expect(await savedAccounts()).toEqual(boundToSite([JUMPCLOUD_ALICE]));
      } finally {
        await page.close();
      }
    });

    it('never offers on pages without a new authenticator QR code (none, a web link, an invalid key, a stored account)', async () => {
      await session.request({ type: 'accounts.addUri', uri: FIXTURE_OTPAUTH, sites: [site.origin] });
      const cases = { ...nonEnrolmentPages, duplicate: enrolmentPages[0]! };
      const opened: Array<[string, Page]> = [];
      try {
        for (const [name, fixture] of Object.entries(cases)) opened.push([name, await openPage(session, site.url(fixture))]);
        const shown = await Promise.all(opened.map(async ([name, page]) => [name, await panelAppears(page, NO_OFFER_WAIT_MS)] as const));
        expect(Object.fromEntries(shown)).toEqual({ noQr: false, urlQr: false, invalidOtpauth: false, duplicate: false });
        expect(await savedAccounts()).toEqual(boundToSite([JUMPCLOUD_ALICE]));
      } finally {
        for (const [, page] of opened) await page.close();
      }
    });

    it('a dismissed offer does not come back on the same page after the page changes', async () => {
      const page = await openPage(session, site.url(enrolmentPages[0]!));
      try {
        await clickPanelRowButton(page, OFFER_BUTTONS, 0);
        await page.waitForFunction(() => !document.querySelector('portal-authenticator-panel'), { timeout: 10_000 });
        // A single-page app re-rendering its QR step: a fresh image and more wording.
        await page.evaluate(() => {
          const img = document.querySelector('img')!;
          img.after(img.cloneNode());
          document.body.append(Object.assign(document.createElement('p'), { textContent: 'Scan the QR code to set up MFA.' }));
        });
        expect(await panelAppears(page, NO_OFFER_WAIT_MS)).toBe(false);
        expect(await savedAccounts()).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('shows the offer legibly (light and dark colour schemes where the browser can emulate them)', async () => {
      mkdirSync('test-results', { recursive: true });
      const page = await openPage(session, site.url(enrolmentPages[0]!));
      try {
        // Firefox over WebDriver BiDi cannot emulate the colour scheme; Chromium shows both.
        for (const scheme of browserName === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const)) {
          if (browserName === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          const host = await page.waitForSelector('portal-authenticator-panel', { timeout: 20_000 });
          const box = (await host!.boundingBox())!;
          expect(box.width).toBeGreaterThan(200);
          expect(box.height).toBeGreaterThan(60);
          const clip = { x: box.x - 16, y: box.y - 16, width: box.width + 32, height: box.height + 32 };
          await page.screenshot({ path: `test-results/qr-offer-${browserName}-${scheme}.png`, clip });
        }
        if (browserName === 'chromium') {
          // Chromium's accessibility tree reaches into the closed shadow root: the prompt names the account.
          const tree = JSON.stringify(await page.accessibility.snapshot());
          expect(tree).toContain('Add JumpCloud — alice@example.com to Portal Authenticator?');
        }
      } finally {
        await page.close();
      }
    });
  });

  describe('on demand (Scan QR on this page)', () => {
    it('reports one account, saves it for the chosen sites, then recognises it as a duplicate', async () => {
      const { page, report } = await scanOnDemand(enrolmentPages[0]!);
      try {
        expect(report.accounts).toEqual([{ ...JUMPCLOUD_ALICE, duplicate: false }]);
        expect(report.notes).toEqual([]);
        const { added } = await session.request({ type: 'qr.acceptScan', token: report.token!, sites: [site.origin] });
        expect(added).toMatchObject([{ ...JUMPCLOUD_ALICE, sites: [site.origin] }]);

        const again = await session.request({ type: 'qr.scanTab', tabId: await tabIdOf(tabsPage, site.url(enrolmentPages[0]!)) });
        expect(again.accounts).toEqual([{ ...JUMPCLOUD_ALICE, duplicate: true }]);
        expect((await session.request({ type: 'qr.acceptScan', token: again.token!, sites: [site.origin] })).added).toEqual([]);
        expect(await savedAccounts()).toEqual(boundToSite([JUMPCLOUD_ALICE]));
      } finally {
        await page.close();
      }
    });

    it('reports both accounts of a two-code migration batch and saves them', async () => {
      const { page, report } = await scanOnDemand(enrolmentPages.find((p) => p.path === '/migration')!);
      try {
        expect(byIssuer(report.accounts)).toEqual(byIssuer(MIGRATION_ACCOUNTS.map((a) => ({ ...a, duplicate: false }))));
        expect(report.notes.map(english).filter((n) => /missing/i.test(n))).toEqual([]);
        const { added } = await session.request({ type: 'qr.acceptScan', token: report.token!, sites: [site.origin] });
        expect(added).toHaveLength(2);
        expect(await savedAccounts()).toEqual(boundToSite(MIGRATION_ACCOUNTS));
      } finally {
        await page.close();
      }
    });

    it('names the missing part when only part 1 of 2 of a migration batch is shown', async () => {
      const { page, report } = await scanOnDemand(extraPages.migrationPart1);
      try {
        expect(report.accounts).toEqual([{ ...MIGRATION_ACCOUNTS[0]!, duplicate: false }]);
        expect(report.notes.map(english).some((n) => n.includes('Missing parts: 2 (of 2)'))).toBe(true);
        expect(report.token).toBeDefined();
      } finally {
        await page.close();
      }
    });

    it.each([
      { name: 'a web link QR is described as a web link', fixture: nonEnrolmentPages.urlQr, note: () => /web link \(https:\/\/portal\.example\.com\/activate…\)/ },
      { name: 'an invalid key URI gets the OTP engine message', fixture: nonEnrolmentPages.invalidOtpauth, note: () => otpEngineMessage(INVALID_OTPAUTH) },
      { name: 'a page without a QR code says nothing was found', fixture: nonEnrolmentPages.noQr, note: () => 'No QR code was found on this page.' },
    ])('$name, and nothing can be saved', async ({ fixture, note }) => {
      const { page, report } = await scanOnDemand(fixture);
      try {
        expect(report.accounts).toEqual([]);
        expect(report.token).toBeUndefined();
        const expected = note();
        const notes = report.notes.map(english);
        expect(notes.some((n) => (typeof expected === 'string' ? n === expected : expected.test(n))), notes.join(' | ')).toBe(true);
        // Never echo a key URI: the note must not carry the payload.
        expect(notes.join(' ')).not.toContain('secret=');
        expect(await savedAccounts()).toEqual([]);
      } finally {
        await page.close();
      }
    });

    // Which route read the code (element or crop) is asserted by the scanner suites in test/qr; here the outcome counts.
    it('2x device scale, cross-origin image: the account is found', async () => {
      const { page, report } = await scanOnDemand(enrolmentPages.find((p) => p.path === '/img-xo-2x')!);
      try {
        expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
        expect(report.accounts, report.notes.map(english).join(' | ')).toEqual([{ ...JUMPCLOUD_ALICE, duplicate: false }]);
      } finally {
        await page.close();
      }
    });

    it('2x device scale, two cross-origin CSS-background codes: both read through screenshot crops', async () => {
      const { page, report } = await scanOnDemand(extraPages.migrationCrossOrigin2x);
      try {
        expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
        expect(byIssuer(report.accounts), report.notes.map(english).join(' | ')).toEqual(byIssuer(MIGRATION_ACCOUNTS.map((a) => ({ ...a, duplicate: false }))));
        expect(report.notes.map(english).filter((n) => /missing/i.test(n))).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
