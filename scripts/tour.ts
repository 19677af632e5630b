/**
 * `npm run tour`: the whole journey, headless — admin enables MFA, the user sets a password, the extension captures
 * the QR code, then logins with filled codes (twice in one period: the second waits for the next code) — for the
 * classic portal and the console with six digit boxes. Prints each step and saves a screenshot per step in
 * tour-screenshots/. Options: --browser chromium|firefox (default chromium), --headed.
 */
import { resolve } from 'node:path';
import { launchWithExtension, type BrowserName, type ExtensionSession } from '../src/testing';
import { PACKAGE_ROOT } from '../src/testing/extension-build';
import { startPortal, type Portal } from '../test/portal/server';
import { TEST_PASSPHRASE } from '../test/e2e/browsers';
import { runClassicFlow } from './tour/classic-flow';
import { runConsoleFlow } from './tour/console-flow';
import { parseTourArgs } from './tour/args';
import { createTourReporter, formatClock, TourStepFailed } from './tour/reporter';

const SCREENSHOT_DIR = resolve(PACKAGE_ROOT, 'tour-screenshots');

async function runTour(browser: BrowserName, headless: boolean): Promise<number> {
  const reporter = await createTourReporter({ dir: SCREENSHOT_DIR, prefix: browser });
  let portal: Portal | undefined;
  let session: ExtensionSession | undefined;
  try {
    portal = await startPortal({ port: 0, seed: true });
    console.log(`[${formatClock(new Date())}] ✓ Demo portal at ${portal.url}`);
    session = await launchWithExtension({ browser, headless });
    await session.provision({ passphrase: TEST_PASSPHRASE });
    console.log(`[${formatClock(new Date())}] ✓ ${browser} started with the extension loaded, vault unlocked (no accounts yet)`);
    const context = { session, portalUrl: portal.url, portalOrigin: portal.origin, reporter };

    reporter.section('Classic user portal (alice@example.com): one-time code on the login form');
    await runClassicFlow(context);
    reporter.section('Console (bob@example.com): six digit boxes, first code confirms the enrolment');
    await runConsoleFlow(context);

    console.log(`\nTour complete in ${browser}: ${reporter.shots.length} screenshots in ${SCREENSHOT_DIR}`);
    return 0;
  } catch (error) {
    if (error instanceof TourStepFailed) {
      console.error(`\nTour failed in ${browser}. ${error.message}`);
      if (error.screenshot) console.error(`Screenshot of the page at that moment: ${error.screenshot}`);
    } else {
      const message = (error as { userMessage?: string }).userMessage ?? (error as Error).message ?? String(error);
      console.error(`\nTour could not run in ${browser}: ${message}`);
    }
    return 1;
  } finally {
    await session?.close();
    await portal?.close();
  }
}

const args = parseTourArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(args.message);
  process.exit(2);
}
console.log(`Portal Authenticator tour in ${args.browser}${args.headless ? ' (headless)' : ''}\n`);
process.exit(await runTour(args.browser, args.headless));
