import type { Page } from 'puppeteer-core';
import { PANEL_TAG } from '../../src/testing';

/** What the login page showed first: the extension's waiting panel, or the code already filled. */
export type FirstSign = 'panel' | 'filled';

/**
 * Waits until either the extension's in-page panel appears or every OTP input holds a digit. The panel comes first
 * when the extension holds the code back (this site already got the current one, or it is about to expire).
 */
export async function waitForPanelOrFill(page: Page, inputSelector: string, timeout = 20_000): Promise<FirstSign> {
  const handle = await page.waitForFunction(
    (tag: string, selector: string) => {
      if (document.querySelector(tag)) return 'panel';
      const inputs = [...document.querySelectorAll<HTMLInputElement>(selector)];
      const value = inputs.map((input) => input.value).join('');
      return inputs.length > 0 && /^\d+$/.test(value) && value.length >= 6 ? 'filled' : false;
    },
    { timeout },
    PANEL_TAG,
    inputSelector,
  );
  return (await handle.jsonValue()) as FirstSign;
}

/** Waits until the extension's panel has gone (it closes itself once it fills). */
export async function waitForPanelGone(page: Page, timeout = 40_000): Promise<void> {
  await page.waitForFunction((tag: string) => !document.querySelector(tag), { timeout }, PANEL_TAG);
}

/** Waits for the extension's panel to be on the page. */
export async function waitForPanel(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector(PANEL_TAG, { timeout });
}

/**
 * The panel's accessible name (its label, e.g. "Waiting for a fresh code"). The panel is in a closed shadow root,
 * so the page cannot read it; the browser's accessibility tree can, as a screen reader would.
 */
export async function hasPanelLabelled(page: Page, label: string): Promise<boolean> {
  try {
    return (await page.$(`aria/${label}`)) !== null;
  } catch {
    return false;
  }
}

/** The digits currently in the OTP input(s), joined. */
export async function readCode(page: Page, inputSelector: string): Promise<string> {
  return page.$$eval(inputSelector, (inputs) => inputs.map((input) => (input as HTMLInputElement).value).join(''));
}
