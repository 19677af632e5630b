import type { Page } from 'puppeteer-core';

/** Clicks and waits for the navigation it starts (the portal is server-rendered). */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

/** Reads the page's main heading. */
export async function heading(page: Page): Promise<string> {
  return page.$eval('main > h1', (h) => h.textContent?.trim() ?? '');
}

/** Waits until the input holds a full code (filled by the extension) and returns it. */
export async function waitForFilled(page: Page, selector: string, digits = 6, timeout = 40_000): Promise<string> {
  await page.waitForFunction((s: string, n: number) => (document.querySelector<HTMLInputElement>(s)?.value ?? '').length === n, { timeout }, selector, digits);
  return page.$eval(selector, (i) => (i as HTMLInputElement).value);
}

/** Types into a field after clearing it. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(selector, (i) => ((i as HTMLInputElement).value = ''));
  await page.type(selector, text);
}
