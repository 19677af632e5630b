import browser from 'webextension-polyfill';
import type { PageRequest, RequestOf, Responses } from '../messages';
import { createRequestSender } from '../send-request';
import { browserPasskeyEnvironment, type PasskeyEnvironment } from './passkey-ceremony';
import { findWebOrigin, pickTargetTab } from './pick-target-tab';

/** The tab the popup was opened over. `origin` is set only for http(s) pages. */
export interface ActiveTab {
  id?: number;
  origin?: string;
}

/** Everything the popup and options pages ask of the browser, behind one seam so components can be tested with a fake. */
export interface UiClient {
  /** Sends one page request to the background and resolves with its typed answer (rejects with `RequestFailed`). */
  request<T extends PageRequest['type']>(request: RequestOf<T>): Promise<Responses[T]>;
  /** The page the popup works on: the active tab, or the most recent web tab when the popup is itself a tab. */
  activeTab(): Promise<ActiveTab>;
  /** Opens the options page. */
  openOptions(): Promise<void>;
  /** Puts text on the clipboard. */
  copyText(text: string): Promise<void>;
  /** The current time in ms since the epoch. */
  now(): number;
  /** The extension's version from its manifest. */
  version(): string;
  /** The page's WebAuthn API, for the passkey ceremonies (which cannot run in the background). */
  passkeyEnvironment(): PasskeyEnvironment;
}

/** Creates the client that talks to the real background and browser. */
export function createBrowserClient(): UiClient {
  const sendRequest = createRequestSender(browser.runtime);
  return {
    request: (request) => sendRequest(request),
    async activeTab() {
      // getCurrent() is undefined in the toolbar popup and names the popup's own tab when it is open as a page.
      const self = await browser.tabs.getCurrent();
      if (self) {
        const target = pickTargetTab(await browser.tabs.query({ windowId: self.windowId }), self.id);
        return target ? { id: target.id, origin: findWebOrigin(target.url) } : {};
      }
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return { id: tab?.id, origin: findWebOrigin(tab?.url) };
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    copyText: (text) => navigator.clipboard.writeText(text),
    now: () => Date.now(),
    version: () => browser.runtime.getManifest().version,
    passkeyEnvironment: browserPasskeyEnvironment,
  };
}
