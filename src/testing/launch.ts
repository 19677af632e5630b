import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../extension-ids';
import type { Reply, RequestOf, RequestType, Responses } from '../messages';
import type { DecisionRecord } from '../messages';
import { type DecisionQuery, waitForDecision } from './decisions';
import { ensureExtensionBuilt } from './extension-build';
import { type BrowserName, findBrowserExecutable } from './find-browser';
import { type ProvisionOptions, provisionVault } from './provision';

/** Options for {@link launchWithExtension}. */
export interface LaunchOptions {
  browser: BrowserName;
  /** Default true. */
  headless?: boolean;
  /** Browser binary; else CHROME_PATH / FIREFOX_PATH, else the usual install locations. */
  executablePath?: string;
  /** Profile folder; a fresh temporary one (removed on close) when omitted. */
  userDataDir?: string;
  /** Unpacked extension folder; the repository's build output (built when missing) when omitted. */
  extensionPath?: string;
  /** Extra browser arguments. */
  args?: string[];
  /** The colour scheme pages see (`prefers-color-scheme`); the system's when omitted. */
  colorScheme?: 'light' | 'dark';
  /** The browser's UI language, which the extension speaks (e.g. `de`, `ar`); the system's when omitted. Firefox needs its language pack. */
  locale?: string;
}

/** A running browser with Portal Authenticator loaded. */
export interface ExtensionSession {
  browser: Browser;
  browserName: BrowserName;
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBaseUrl: string;
  userDataDir: string;
  /** Creates (or unlocks) the vault and adds accounts through the background, without any UI. */
  provision(options: ProvisionOptions): Promise<void>;
  /** Opens an extension page (e.g. `popup.html`) in a new tab and waits until its scripts can talk to the background. */
  openExtensionPage(path: string): Promise<Page>;
  /** Sends one protocol request from an extension page, as the popup would. */
  request<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]>;
  /**
   * Waits for the extension's own record of what it decided about a code field at an address (turn recording on
   * first with `request({ type: 'debug.setRecording', on: true })`): how a test proves that nothing was filled
   * because the extension looked and refused, without a fixed sleep.
   */
  waitForDecision(query: DecisionQuery, timeout?: number): Promise<DecisionRecord>;
  close(): Promise<void>;
}

/** Fixed moz-extension UUID so Firefox tests and testers can address extension pages. */
export const FIREFOX_EXTENSION_UUID = '5b0e8a3c-7f3e-4f6a-9d43-1c2b3a4d5e6f';

/** Chromium refuses to start its sandbox as root (containers, CI); elsewhere it keeps it. */
const SANDBOX_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

const CHROMIUM_ARGS = [
  ...SANDBOX_ARGS,
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium or Firefox with the extension loaded, ready for Puppeteer. */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionSession> {
  const browserName = options.browser;
  const executablePath = findBrowserExecutable(browserName, options.executablePath);
  const extensionPath = options.extensionPath ?? ensureExtensionBuilt(browserName);
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), `portal-auth-${browserName}-`)));
  const headless = options.headless ?? true;

  let browser: Browser;
  let extensionId: string;
  let extensionBaseUrl: string;
  if (browserName === 'chromium') {
    browser = await puppeteer.launch({
      executablePath,
      headless,
      userDataDir,
      pipe: true,
      enableExtensions: true,
      // Blink's preferred scheme: 0 dark, 1 light.
      args: [
        ...CHROMIUM_ARGS,
        ...(options.colorScheme ? [`--blink-settings=preferredColorScheme=${options.colorScheme === 'dark' ? 0 : 1}`] : []),
        ...(options.locale ? [`--lang=${options.locale}`] : []),
        ...(options.args ?? []),
      ],
      // On Linux Chromium takes its UI language from the environment; --lang alone is not always enough.
      ...(options.locale ? { env: { ...process.env, LANGUAGE: options.locale, LANG: `${options.locale}.UTF-8` } } : {}),
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

  let requestPage: Page | undefined;
  const request = async <T extends RequestType>(message: RequestOf<T>): Promise<Responses[T]> => {
    requestPage ??= await openExtensionPage('popup.html');
    const reply = (await requestPage.evaluate(async (m) => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      return (scope.browser ?? scope.chrome).runtime.sendMessage(m);
    }, message as never)) as Reply<T>;
    if (!reply.ok) throw new Error(`${message.type} failed: ${reply.error.message} (${reply.error.code})`);
    return reply.value;
  };

  return {
    browser,
    browserName,
    extensionId,
    extensionBaseUrl,
    userDataDir,
    provision: (provisionOptions) => provisionVault(request, provisionOptions),
    openExtensionPage,
    request,
    waitForDecision: (query, timeout) => waitForDecision(request, query, timeout),
    async close() {
      await browser.close().catch(() => undefined);
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
