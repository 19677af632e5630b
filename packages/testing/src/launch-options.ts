import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Launch options both the Puppeteer and the Playwright entry take. */
export interface CommonLaunchOptions {
  /** Default true. */
  headless?: boolean;
  /** Browser binary; else CHROME_PATH / FIREFOX_PATH, else the usual install locations (and Chrome for Testing in Puppeteer's cache). */
  executablePath?: string;
  /**
   * Profile folder; a fresh temporary one (removed on close) when omitted. A folder you pass is kept: launch again
   * with it to find the vault you provisioned (see the README on keeping a prepared profile).
   */
  userDataDir?: string;
  /** Unpacked extension folder; the build shipped in this package when omitted. */
  extensionPath?: string;
  /** Extra browser arguments. */
  args?: string[];
  /** The colour scheme pages see (`prefers-color-scheme`); the system's when omitted. */
  colorScheme?: 'light' | 'dark';
  /** The browser's UI language, which the extension speaks (e.g. `de`, `ar`); the system's when omitted. Firefox needs its language pack. */
  locale?: string;
}

/** The profile folder to launch with, and how to clean it up: only a folder the kit made itself is removed. */
export async function openProfile(userDataDir: string | undefined, label: string): Promise<{ dir: string; dispose(): Promise<void> }> {
  if (userDataDir) return { dir: userDataDir, dispose: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), `portal-auth-${label}-`));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }).catch(() => undefined) };
}
