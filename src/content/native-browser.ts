/**
 * The browser's own extension API, standing in for webextension-polyfill in the always-on content script (see
 * wxt.config.ts). All that script uses, `runtime.sendMessage` and `runtime.onMessage`, already speaks promises in
 * both browsers (Firefox's `browser`, Chrome's `chrome` in MV3), so the script need not carry the polyfill's ~3 KB.
 */
type Api = { runtime?: { sendMessage?: unknown } };

/**
 * Firefox's `browser` where there is one, else Chrome's `chrome`. A page element with id "browser" shows through as
 * a global in Chrome's content scripts, so only an object with a working `runtime` counts as the API.
 */
export function pickNativeApi(scope: { browser?: Api; chrome?: Api }): Api | undefined {
  return typeof scope.browser?.runtime?.sendMessage === 'function' ? scope.browser : scope.chrome;
}

export default pickNativeApi(globalThis as { browser?: Api; chrome?: Api });
