import puppeteer, { type Browser } from 'puppeteer-core';
import { type ExtensionSession, findBrowserExecutable, launchWithExtension } from '../../src/testing';

/** Runs `fn` with headless Chromium without the extension (for product code bundled into a page), then closes it. */
export async function withPlainChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await puppeteer.launch({
    executablePath: findBrowserExecutable('chromium'),
    headless: true,
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** Runs `fn` with headless Chromium and the built extension in a fresh profile, then closes it. */
export async function withExtension<T>(fn: (session: ExtensionSession) => Promise<T>): Promise<T> {
  const session = await launchWithExtension({ browser: 'chromium' });
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
