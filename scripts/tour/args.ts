import type { BrowserName } from '../../src/testing';

/** The tour's command line, read: which browser, and whether to show its window. */
export type TourArgs = { ok: true; browser: BrowserName; headless: boolean } | { ok: false; message: string };

const USAGE = 'Usage: npm run tour [-- --browser chromium|firefox] [--headed]';

/** Reads `--browser chromium|firefox` (also `--browser=…`) and `--headed`; anything else is an error with the usage. */
export function parseTourArgs(argv: readonly string[]): TourArgs {
  let browser: BrowserName = 'chromium';
  let headless = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--headed') {
      headless = false;
    } else if (arg === '--browser' || arg.startsWith('--browser=')) {
      const value = arg === '--browser' ? argv[++i] : arg.slice('--browser='.length);
      if (value !== 'chromium' && value !== 'firefox') {
        return { ok: false, message: `--browser must be chromium or firefox, not "${value ?? ''}". ${USAGE}` };
      }
      browser = value;
    } else if (arg === '--help' || arg === '-h') {
      return { ok: false, message: USAGE };
    } else {
      return { ok: false, message: `Unknown option "${arg}". ${USAGE}` };
    }
  }
  return { ok: true, browser, headless };
}
