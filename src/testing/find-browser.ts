import { existsSync } from 'node:fs';
import { PortalError } from '../errors';

/** The two browser families the tester kit can drive. */
export type BrowserName = 'chromium' | 'firefox';

/** Raised when no usable browser executable can be found; says what to install. */
export class BrowserNotFound extends PortalError {}

const USUAL_PATHS: Record<BrowserName, string[]> = {
  chromium: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  ],
  firefox: [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  ],
};

const ENV_VARIABLE: Record<BrowserName, string> = { chromium: 'CHROME_PATH', firefox: 'FIREFOX_PATH' };

/** Picks the browser executable: the explicit path, then CHROME_PATH / FIREFOX_PATH, then the usual install locations. */
export function findBrowserExecutable(
  browser: BrowserName,
  explicitPath?: string,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  if (explicitPath) {
    if (exists(explicitPath)) return explicitPath;
    throw new BrowserNotFound('testing/no-browser', `No browser at ${explicitPath}. Check the executablePath you passed.`);
  }
  const fromEnv = env[ENV_VARIABLE[browser]];
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new BrowserNotFound('testing/no-browser', `${ENV_VARIABLE[browser]} points to ${fromEnv}, which does not exist.`);
  }
  const found = USUAL_PATHS[browser].find(exists);
  if (found) return found;
  const install =
    browser === 'chromium'
      ? 'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chromium or Chrome for Testing binary. Branded Google Chrome 137+ cannot load unpacked extensions from the command line.'
      : 'Install Firefox (Debian: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH to a Firefox binary.';
  throw new BrowserNotFound('testing/no-browser', `No ${browser} found in the usual places. ${install}`);
}
