import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserName } from '../../packages/testing/src/find-browser';

/** The package root (where package.json and .output live). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where WXT writes the unpacked extension for each browser. */
export function extensionOutputDir(browser: BrowserName, root = PACKAGE_ROOT): string {
  return join(root, '.output', browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
}

/** Returns the unpacked extension folder, building it first when it is missing. */
export function ensureExtensionBuilt(browser: BrowserName, root = PACKAGE_ROOT): string {
  const dir = extensionOutputDir(browser, root);
  if (!existsSync(join(dir, 'manifest.json'))) {
    const args = ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])];
    execFileSync('npx', args, { cwd: root, stdio: 'inherit' });
  }
  return dir;
}
