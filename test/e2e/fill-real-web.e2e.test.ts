import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clickPanelPrimaryButton, type ExtensionSession, launchWithExtension } from '../../src/testing';
import { BROWSERS, SAMPLE_SECRET, TEST_PASSPHRASE, sampleUri } from './browsers';
import { type FixtureServer, startFixtureServer } from './fill/fixture-server';
import * as h from './fill/helpers';

// Secrets of authenticators being set up again on the portal (re-enrolment): each test its own.
const NEW_SECRETS = ['MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', 'ON2HE2LOM4QHI2LNMUQGE2LUMVZS4ZDP'];

/** The one-time-code steps of #14's classes, each beside its must-not twin, in both browsers. */
describe.each(BROWSERS)('filling on pages nobody here wrote, in %s', (browserName) => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let extensionPage: Page;

  // Every tab a test opens, closed after it whatever happened.
  let opened: Page[] = [];
  const open = async (path: string): Promise<{ page: Page; t0: number; url: string }> => {
    const page = await h.within('open a tab', 15_000, session.browser.newPage());
    opened.push(page);
    const t0 = Date.now();
    await h.within(`load ${path}`, 20_000, page.goto(server.origin + path));
    return { page, t0, url: page.url() };
  };
  const expectCurrent = (secret: string, code: string | undefined, t0: number) =>
    expect(h.stepOfCode(secret, code ?? '', t0, Date.now()), `${code} is a current code of the account`).toBeDefined();
  /** Submits the form holding `selector` as a person would, and returns what the server received. */
  const submit = async (page: Page, selector: string) => {
    const before = server.submissions.length;
    // Submitted after the evaluation returns: a navigation under a running evaluation can leave it hanging.
    await h.within('submit the form', 10_000, page.$eval(selector, (el) => void setTimeout(() => (el as HTMLInputElement).form!.requestSubmit(), 0)));
    await expect.poll(() => server.submissions.length, { timeout: 10_000 }).toBe(before + 1);
    return server.submissions[before]!.fields;
  };
  const tabIdOf = (url: string): Promise<number> =>
    extensionPage.evaluate(async (u: string) => {
      type Tabs = { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
      const scope = globalThis as unknown as { browser?: { tabs: Tabs }; chrome: { tabs: Tabs } };
      const tab = (await (scope.browser ?? scope.chrome).tabs.query({})).find((t) => t.url === u);
      if (tab?.id === undefined) throw new Error(`no tab at ${u}`);
      return tab.id;
    }, url);

  beforeAll(async () => {
    session = await launchWithExtension({ browser: browserName });
    await session.provision({ passphrase: TEST_PASSPHRASE, accounts: [{ uri: sampleUri('Acme Corp', 'alice@example.com') }] });
    await session.request({ type: 'debug.setRecording', on: true });
    extensionPage = await session.openExtensionPage('options.html').catch(() => session.openExtensionPage('options.html'));
  });
  // Each test gets a site of its own (a new port is a new origin): a code one test submits never makes another wait.
  beforeEach(async () => {
    server = await startFixtureServer();
    const [saved] = (await session.request({ type: 'accounts.list' })).accounts;
    await session.request({ type: 'accounts.update', id: saved!.id, patch: { sites: [server.origin] } });
  });
  afterEach(async () => {
    await Promise.all(opened.map((page) => h.within('close a tab', 10_000, page.close()).catch(() => undefined)));
    opened = [];
    await server?.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(['dialog', 'none'])('fills a two-factor modal (role=%s) that fades in over a sign-in form that stays', async (role) => {
    const { page, t0 } = await open(`/late-dialog.html?role=${role}`);
    const code = await h.waitForValue(page, '#mfa-code');
    expect(await h.within('read the sign-in fields', 10_000, h.valuesOf(page, ['[name=email]', '[name=password]']))).toEqual(['alice@example.com', 'hunter22']);
    const received = await submit(page, '#mfa-code');
    expect(received.code).toBe(code);
    expectCurrent(SAMPLE_SECRET, received.code, t0);
  });

  it('fills the token field of a login form with meaningless names, never the user field', async () => {
    const { page, t0 } = await open('/forms/login-token-one-form.html');
    await h.waitForValue(page, '#token');
    const received = await submit(page, '#token');
    expectCurrent(SAMPLE_SECRET, received.token, t0);
    expect([received.u, received.p]).toEqual(['', '']);
  });

  it('leaves a login form without any token field alone, and says why', async () => {
    const { page, url } = await open('/forms/login-token-username-only.html');
    await session.waitForDecision({ url, outcome: 'refused', reason: 'no-otp-field' });
    expect(await h.valuesOf(page, ['#u', '#p'])).toEqual(['', '']);
  });

  it('fills the password-typed field of a challenge step that asks for the OTP', async () => {
    const { page, t0 } = await open('/forms/challenge-response-otp.html');
    await h.waitForValue(page, '#password');
    const received = await submit(page, '#password');
    expectCurrent(SAMPLE_SECRET, received.password, t0);
    expect(received.username).toBe('alice');
  });

  it('never fills the real password field of the first step, though the page mentions the OTP to come', async () => {
    const { page, url } = await open('/forms/challenge-first-step-password.html');
    await session.waitForDecision({ url, outcome: 'refused', reason: 'no-otp-field' });
    expect(await h.valuesOf(page, ['#password'])).toEqual(['']);
  });

  it.each([
    ['/forms/reenrol-confirm-no-qr.html', '#confirm-code'],
    [`/setup.html?qr=hidden&secret=${NEW_SECRETS[0]}`, '#confirm-code'],
  ])('never fills the saved account into a set-up step that confirms a new authenticator: %s', async (path, selector) => {
    const { page, url } = await open(path);
    await session.waitForDecision({ url, outcome: 'no-account', reason: 'setup:none' });
    expect(await h.valuesOf(page, [selector])).toEqual(['']);
  });

  it('fills the confirmation field with the account just captured through the popup’s scan, not the saved one', async () => {
    const { page, t0, url } = await open(`/setup.html?secret=${NEW_SECRETS[0]}`);
    await session.waitForDecision({ url, outcome: 'no-account', reason: 'setup:none' });
    const report = await session.request({ type: 'qr.scanTab', tabId: await tabIdOf(url) });
    expect(report.accounts).toEqual([{ issuer: 'Acme Corp', accountName: 'alice@example.com', duplicate: false }]);
    const { added } = await session.request({ type: 'qr.acceptScan', token: report.token!, sites: [server.origin] });
    try {
      await h.waitForValue(page, '#confirm-code');
      const received = await submit(page, '#confirm-code');
      expectCurrent(NEW_SECRETS[0]!, received.code, t0);
      expect(h.stepOfCode(SAMPLE_SECRET, received.code ?? '', t0, Date.now()), 'not the saved account’s code').toBeUndefined();
    } finally {
      await Promise.all(added.map((a) => session.request({ type: 'accounts.remove', id: a.id })));
      }
  });

  it('after the in-page offer adds the new account, the fill shortcut on that set-up page fills it, never the older one', async () => {
    const before = new Set((await session.request({ type: 'accounts.list' })).accounts.map((a) => a.id));
    const { page, t0, url } = await open(`/setup.html?secret=${NEW_SECRETS[1]}`);
    try {
      await clickPanelPrimaryButton(page);
      expectCurrent(NEW_SECRETS[1]!, await h.waitForValue(page, '#confirm-code'), t0);
      await page.$eval('#confirm-code', (el) => void ((el as HTMLInputElement).value = ''));
      await page.focus('#confirm-code');
      const since = Date.now();
      await h.sendFillFocused(extensionPage, url);
      await session.waitForDecision({ url, outcome: 'filled', reason: 'setup:fill', since });
      const again = await h.waitForValue(page, '#confirm-code');
      expectCurrent(NEW_SECRETS[1]!, again, t0);
      expect(h.stepOfCode(SAMPLE_SECRET, again, t0, Date.now()), 'not the saved account’s code').toBeUndefined();
    } finally {
      const added = (await session.request({ type: 'accounts.list' })).accounts.filter((a) => !before.has(a.id));
      await Promise.all(added.map((a) => session.request({ type: 'accounts.remove', id: a.id })));
      }
  });
});
