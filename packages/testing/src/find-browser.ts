import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KitError } from './kit-error';

/** The two browser families the tester kit can drive. */
export type BrowserName = 'chromium' | 'firefox';

/** Raised when no usable browser executable can be found; says what to install. */
export class BrowserNotFound extends KitError {}

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

/** Where each Chrome for Testing build's binary sits inside its folder, per platform. */
const CHROME_FOR_TESTING_BINARIES = [
  join('chrome-linux64', 'chrome'),
  join('chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
  join('chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
  join('chrome-win64', 'chrome.exe'),
];

/**
 * Chrome for Testing as `npx @puppeteer/browsers install chrome@stable` (or a full `puppeteer` install) leaves it:
 * `<cache>/chrome/<platform>-<version>/<binary>`, newest version first.
 */
function chromeForTestingPaths(env: NodeJS.ProcessEnv, list: (dir: string) => string[]): string[] {
  const caches = [env.PUPPETEER_CACHE_DIR, join(homedir(), '.cache', 'puppeteer'), process.cwd()].filter((d): d is string => !!d);
  return caches.flatMap((cache) =>
    list(join(cache, 'chrome'))
      .sort()
      .reverse()
      .flatMap((build) => CHROME_FOR_TESTING_BINARIES.map((binary) => join(cache, 'chrome', build, binary))),
  );
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** What to install, named for each family, for the error when nothing is found. */
export const INSTALL_HINT: Record<BrowserName, string> = {
  chromium:
    'Install one of: Chrome for Testing (`npx @puppeteer/browsers install chrome@stable`, found in ~/.cache/puppeteer or ./chrome, or point CHROME_PATH at its binary); ' +
    "Debian's or Ubuntu's Chromium (`sudo apt-get install chromium`, or `chromium-browser`); or set CHROME_PATH to any Chromium binary. " +
    'Branded Google Chrome 137+ cannot load an unpacked extension this way.',
  firefox:
    'Install Firefox 140 or newer (Debian: `sudo apt-get install firefox-esr`; elsewhere `npx @puppeteer/browsers install firefox@stable`) and set FIREFOX_PATH to its binary if it is not in /usr/bin.',
};

/**
 * Picks the browser executable: the explicit path, then CHROME_PATH / FIREFOX_PATH, then the usual install
 * locations (for Chromium also Chrome for Testing in Puppeteer's cache).
 */
export function findBrowserExecutable(
  browser: BrowserName,
  explicitPath?: string,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  list: (dir: string) => string[] = listDir,
): string {
  if (explicitPath) {
    if (exists(explicitPath)) return explicitPath;
    throw new BrowserNotFound('testing/no-browser', `No browser at ${explicitPath}. Check the executablePath you passed. ${INSTALL_HINT[browser]}`);
  }
  const variable = ENV_VARIABLE[browser];
  const fromEnv = env[variable];
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new BrowserNotFound('testing/no-browser', `${variable} points to ${fromEnv}, which does not exist. ${INSTALL_HINT[browser]}`);
  }
  const candidates = browser === 'chromium' ? [...USUAL_PATHS.chromium, ...chromeForTestingPaths(env, list)] : USUAL_PATHS.firefox;
  const found = candidates.find(exists);
  if (found) return found;
  throw new BrowserNotFound('testing/no-browser', `No ${browser} found (looked at ${variable} and ${USUAL_PATHS[browser].join(', ')}). ${INSTALL_HINT[browser]}`);
}
