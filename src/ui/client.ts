import { browser } from 'wxt/browser';
import type { PageRequest, RequestOf, Responses } from '../messages';
import { sendRequest } from '../send-request';

/** The tab the popup was opened over. `origin` is set only for http(s) pages. */
export interface ActiveTab {
  id?: number;
  origin?: string;
}

/** Everything the popup and options pages ask of the browser, behind one seam so components can be tested with a fake. */
export interface UiClient {
  /** Sends one page request to the background and resolves with its typed answer (rejects with `RequestFailed`). */
  request<T extends PageRequest['type']>(request: RequestOf<T>): Promise<Responses[T]>;
  /** The active tab of the current window. */
  activeTab(): Promise<ActiveTab>;
  /** Opens the options page. */
  openOptions(): Promise<void>;
  /** Puts text on the clipboard. */
  copyText(text: string): Promise<void>;
  /** The current time in ms since the epoch. */
  now(): number;
  /** The extension's version from its manifest. */
  version(): string;
}

/** Returns the origin of an http(s) URL, or undefined for anything else (chrome://, file:, about:blank...). */
export function findWebOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the client that talks to the real background and browser. */
export function createBrowserClient(): UiClient {
  return {
    request: (request) => sendRequest(request),
    async activeTab() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return { id: tab?.id, origin: findWebOrigin(tab?.url) };
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    copyText: (text) => navigator.clipboard.writeText(text),
    now: () => Date.now(),
    version: () => browser.runtime.getManifest().version,
  };
}
