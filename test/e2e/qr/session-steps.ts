import type { Page } from 'puppeteer-core';
import { type ExtensionSession, PANEL_TAG, waitUntilPanelArmed } from '../../../src/testing';
import { PANEL_CSS } from '../../../src/page-ui/panel-css';

/** Removes every account, so each case starts from an empty (but unlocked) vault. */
export async function resetAccounts(session: ExtensionSession): Promise<void> {
  const { accounts } = await session.request({ type: 'accounts.list' });
  for (const account of accounts) await session.request({ type: 'accounts.remove', id: account.id });
}

/** Opens a page in a new (front) tab with a 1280x800 viewport at the given device scale. */
export async function openPage(session: ExtensionSession, url: string, deviceScaleFactor = 1): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 800, deviceScaleFactor });
  await page.goto(url);
  return page;
}

/** The browser's tab id of the page at `url`, asked from an extension page (which alone sees the tabs API). */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (prefix: string) => {
    type Tabs = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
    const scope = globalThis as unknown as { browser?: Tabs; chrome: Tabs };
    const tabs = await (scope.browser ?? scope.chrome).tabs.query({});
    return tabs.find((t) => t.url?.startsWith(prefix))?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Resolves true if the extension's panel appears within `ms`, false otherwise. */
export async function panelAppears(page: Page, ms: number): Promise<boolean> {
  return page
    .waitForSelector(PANEL_TAG, { timeout: ms })
    .then(() => true)
    .catch(() => false);
}

/**
 * Clicks a button of the panel's bottom row by its position (0 = first) with a real mouse click. The panel is in a
 * closed shadow root, so the row is laid out again in an open twin with the same styles and labels to find where
 * that button sits relative to the panel's bottom-right corner.
 */
export async function clickPanelRowButton(page: Page, labels: string[], index: number): Promise<void> {
  await page.waitForSelector(PANEL_TAG, { timeout: 15_000 });
  await waitUntilPanelArmed();
  const target = await page.evaluate(
    (tag: string, css: string, texts: string[], at: number) => {
      const host = document.querySelector(tag)!.getBoundingClientRect();
      const twinHost = document.createElement('div');
      twinHost.style.cssText = 'all: initial; display: block; position: fixed; left: -10000px; top: 0;';
      const root = twinHost.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${css}</style><div class="panel"><div class="row"></div></div>`;
      const row = root.querySelector('.row')!;
      for (const text of texts) row.append(Object.assign(document.createElement('button'), { textContent: text }));
      document.documentElement.append(twinHost);
      const panel = root.querySelector('.panel')!.getBoundingClientRect();
      const button = row.children[at]!.getBoundingClientRect();
      twinHost.remove();
      return { x: host.right - (panel.right - (button.left + button.width / 2)), y: host.bottom - (panel.bottom - (button.top + button.height / 2)) };
    },
    PANEL_TAG,
    PANEL_CSS,
    labels,
    index,
  );
  await page.mouse.click(target.x, target.y);
}
