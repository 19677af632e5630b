/**
 * `npm start`: builds the extension for Chromium and Firefox, starts the demo portal, and — where a display
 * is available — opens Chromium with the extension loaded at the portal's admin page. Stays up until Ctrl-C.
 */
import { execFileSync } from 'node:child_process';
import { startPortal } from '../test/portal/server';
import { extensionOutputDir, PACKAGE_ROOT } from '../src/testing/extension-build';
import { launchWithExtension } from '../src/testing';

const port = Number(process.env.PORT ?? 8417);
const build = (args: string[]) => execFileSync('npx', ['wxt', 'build', ...args], { cwd: PACKAGE_ROOT, stdio: 'inherit' });

build([]);
build(['-b', 'firefox']);
const portal = await startPortal({ port, seed: true });
const chromeDir = extensionOutputDir('chromium');
const firefoxDir = extensionOutputDir('firefox');

console.log(`
Demo portal:  ${portal.url}/admin   (users: alice@example.com — classic portal, bob@example.com — console)
Extension:    Chromium ${chromeDir}
              Firefox  ${firefoxDir}

Load it by hand:
  Chrome/Edge/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked", choose the Chromium folder.
  Firefox:              open about:debugging#/runtime/this-firefox, "Load Temporary Add-on", choose manifest.json in the Firefox folder.
Then follow the portal: enable MFA for alice on the admin page, open the outbox, set a password, and accept the
"Add account" offer on the QR page.
`);

let close = async () => portal.close();
if (process.env.DISPLAY && process.env.CI !== 'true') {
  try {
    const session = await launchWithExtension({ browser: 'chromium', headless: false });
    const page = await session.browser.newPage();
    await page.goto(`${portal.url}/admin`);
    console.log('Opened Chromium with the extension loaded.');
    close = async () => {
      await session.close();
      await portal.close();
    };
  } catch (error) {
    console.log(`Could not open Chromium (${(error as Error).message}); load the extension by hand as above.`);
  }
} else {
  console.log('No display found: open the portal in a browser with the extension loaded.');
}
console.log('Press Ctrl-C to stop.');
process.on('SIGINT', () => void close().finally(() => process.exit(0)));
