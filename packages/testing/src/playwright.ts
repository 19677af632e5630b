/**
 * Tester kit for Playwright: a persistent Chromium context with Portal Authenticator loaded. Playwright can load
 * extensions only into Chromium (not into its Firefox or WebKit builds), so Firefox tests use the Puppeteer entry.
 */
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../../src/extension-ids';
import { KitError } from './kit-error';
import { bundledExtensionDir, requireExtensionDir } from './bundled-extension';
import { CHROMIUM_ARGS, colorSchemeArgs } from './chromium-args';
import { findBrowserExecutable } from './find-browser';
import { type CommonLaunchOptions, openProfile } from './launch-options';
import { clickPanelPrimary, PANEL_TAG, panelCornerIn } from './panel-geometry';
import { controlsFromPage, type ExtensionControls } from './session';

export { fromEnv, EnvAccountsError } from './from-env';
export { msUntilNextCode } from './timing';
export { findBrowserExecutable, BrowserNotFound } from './find-browser';
export { ExtensionNotFound } from './bundled-extension';
export { PANEL_ARMING_MS, PANEL_TAG, waitUntilPanelArmed } from './panel-geometry';
export type { AccountInput, ProvisionOptions } from './provision';
export type { DecisionQuery } from './decisions';
export type { ExtensionControls } from './session';
export type { CommonLaunchOptions } from './launch-options';

/** Options for the Playwright {@link launchWithExtension}. */
export interface PlaywrightLaunchOptions extends CommonLaunchOptions {
  /** Only Chromium: Playwright cannot load extensions into Firefox. */
  browser?: 'chromium';
}

/** A persistent Chromium context with Portal Authenticator loaded, driven by Playwright. */
export interface PlaywrightExtensionSession extends ExtensionControls {
  context: BrowserContext;
  browserName: 'chromium';
  extensionId: string;
  /** `chrome-extension://<id>/`. */
  extensionBaseUrl: string;
  userDataDir: string;
  /** Opens an extension page (e.g. `popup.html`) in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the context; removes the profile too when the kit created it. */
  close(): Promise<void>;
}

/** Launches Chromium through Playwright with the extension loaded (a persistent context, as extensions need). */
export async function launchWithExtension(options: PlaywrightLaunchOptions = {}): Promise<PlaywrightExtensionSession> {
  if (options.browser && options.browser !== 'chromium') {
    throw new KitError(
      'testing/playwright-firefox',
      `Playwright loads extensions only into Chromium, not "${String(options.browser)}". For Firefox use launchWithExtension from @portal-authenticator/testing (Puppeteer).`,
    );
  }
  const executablePath = findBrowserExecutable('chromium', options.executablePath);
  const extensionPath = requireExtensionDir(options.extensionPath ?? bundledExtensionDir('chromium'));
  const profile = await openProfile(options.userDataDir, 'playwright');
  const userDataDir = profile.dir;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...colorSchemeArgs(options.colorScheme),
      ...(options.args ?? []),
    ],
  });
  // The manifest's key fixes the id, so the worker can be recognised before it has started.
  const extensionId = CHROME_EXTENSION_ID;
  const isOurWorker = (worker: { url(): string }) => worker.url().startsWith(`chrome-extension://${extensionId}/`);
  if (!context.serviceWorkers().some(isOurWorker)) {
    await context.waitForEvent('serviceworker', { predicate: isOurWorker, timeout: 15_000 }).catch(async () => {
      await context.close().catch(() => undefined);
      throw new KitError(
        'testing/extension-not-loaded',
        `Chromium at ${executablePath} started without the extension. Chromium and Chrome for Testing load it; branded Google Chrome 137+ does not.`,
      );
    });
  }
  const extensionBaseUrl = `chrome-extension://${extensionId}/`;

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(extensionBaseUrl + path, { waitUntil: 'load' });
    return page;
  };
  return {
    ...controlsFromPage(() => openExtensionPage('popup.html'), (page, script, message) => page.evaluate(script, message)),
    context,
    browserName: 'chromium',
    extensionId,
    extensionBaseUrl,
    userDataDir,
    openExtensionPage,
    async close() {
      await context.close().catch(() => undefined);
      await profile.dispose();
    },
  };
}

/** Waits for the extension's in-page panel (the enrolment offer, the unlock hint) and clicks its main button. */
export async function clickPanelPrimaryButton(page: Page, timeout = 15_000): Promise<void> {
  await clickPanelPrimary(
    {
      waitForPanel: async (ms) => void (await page.waitForSelector(PANEL_TAG, { timeout: ms, state: 'attached' })),
      panelCorner: () => page.$eval(PANEL_TAG, panelCornerIn),
      click: (x, y) => page.mouse.click(x, y),
    },
    timeout,
  );
}
