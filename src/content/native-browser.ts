/**
 * The browser's own extension API, standing in for webextension-polyfill in the always-on content script (see
 * wxt.config.ts). All that script uses, `runtime.sendMessage`, `runtime.onMessage` and `i18n.getMessage`, already speaks promises in
 * both browsers (Firefox's `browser`, Chrome's `chrome` in MV3), so the script need not carry the polyfill's ~3 KB.
 */
type Api = { runtime?: { sendMessage?: unknown } };

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

export default pickNativeApi(globalThis as { browser?: Api; chrome?: Api });
