import { PANEL_ARMING_MS as PANEL_IGNORES_CLICKS_MS } from '../../../src/page-ui/panel-constants';

export { PANEL_TAG } from '../../../src/page-ui/panel-constants';

/**
 * Panels ignore clicks for a moment after they appear (a clickjacking guard); helpers wait this long first, a
 * little longer than the panel itself so a busy machine does not land the click early.
 */
export const PANEL_ARMING_MS = PANEL_IGNORES_CLICKS_MS + 50;

/** Waits until a panel that has just appeared accepts clicks. */
export function waitUntilPanelArmed(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PANEL_ARMING_MS));
}

/** The few page operations a panel click needs, so Puppeteer and Playwright pages share one implementation. */
export interface PanelDriver {
  waitForPanel(timeout: number): Promise<void>;
  panelCorner(): Promise<{ right: number; bottom: number }>;
  click(x: number, y: number): Promise<void>;
}

/** Reads the panel host's bottom-right corner, in the page. */
export function panelCornerIn(host: Element): { right: number; bottom: number } {
  const rect = host.getBoundingClientRect();
  return { right: rect.right, bottom: rect.bottom };
}

/**
 * Waits for the extension's in-page panel and clicks its main button with a real mouse click. The panel lives in a
 * closed shadow root, so page scripts — and selectors — cannot reach inside it; in these panels the main button is
 * the last one, at the bottom-right corner. (The account chooser lists its accounts above a "Not now" button instead.)
 */
export async function clickPanelPrimary(driver: PanelDriver, timeout: number): Promise<void> {
  await driver.waitForPanel(timeout);
  await waitUntilPanelArmed();
  const box = await driver.panelCorner();
  await driver.click(box.right - 14 - 24, box.bottom - 12 - 12);
}
