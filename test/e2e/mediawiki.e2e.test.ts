import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickPanelPrimaryButton, type ExtensionSession, launchWithExtension } from '../../src/testing';
import { createWikiUser, readOathRow, type RunningWiki, startWiki, WIKI_NAME } from '../mediawiki/wiki';
import { BROWSERS, TEST_PASSPHRASE } from './browsers';
import {
  contentText,
  leaveTimeInPeriod,
  PERIOD_MS,
  signOut,
  stepOfCode,
  submitPassword,
  waitForWaitingPanel,
  whoAmI,
} from './mediawiki-steps';
import { clickAndWait, waitForFilled } from './portal-steps';

// A real web app, unmodified: MediaWiki with its OATHAuth extension from Debian's packages, on PHP's built-in
// server with SQLite (installed once into .cache/mediawiki by test/mediawiki/wiki.ts).
const PASSWORD = 'Wiki-e2e-pass-1';
const OTP_FIELD = '#wpOATHToken';

describe.each(BROWSERS)('MediaWiki with OATHAuth in %s', (browserName) => {
  let wiki: RunningWiki;
  let session: ExtensionSession;

  beforeAll(async () => {
    wiki = await startWiki();
    session = await launchWithExtension({ browser: browserName });
    await session.provision({ passphrase: TEST_PASSPHRASE });
  });
  afterAll(async () => {
    await session?.close();
    await wiki?.stop();
  });

  it('enrols from the QR canvas, confirms with the filled first code, then signs in with filled codes, twice in one period', { timeout: 180_000 }, async () => {
    const started = Date.now();
    const user = `Tester-${browserName}-${Date.now().toString(36)}`;
    await createWikiUser(user, PASSWORD);
    const page = await session.browser.newPage();

    await submitPassword(page, wiki.origin, user, PASSWORD);
    expect((await whoAmI(page)).name).toBe(user);

    // Two-factor set-up: the wiki's page script draws the QR code on a canvas after load.
    await page.goto(`${wiki.origin}/index.php?title=Special:OATHManage`);
    await clickAndWait(page, 'a[href*="module=totp"]');
    await page.waitForSelector('.mw-display-qrcode canvas');
    expect(await readOathRow(user)).toBeUndefined();

    await clickPanelPrimaryButton(page);
    await expect.poll(async () => (await session.request({ type: 'accounts.list' })).accounts.length, { timeout: 10_000 }).toBe(1);
    const [account] = (await session.request({ type: 'accounts.list' })).accounts;
    expect(account).toMatchObject({ issuer: WIKI_NAME, accountName: user, sites: [wiki.origin] });

    // The extension fills the first code into the confirmation field by itself; the person only submits.
    const enrolCode = await waitForFilled(page, 'input[name="token"]');
    await clickAndWait(page, '.mw-htmlform-submit button[type="submit"]');
    expect(await contentText(page)).toContain('Validated two-factor credentials');
    const row = await readOathRow(user);
    expect(row?.module).toBe('totp');
    const secret = row!.secret;
    const enrolStep = stepOfCode(secret, enrolCode);
    expect(enrolStep, 'the confirmation code belongs to the secret the wiki stored').toBeDefined();

    // First sign-in with two factors: the code is filled into the wiki's field; it must be later than the enrolment's.
    await signOut(page, wiki.origin);
    expect((await whoAmI(page)).id).toBe(0);
    await leaveTimeInPeriod(enrolStep!);
    await submitPassword(page, wiki.origin, user, PASSWORD);
    const firstCode = await waitForFilled(page, OTP_FIELD, 6, 45_000);
    const firstStep = stepOfCode(secret, firstCode)!;
    expect(firstStep).toBeGreaterThan(enrolStep!);
    await clickAndWait(page, '#wpLoginAttempt');
    expect(new URL(page.url()).pathname).toBe('/index.php/Main_Page');
    expect(await page.$eval('#pt-userpage', (el) => el.textContent?.trim())).toBe(user);
    expect((await whoAmI(page)).name).toBe(user);

    // Second sign-in in the same period: the wiki would refuse that period's code again, so the extension shows
    // its waiting panel and fills the next period's code when it becomes valid.
    await signOut(page, wiki.origin);
    await submitPassword(page, wiki.origin, user, PASSWORD);
    expect(Math.floor(Date.now() / PERIOD_MS), 'the second sign-in reached the code field within the first one\'s period').toBe(firstStep);
    await waitForWaitingPanel(page, OTP_FIELD);
    const secondCode = await waitForFilled(page, OTP_FIELD, 6, 45_000);
    const filledAt = Date.now();
    expect(stepOfCode(secret, secondCode)).toBe(firstStep + 1);
    expect(filledAt, 'the next code is filled once its period has begun').toBeGreaterThanOrEqual((firstStep + 1) * PERIOD_MS - 50);
    await clickAndWait(page, '#wpLoginAttempt');
    expect(new URL(page.url()).pathname).toBe('/index.php/Main_Page');
    expect((await whoAmI(page)).name).toBe(user);

    await page.close();
    console.log(`MediaWiki flow in ${browserName}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
