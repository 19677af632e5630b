import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KitError } from './kit-error';
import type { BrowserName } from './find-browser';

/** Raised when the unpacked extension the kit loads is not where it should be. */
export class ExtensionNotFound extends KitError {}

/** The unpacked extension shipped inside this package (`extension/` beside `dist/` and `src/`). */
export function bundledExtensionDir(browser: BrowserName): string {
  return fileURLToPath(new URL(`../extension/${browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv2'}`, import.meta.url));
}

/** Checks that a folder holds an unpacked extension (its manifest.json) and returns it. */
export function requireExtensionDir(dir: string): string {
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  throw new ExtensionNotFound(
    'testing/no-extension',
    `No extension build at ${dir} (manifest.json is missing). Reinstall @portal-authenticator/testing, or pass extensionPath pointing to an unpacked build.`,
  );
}
