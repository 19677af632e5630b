import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../src/otp';
import { type BrowserName, launchWithExtension, type ExtensionSession } from '../../src/testing';
import { BROWSERS, TEST_PASSPHRASE } from './browsers';
import { readTree } from './profile-files';

const SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';
const ACCOUNT_NAME = 'plaintext-probe@example.com';
const PLAIN_MARKER = 'PLAINMARKER-7f3a9c';

function contains(files: Buffer[], needle: Buffer): boolean {
  return files.some((file) => file.includes(needle));
}

describe('no plaintext at rest in Chromium', () => {
  it('a secret added with a passphrase appears in no file of the browser profile, as base32, hex or raw bytes', async () => {
    const session = await launchWithExtension({ browser: 'chromium' });
    const profile = session.userDataDir;
    try {
      await session.provision({
        passphrase: TEST_PASSPHRASE,
        accounts: [{ uri: `otpauth://totp/Probe:${ACCOUNT_NAME}?secret=${SECRET}&issuer=Probe`, sites: ['https://portal.example.com'] }],
      });
      // Positive control: something the extension stores in the clear must be findable by the same search.
      const page = await session.openExtensionPage('popup.html');
      await page.evaluate((marker) => chrome.storage.local.set({ probe: marker }), PLAIN_MARKER);
      await session.request({ type: 'vault.lock' });
      await session.browser.close(); // flushes the profile's databases to disk
      const files = await readTree(profile);
      expect(contains(files, Buffer.from(PLAIN_MARKER)), 'the search finds plain text the extension stored').toBe(true);
      const raw = Buffer.from(decodeBase32(SECRET));
      expect(contains(files, Buffer.from(SECRET))).toBe(false);
      expect(contains(files, Buffer.from(raw.toString('hex')))).toBe(false);
      expect(contains(files, Buffer.from(raw.toString('hex').toUpperCase()))).toBe(false);
      expect(contains(files, raw)).toBe(false);
      expect(contains(files, Buffer.from(ACCOUNT_NAME))).toBe(false);
    } finally {
      await session.close();
    }
  });
});

/** A bound page to test against, and a session with its account. */
function useBoundPage(browserName: BrowserName) {
  const env = {} as { session: ExtensionSession; server: Server; origin: string };
  beforeAll(async () => {
    env.server = createServer((_req, res) => res.end('<!doctype html><title>Portal</title><h1>Sign in</h1>'));
    await new Promise<void>((resolve) => env.server.listen(0, '127.0.0.1', resolve));
    env.origin = `http://127.0.0.1:${(env.server.address() as AddressInfo).port}`;
    env.session = await launchWithExtension({ browser: browserName });
    await env.session.provision({ passphrase: TEST_PASSPHRASE, accounts: [{ uri: `otpauth://totp/Probe:p?secret=${SECRET}&issuer=Probe`, sites: [env.origin] }] });
  });
  afterAll(async () => {
    await env.session?.close();
    await new Promise((resolve) => env.server?.close(resolve));
  });
  return env;
}

describe.each(BROWSERS)('what web pages can and cannot reach in %s', (browserName) => {
  const env = useBoundPage(browserName);

  it('the page itself sees no trace of the extension API or the secret', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(`${env.origin}/`);
    const seen = await page.evaluate(() => ({
      runtime: typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
      html: document.documentElement.outerHTML,
    }));
    expect(seen.runtime).not.toBe('function');
    expect(seen.html).not.toContain(SECRET);
    await page.close();
  });

});

// Firefox's WebDriver BiDi gives no handle on content-script realms; there the router's unit tests cover this.
describe('what content scripts cannot reach in chromium', () => {
  const env = useBoundPage('chromium');

  it('a content script is refused privileged requests and cannot read session storage', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(`${env.origin}/`);
    await expect.poll(() => page.extensionRealms().length, { timeout: 10_000 }).toBeGreaterThan(0);
    const realm = page.extensionRealms()[0]!;
    const result = await realm.evaluate(async () => {
      const lock = await chrome.runtime.sendMessage({ type: 'vault.lock' });
      const exported = await chrome.runtime.sendMessage({ type: 'export.uris' });
      let session: string;
      try {
        session = JSON.stringify(await chrome.storage.session.get(null));
      } catch (error) {
        session = `refused: ${(error as Error).message}`;
      }
      return { lock, exported, session };
    });
    expect(result.lock).toMatchObject({ ok: false, error: { code: 'protocol/forbidden' } });
    expect(result.exported).toMatchObject({ ok: false, error: { code: 'protocol/forbidden' } });
    expect(result.session).toMatch(/^refused/);
    expect(result.session).not.toContain('vault.key');
    expect(await env.session.request({ type: 'vault.status' })).toEqual({ state: 'unlocked' });
    await page.close();
  });
});
