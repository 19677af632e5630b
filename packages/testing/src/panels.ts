import type { Page } from 'puppeteer-core';
import { clickPanelPrimary, PANEL_TAG, panelCornerIn } from './panel-geometry';

export { PANEL_ARMING_MS, PANEL_TAG, waitUntilPanelArmed } from './panel-geometry';

/** Waits for the extension's in-page panel (the enrolment offer, the unlock hint) and clicks its main button. */
export async function clickPanelPrimaryButton(page: Page, timeout = 15_000): Promise<void> {
  await clickPanelPrimary(
    {
      waitForPanel: async (ms) => void (await page.waitForSelector(PANEL_TAG, { timeout: ms })),
      panelCorner: () => page.$eval(PANEL_TAG, panelCornerIn),
      click: (x, y) => page.mouse.click(x, y),
    },
    timeout,
  );
}

/** True while an extension panel is shown on the page. */
export async function isPanelShown(page: Page): Promise<boolean> {
  return (await page.$(PANEL_TAG)) !== null;
}
