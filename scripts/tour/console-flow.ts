import { clickPanelPrimaryButton } from '../../src/testing';
import { clickAndWait, signInToConsole } from '../../test/e2e/portal-steps';
import { check, expectSignedIn, type TourContext } from './classic-flow';
import { hasPanelLabelled, waitForPanel, waitForPanelOrFill } from './fill-watch';
import { secondsLeftInPeriod } from './period';

const EMAIL = 'bob@example.com';
const PASSWORD = 'correct horse battery staple';
const DIGITS = 'input.otp-digit';
const PERIOD = 30;

/**
 * Today's console: username, password, an enrolment page whose six digit boxes confirm the first code, then a
 * login that picks "Verification Code (TOTP)" and gets the six boxes filled.
 */
export async function runConsoleFlow({ session, portalUrl, reporter }: TourContext): Promise<void> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  const { step } = reporter;

  await step(`Console: ${EMAIL} signs in; MFA is pending, so the portal shows the QR code`, page, async () => {
    await signInToConsole(page, portalUrl, EMAIL, PASSWORD);
    await page.waitForSelector('img#totp-qr');
  });
  await step('The extension offers to add the account', page, () => waitForPanel(page));
  await step('Accepted: saved, and the first code confirms the enrolment in the six boxes', page, async () => {
    await Promise.all([page.waitForNavigation({ timeout: 20_000 }), clickPanelPrimaryButton(page)]);
    const { accounts } = await session.request({ type: 'accounts.list' });
    check(accounts.some((a) => a.accountName === EMAIL), `no account for ${EMAIL} was saved`);
    return expectSignedIn(page);
  });
  await step('Log out', page, () => clickAndWait(page, '#logout'));
  await step('Log in and choose "Verification Code (TOTP)"', page, async () => {
    await signInToConsole(page, portalUrl, EMAIL, PASSWORD);
    await clickAndWait(page, '#method-totp');
    const sign = await waitForPanelOrFill(page, DIGITS);
    if (sign === 'filled') return 'filled at once (a new period had begun since the enrolment code)';
    const labelled = await hasPanelLabelled(page, 'Waiting for a fresh code');
    const left = Math.ceil(secondsLeftInPeriod(PERIOD));
    return `the enrolment code was just used: panel${labelled ? ' "Waiting for a fresh code"' : ''}, next code in about ${left} s`;
  });
  await step('The six boxes are filled and the portal accepts the code', page, async () => {
    await page.waitForFunction(() => location.pathname.endsWith('/home'), { timeout: 45_000 });
    return expectSignedIn(page);
  });
  await page.close();
}
