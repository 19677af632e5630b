import type { Page } from 'puppeteer-core';

const PANEL_TAG = 'portal-authenticator-panel';

/**
 * Waits for the extension's in-page panel (enrolment offer, account chooser, unlock hint) and clicks its main
 * button with a real mouse click. The panel lives in a closed shadow root, so page scripts — and selectors —
 * cannot reach inside it; its main button is always the last one, at the panel's bottom-right corner.
 */
export async function clickPanelPrimaryButton(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector(PANEL_TAG, { timeout });
  const box = await page.$eval(PANEL_TAG, (host) => {
    const rect = host.getBoundingClientRect();
    return { right: rect.right, bottom: rect.bottom };
  });
  await page.mouse.click(box.right - 14 - 24, box.bottom - 12 - 12);
}

/** True while an extension panel is shown on the page. */
export async function isPanelShown(page: Page): Promise<boolean> {
  return (await page.$(PANEL_TAG)) !== null;
}
