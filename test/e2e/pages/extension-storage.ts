import type { Page } from 'puppeteer-core';

/**
 * The extension's own `storage.local`, reached from one of its pages: what another extension's mistake, a storage
 * reset or a restored profile would change behind the extension's back. (Each function runs in the page, so each
 * finds the storage API itself: `browser` in Firefox, `chrome` in Chromium.)
 */
export function extensionLocalStorage(page: Page) {
  return {
    get: (key: string): Promise<unknown> =>
      page.evaluate(async (k) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return (await api.storage.local.get(k))[k];
      }, key),
    set: (items: Record<string, unknown>): Promise<void> =>
      page.evaluate(async (i) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        await api.storage.local.set(i);
      }, items),
    remove: (keys: string[]): Promise<void> =>
      page.evaluate(async (k) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        await api.storage.local.remove(k);
      }, keys),
  };
}
