import type { Page } from 'puppeteer-core';
import { PANEL_ARMING_MS as PANEL_IGNORES_CLICKS_MS, PANEL_TAG } from '../page-ui/shadow-panel';

export { PANEL_TAG } from '../page-ui/shadow-panel';

/**
 * Panels ignore clicks for a moment after they appear (a clickjacking guard); helpers wait this long first, a
 * little longer than the panel itself so a busy machine does not land the click early.
 */
export const PANEL_ARMING_MS = PANEL_IGNORES_CLICKS_MS + 50;

/** Waits until a panel that has just appeared accepts clicks. */
export function waitUntilPanelArmed(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PANEL_ARMING_MS));
}

/**
 * Waits for the extension's in-page panel (the enrolment offer, the unlock hint) and clicks its main button with a
 * real mouse click. The panel lives in a closed shadow root, so page scripts — and selectors — cannot reach inside
 * it; in these panels the main button is the last one, at the bottom-right corner. (The account chooser lists its
 * accounts above a "Not now" button instead.)
 */
export async function clickPanelPrimaryButton(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector(PANEL_TAG, { timeout });
  await waitUntilPanelArmed();
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
