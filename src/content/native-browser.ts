/**
 * The browser's own extension API for the always-on content script, instead of webextension-polyfill. All that
 * script uses — sending and receiving messages, reading one flag from local storage, its messages in the reader's
 * language — already speaks promises in
 * both browsers (Firefox's `browser`, Chrome's `chrome` in MV3), so the script need not carry the polyfill's ~3 KB.
 */
type Api = { runtime?: { sendMessage?: unknown } };

/** The part of the extension API the content script uses. */
export interface ContentScriptApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: unknown) => void): void };
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  i18n: { getMessage(name: string, substitutions?: string[]): string };
}

/**
 * Firefox's `browser` where there is one, else Chrome's `chrome`. A page element or frame named "browser" shows
 * through as a global in Chrome's content scripts, so only an object with a working `runtime` counts as the API
 * (a cross-origin frame even throws when asked).
 */
export function pickNativeApi(scope: { browser?: Api; chrome?: Api }): Api | undefined {
  try {
    if (typeof scope.browser?.runtime?.sendMessage === 'function') return scope.browser;
  } catch {
    // a frame of another site, named "browser"
  }
  return scope.chrome;
}

/** The content script's extension API (see ContentScriptApi). */
export const contentApi = pickNativeApi(globalThis as { browser?: Api; chrome?: Api }) as unknown as ContentScriptApi;
