import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../src/extension-ids';
import { bundledExtensionDir, requireExtensionDir } from './bundled-extension';
import { CHROMIUM_ARGS, colorSchemeArgs, localeLaunch } from './chromium-args';
import { type BrowserName, findBrowserExecutable } from './find-browser';
import { type CommonLaunchOptions, openProfile } from './launch-options';
import { controlsFromPage, type ExtensionControls } from './session';

/** Options for {@link launchWithExtension}. */
export interface LaunchOptions extends CommonLaunchOptions {
  browser: BrowserName;
}

/** A running browser with Portal Authenticator loaded, driven by Puppeteer. */
export interface ExtensionSession extends ExtensionControls {
  browser: Browser;
  browserName: BrowserName;
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBaseUrl: string;
  userDataDir: string;
  /** Opens an extension page (e.g. `popup.html`) in a new tab and waits until its scripts can talk to the background. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser; removes the profile too when the kit created it. */
  close(): Promise<void>;
}

/** Fixed moz-extension UUID so Firefox tests and testers can address extension pages. */
export const FIREFOX_EXTENSION_UUID = '5b0e8a3c-7f3e-4f6a-9d43-1c2b3a4d5e6f';

/** Launches Chromium or Firefox with the extension loaded, ready for Puppeteer. */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionSession> {
  const browserName = options.browser;
  const executablePath = findBrowserExecutable(browserName, options.executablePath);
  const extensionPath = requireExtensionDir(options.extensionPath ?? bundledExtensionDir(browserName));
  const profile = await openProfile(options.userDataDir, browserName);
  const userDataDir = profile.dir;
  const headless = options.headless ?? true;

  let browser: Browser;
  let extensionId: string;
  let extensionBaseUrl: string;
  if (browserName === 'chromium') {
    const locale = localeLaunch(options.locale);
    browser = await puppeteer.launch({
      executablePath,
      headless,
      userDataDir,
      pipe: true,
      enableExtensions: true,
      args: [...CHROMIUM_ARGS, ...colorSchemeArgs(options.colorScheme), ...locale.args, ...(options.args ?? [])],
      ...(locale.env ? { env: locale.env } : {}),
    });
    extensionId = await browser.installExtension(extensionPath);
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().includes(extensionId));
    extensionBaseUrl = `chrome-extension://${extensionId}/`;
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      userDataDir,
      args: ['--remote-allow-system-access', ...(options.args ?? [])],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        // 0 dark, 1 light, 2 follow the system.
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : options.colorScheme === 'light' ? 1 : 2,
        ...(options.locale ? { 'intl.locale.requested': options.locale } : {}),
      },
    });
    await browser.installExtension(extensionPath);
    extensionId = FIREFOX_EXTENSION_UUID;
    extensionBaseUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  }

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    const url = extensionBaseUrl + path;
    // Firefox never resolves navigations to moz-extension:// pages over BiDi: start it, then wait on the DOM.
    const navigation = page.goto(url).catch(() => undefined);
    if (browserName === 'chromium') await navigation;
    // Firefox's driver can throw while the page's realm is still being replaced; such a throw is retried until
    // the deadline, only the deadline itself is an error.
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        await page.waitForFunction(
          (expected: string) => location.href === expected && document.readyState === 'complete',
          { timeout: Math.max(1, deadline - Date.now()) },
          url,
        );
        return page;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };

  const controls = controlsFromPage(() => openExtensionPage('popup.html'), (page, script, message) => page.evaluate(script, message as never));

  return {
    browser,
    browserName,
    extensionId,
    extensionBaseUrl,
    userDataDir,
    ...controls,
    openExtensionPage,
    async close() {
      await browser.close().catch(() => undefined);
      await profile.dispose();
    },
  };
}
