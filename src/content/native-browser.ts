/**
 * The browser's own extension API, standing in for webextension-polyfill in the always-on content script (see
 * wxt.config.ts). All that script uses, `runtime.sendMessage` and `runtime.onMessage`, already speaks promises in
 * both browsers (Chrome's `chrome` in MV3, Firefox's `browser`), so the script need not carry the polyfill's ~3 KB.
 */
const api = (globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome;
export default api;
