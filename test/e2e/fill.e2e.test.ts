import { mkdir } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickPanelPrimaryButton, type ExtensionSession, isPanelShown, launchWithExtension } from '../../src/testing';
import { BROWSERS, SAMPLE_SECRET, TEST_PASSPHRASE, sampleUri } from './browsers';
import { type FixtureServer, startFixtureServer } from './fill/fixture-server';
import * as h from './fill/helpers';

const SECRET_B = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SECRET_C = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
const KEYCLOAK = '/forms/keycloak-otp-step.html';
const SHOTS = 'test-results';

describe.each(BROWSERS)('detect and fill in %s', (browserName) => {
  let session: ExtensionSession;
  let primary: FixtureServer;
  let secondary: FixtureServer;
  let extensionPage: Page;

  /** Opens `url` in a new tab; returns the page and the time just before loading. */
  const open = async (url: string): Promise<{ page: Page; t0: number }> => {
    const page = await session.browser.newPage();
    const t0 = Date.now();
    await page.goto(url);
    return { page, t0 };
  };
  /** Asserts `code` is the code of `secret` for a step between `t0` and now (or the next one). */
  const expectCodeOf = (secret: string, code: string, t0: number) =>
    expect(h.stepOfCode(secret, code, t0, Date.now()), `${code} is a current code`).toBeDefined();
  const shoot = async (page: Page, name: string) => {
    await page.bringToFront();
    await page.screenshot({ path: `${SHOTS}/fill-${name}-${browserName}-light.png` });
    try {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await page.screenshot({ path: `${SHOTS}/fill-${name}-${browserName}-dark.png` });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    } catch {
      // Some drivers cannot emulate the colour scheme; the light shot is still taken.
    }
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [primary, secondary] = await Promise.all([startFixtureServer(), startFixtureServer()]);
    session = await launchWithExtension({ browser: browserName });
    await session.provision({
      passphrase: TEST_PASSPHRASE,
      accounts: [
        { uri: sampleUri('Acme Corp', 'alice@example.com'), sites: [primary.origin] },
        { uri: sampleUri('Partner', 'bob@example.com', SECRET_B), sites: [secondary.origin] },
      ],
    });
    // Pages that must stay empty are checked once the extension has recorded its decision about them.
    await session.request({ type: 'debug.setRecording', on: true });
    // Firefox's driver now and then fails one evaluation while an extension page is still loading: one retry.
    extensionPage = await session.openExtensionPage('popup.html').catch(() => session.openExtensionPage('popup.html'));
  });
  afterAll(async () => {
    await session?.close();
    await primary?.close();
    await secondary?.close();
  });

  it('fills a code field on its own login step', async () => {
    const { page, t0 } = await open(primary.origin + KEYCLOAK);
    expectCodeOf(SAMPLE_SECRET, await h.waitForValue(page, '#otp'), t0);
    await page.close();
  });

  it('fills the code field on the same form as e-mail and password, and only it', async () => {
    const { page, t0 } = await open(`${primary.origin}/forms/jumpcloud-2017-login.html`);
    expectCodeOf(SAMPLE_SECRET, await h.waitForValue(page, '#otp'), t0);
    expect(await h.valuesOf(page, ['#email', '#password'])).toEqual(['', '']);
    await page.close();
  });

  it('fills six digit boxes: a box-by-box widget and a widget that spreads a paste', async () => {
    for (const [file, boxes] of [['authelia-six-boxes.html', '#otp-input input'], ['jumpcloud-console-digits.html', '.digits input']]) {
      const { page, t0 } = await open(`${primary.origin}/forms/${file}`);
      expectCodeOf(SAMPLE_SECRET, await h.waitForBoxes(page, boxes!), t0);
      await page.close();
    }
  });

  it('fills a field inside an open shadow root', async () => {
    const { page, t0 } = await open(`${primary.origin}/forms/shadow-root-otp.html`);
    await page.waitForFunction(() => document.querySelector('mfa-prompt')?.shadowRoot?.querySelector('input')?.value.length === 6, { timeout: 20_000 });
    expectCodeOf(SAMPLE_SECRET, await h.shadowValue(page, 'mfa-prompt', '#shadow-otp'), t0);
    await page.close();
  });

  it('fills a field a single-page app shows a second after load', async () => {
    const { page, t0 } = await open(`${primary.origin}/late.html`);
    await page.waitForSelector('#late-otp', { timeout: 10_000 });
    expectCodeOf(SAMPLE_SECRET, await h.waitForValue(page, '#late-otp'), t0);
    expect(new URL(page.url()).pathname).toBe('/late/otp');
    await page.close();
  });

  it('fills a field in a same-origin frame', async () => {
    const { page, t0 } = await open(`${primary.origin}/frame.html?src=${KEYCLOAK}`);
    const frame = await h.frameWithUrl(page, KEYCLOAK);
    expectCodeOf(SAMPLE_SECRET, await h.waitForValue(frame, '#otp'), t0);
    await page.close();
  });

  it('asks before filling a cross-origin frame, and fills it after a click in the chooser', async () => {
    const { page, t0 } = await open(`${primary.origin}/frame.html?src=${encodeURIComponent(secondary.origin + KEYCLOAK)}`);
    const frame = await h.frameWithUrl(page, secondary.origin);
    await h.panelBox(frame);
    expect(await h.valuesOf(frame, ['#otp'])).toEqual(['']);
    await h.clickFirstChoice(page, frame, await h.frameOffset(page, '#login-frame'));
    expectCodeOf(SECRET_B, await h.waitForValue(frame, '#otp'), t0);
    await page.close();
  });

  it('fills a React-controlled input so that the app state holds the code', async () => {
    const { page, t0 } = await open(`${primary.origin}/forms/react-controlled-otp.html`);
    const code = await h.waitForValue(page, '#code');
    expectCodeOf(SAMPLE_SECRET, code, t0);
    expect(await page.$eval('#state', (o) => o.textContent)).toBe(code);
    await page.close();
  });

  it('fills nothing on a look-alike origin, an unbound frame, enrolment, SMS, e-mail and non-code pages', async () => {
    const quiet: Array<[string, string, { outcome: 'refused' | 'no-account'; reason: string }]> = [
      [`${primary.lookAlikeOrigin}${KEYCLOAK}`, '#otp', { outcome: 'no-account', reason: 'none' }],
      [`${primary.origin}/forms/enrolment-qr-page.html`, '#totp-confirm', { outcome: 'no-account', reason: 'setup:none' }],
      [`${primary.origin}/forms/sms-code-page.html`, '#sms-code', { outcome: 'refused', reason: 'sms-or-email-code' }],
      [`${primary.origin}/forms/email-code-page.html`, '#vcode', { outcome: 'refused', reason: 'sms-or-email-code' }],
      [`${primary.origin}/forms/custom-field-code.html`, '#code', { outcome: 'refused', reason: 'no-otp-field' }],
    ];
    const framedUrl = secondary.lookAlikeOrigin + KEYCLOAK;
    const pages = await Promise.all(quiet.map(([url]) => open(url)));
    const framePage = await open(`${primary.origin}/frame.html?src=${encodeURIComponent(framedUrl)}`);
    const frame = await h.frameWithUrl(framePage.page, secondary.lookAlikeOrigin);
    for (const [i, { page }] of pages.entries()) {
      const [url, field, decided] = quiet[i]!;
      await session.waitForDecision({ url, ...decided });
      expect(await h.valuesOf(page, [field]), url).toEqual(['']);
      expect(await isPanelShown(page), url).toBe(false);
    }
    await session.waitForDecision({ url: framedUrl, outcome: 'no-account', reason: 'none' });
    expect(await h.valuesOf(frame, ['#otp'])).toEqual(['']);
    expect(await isPanelShown(framePage.page) || (await frame.$('portal-authenticator-panel')) !== null).toBe(false);
    await Promise.all([framePage, ...pages].map(({ page }) => page.close()));
  });

  it('fills the focused field on the keyboard shortcut / context menu, even one detection would not pick', async () => {
    const { page, t0 } = await open(`${primary.origin}/forms/custom-field-code.html`);
    await page.focus('#code');
    await h.sendFillFocused(extensionPage, `${primary.origin}/forms/custom-field-code.html`);
    expectCodeOf(SAMPLE_SECRET, await h.waitForValue(page, '#code'), t0);
    expect(await h.valuesOf(page, ['#title'])).toEqual(['']);
    await page.close();
  });

  it('shows the unlock hint next to the field on a bound site while locked, nothing elsewhere, and fills once unlocked', async () => {
    await session.request({ type: 'vault.lock' });
    try {
      const lookAlike = await open(`${primary.lookAlikeOrigin}${KEYCLOAK}`);
      const { page, t0 } = await open(primary.origin + KEYCLOAK);
      const panel = await h.panelBox(page);
      const field = await h.boxOf(page, '#otp');
      expect(Math.abs(panel.top - (field.bottom + 6))).toBeLessThanOrEqual(2);
      expect(Math.abs(panel.left - field.left)).toBeLessThanOrEqual(2);
      expect(await h.valuesOf(page, ['#otp'])).toEqual(['']);
      await shoot(page, 'locked-hint');
      await clickPanelPrimaryButton(page);
      await session.waitForDecision({ url: lookAlike.page.url(), outcome: 'no-account', reason: 'none' });
      expect(await isPanelShown(lookAlike.page)).toBe(false);
      // Unlocking (as in the popup the button opened) fills the waiting field without a reload.
      await session.provision({ passphrase: TEST_PASSPHRASE });
      expectCodeOf(SAMPLE_SECRET, await h.waitForValue(page, '#otp'), t0);
      expect(await isPanelShown(page)).toBe(false);
      await Promise.all([page.close(), lookAlike.page.close()]);
    } finally {
      await session.provision({ passphrase: TEST_PASSPHRASE });
    }
  });

  it('offers a chooser when two accounts are bound to the site, and fills the one clicked', async () => {
    const { account: carol } = await session.request({
      type: 'accounts.addUri',
      uri: sampleUri('Acme Corp', 'carol@example.com', SECRET_C),
      sites: [primary.origin],
    });
    try {
      const bound = (await session.request({ type: 'accounts.list' })).accounts.filter((a) => a.sites.includes(primary.origin));
      expect(bound).toHaveLength(2);
      const firstSecret = bound[0]!.id === carol.id ? SECRET_C : SAMPLE_SECRET;
      // The field is near the bottom of the window: the chooser must stay on screen and off the field.
      const { page, t0 } = await open(`${primary.origin}/low.html`);
      const panel = await h.panelBox(page);
      const field = await h.boxOf(page, '#otp');
      const viewportHeight = await page.evaluate(() => innerHeight);
      expect(panel.top).toBeGreaterThanOrEqual(0);
      expect(panel.top + panel.height, 'chooser inside the window').toBeLessThanOrEqual(viewportHeight);
      expect(panel.top + panel.height <= field.top || panel.top >= field.bottom, 'chooser clear of the field').toBe(true);
      expect(await h.valuesOf(page, ['#otp'])).toEqual(['']);
      await shoot(page, 'chooser');
      await h.clickFirstChoice(page);
      expectCodeOf(firstSecret, await h.waitForValue(page, '#otp'), t0);
      await page.close();
    } finally {
      await session.request({ type: 'accounts.remove', id: carol.id });
    }
  });

  it('auto-submits, and after a submission the same site gets the next code only once it is valid', async () => {
    await session.request({ type: 'settings.set', settings: { autoSubmit: true, freshnessSeconds: 0 } });
    try {
      const before = primary.submissions.length;
      const { page, t0 } = await open(primary.origin + KEYCLOAK);
      await expect.poll(() => primary.submissions.length, { timeout: 20_000 }).toBe(before + 1);
      const first = primary.submissions[before]!;
      expect(first.path).toBe('/realms/example/login-actions/authenticate');
      const step = h.stepOfCode(SAMPLE_SECRET, first.fields.otp ?? '', t0, first.at);
      expect(step, 'the submitted code is current').toBeDefined();

      await page.goto(primary.origin + KEYCLOAK);
      const nextStepAt = (step! + 1) * 30_000;
      // While the next code is not yet valid, a notice says why nothing is filled.
      if (nextStepAt - Date.now() > 6_000) {
        await h.panelBox(page, 5_000);
        expect(await h.valuesOf(page, ['#otp'])).toEqual(['']);
      }
      await expect.poll(() => primary.submissions.length, { timeout: 45_000, interval: 250 }).toBe(before + 2);
      const second = primary.submissions[before + 1]!;
      expect(second.fields.otp).toBe(h.oracleCode(SAMPLE_SECRET, step! + 1));
      expect(second.at).toBeGreaterThanOrEqual(nextStepAt - 100);
      await page.close();
    } finally {
      await session.request({ type: 'settings.set', settings: { autoSubmit: false, freshnessSeconds: 5 } });
    }
  }, 90_000);
});
