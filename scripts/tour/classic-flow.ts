import type { Page } from 'puppeteer-core';
import { clickPanelPrimaryButton, type ExtensionSession } from '../../src/testing';
import {
  clickAndWait,
  enableMfa,
  heading,
  openResetEmail,
  setNewPassword,
  typeClassicLogin,
  typeInto,
  waitForFilled,
} from '../../test/e2e/portal-steps';
import { hasPanelLabelled, readCode, waitForPanel, waitForPanelGone, waitForPanelOrFill } from './fill-watch';
import { currentTimeStep, secondsLeftInPeriod, waitForRoomInPeriod } from './period';
import type { TourReporter } from './reporter';

/** What both flows need: the browser session, the portal's address, the reporter. */
export interface TourContext {
  session: ExtensionSession;
  portalUrl: string;
  portalOrigin: string;
  reporter: TourReporter;
}

const EMAIL = 'alice@example.com';
const PASSWORD = 'a new portal password 42';
const PERIOD = 30;
// Enough for a login, a log-out and the start of the second login on a slow machine.
const ROOM_NEEDED = 18;

/** Throws with a readable message when a condition of the journey does not hold. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Fails the step unless the page's heading says the user is signed in. */
export async function expectSignedIn(page: Page): Promise<string> {
  const text = await heading(page);
  check(text.includes('Welcome'), `expected the "Welcome" page, the page says "${text}"`);
  return text;
}

/**
 * The 2017 User Portal: admin enables MFA, the user sets a password from the email, the extension captures the QR,
 * then two logins in one period — the second gets the next code, never the one already used.
 */
export async function runClassicFlow({ session, portalUrl, portalOrigin, reporter }: TourContext): Promise<void> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  const { step } = reporter;

  await step(`Admin enables MFA for ${EMAIL}`, page, () => enableMfa(page, portalUrl, EMAIL));
  await step('The user opens the password-reset email', page, () => openResetEmail(page, portalUrl));
  await step('The user sets a password; the portal shows the QR code', page, () => setNewPassword(page, PASSWORD));
  await step('The extension offers to add the account', page, () => waitForPanel(page));
  await step('Accepted: the account is saved', page, async () => {
    await clickPanelPrimaryButton(page);
    const deadline = Date.now() + 15_000;
    let accounts = (await session.request({ type: 'accounts.list' })).accounts;
    while (accounts.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      accounts = (await session.request({ type: 'accounts.list' })).accounts;
    }
    const account = accounts.find((a) => a.accountName === EMAIL);
    check(account !== undefined, `no account for ${EMAIL} was saved`);
    check(account.sites.includes(portalOrigin), `the account is bound to ${account.sites.join(', ')}, not ${portalOrigin}`);
    await waitForPanelGone(page, 10_000).catch(() => undefined);
    return `${account.issuer}: ${account.accountName}, bound to ${portalOrigin}`;
  });
  await step('Continue: signed in (no code needed right after enrolment)', page, async () => {
    await clickAndWait(page, '#continue');
    return expectSignedIn(page);
  });
  await step('Log out', page, () => clickAndWait(page, '#logout'));

  const left = secondsLeftInPeriod(PERIOD);
  if (left < ROOM_NEEDED) reporter.note(`Waiting ${Math.ceil(left)} s for a new period, so that the next two logins fall in the same one`);
  await waitForRoomInPeriod(ROOM_NEEDED, PERIOD);
  let firstCode = '';
  await step('Log in: the extension fills the one-time code', page, async () => {
    await typeClassicLogin(page, portalUrl, EMAIL, PASSWORD);
    firstCode = await waitForFilled(page, '#otp', 6, 20_000);
  });
  const firstStep = currentTimeStep(PERIOD);
  await step('The portal accepts the code', page, async () => {
    await clickAndWait(page, '#login');
    return expectSignedIn(page);
  });
  await step('Log out', page, () => clickAndWait(page, '#logout'));

  let sign: 'panel' | 'filled' = 'filled';
  await step('Log in again in the same period: the extension holds the used code back', page, async () => {
    const samePeriod = currentTimeStep(PERIOD) === firstStep;
    await page.goto(`${portalUrl}/login`);
    sign = await waitForPanelOrFill(page, '#otp');
    await typeInto(page, '#email', EMAIL);
    await typeInto(page, '#password', PASSWORD);
    if (!samePeriod) return 'a new period had begun already, so there was nothing to hold back';
    check(sign === 'panel', 'the code was filled at once although this site already used the current one');
    const labelled = await hasPanelLabelled(page, 'Waiting for a fresh code');
    return `in-page panel${labelled ? ' "Waiting for a fresh code"' : ''}: next code in about ${Math.ceil(secondsLeftInPeriod(PERIOD))} s`;
  });
  await step('The next code is filled', page, async () => {
    const code = await waitForFilled(page, '#otp', 6, 40_000);
    check(code !== firstCode, 'the second login got the same code as the first');
    return sign === 'panel' ? 'a different code than the first login' : undefined;
  });
  await step('The portal accepts it', page, async () => {
    check((await readCode(page, '#otp')).length === 6, 'the code field is no longer filled');
    await clickAndWait(page, '#login');
    return expectSignedIn(page);
  });
  await page.close();
}
