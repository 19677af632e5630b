import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, PANEL_TAG, type ExtensionSession } from '../../src/testing';
import { BROWSERS } from './browsers';
import { findSeriousViolations } from './a11y/axe';
import { bundlePanelPage } from './a11y/panel-bundle';
import { englishOnlyFragments } from './locales/english-leaks';

/**
 * The in-page panels, as the product's own modules build them, in a test page whose shadow roots are opened (see
 * a11y/panel-page.ts; the extension keeps them closed): axe finds nothing serious in any language or theme, no
 * English shows in German or Arabic, Arabic runs right to left, and the keyboard can leave a panel with Escape.
 */
const PANELS = ['locked', 'choose', 'wait', 'failure', 'offer'] as const;
const LANGS = ['en', 'de', 'ar'] as const;
const CASES = BROWSERS.flatMap((browser) => (['light', 'dark'] as const).map((colorScheme) => ({ browser, colorScheme })));

let script: string;
beforeAll(async () => {
  script = await bundlePanelPage();
});

/** A sign-in step with a six-digit code field, and the panel the case calls for. */
async function showPanel(page: Page, lang: string, panel: string): Promise<void> {
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Sign in</title></head><body><main><h1>Sign in</h1>
     <label for="otp">Verification code</label> <input id="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
     <button type="submit">Verify</button></main>
     <script>PANEL_LANG = ${JSON.stringify(lang)}; PANEL_CASE = ${JSON.stringify(panel)};</script></body></html>`,
  );
  // setContent's inline scripts run; the bundle is added after the field exists, as the content script would be.
  await page.addScriptTag({ content: script });
  await page.waitForFunction((tag: string) => document.querySelector(tag)?.shadowRoot?.querySelector('button'), { timeout: 10_000 }, PANEL_TAG);
}

/** The panel's readable text (content and names) and direction. */
async function readPanel(page: Page): Promise<{ text: string; dir: string }> {
  return page.$eval(PANEL_TAG, (host) => {
    const body = host.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
    const names = [...host.shadowRoot!.querySelectorAll('[aria-label],[title]')].map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`);
    return { text: [body.innerText, ...names].join('\n'), dir: body.dir };
  });
}

describe.each(CASES)('panels in $browser, $colorScheme theme', ({ browser, colorScheme }) => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithExtension({ browser, colorScheme });
    page = await session.browser.newPage();
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(LANGS)('in %s: no serious axe finding; the language is the page’s and runs its way', async (lang) => {
    const english = lang === 'en' ? [] : englishOnlyFragments(lang);
    for (const panel of PANELS) {
      await showPanel(page, lang, panel);
      expect(await findSeriousViolations(page), `${panel} in ${lang}`).toEqual([]);
      const { text, dir } = await readPanel(page);
      expect(dir, panel).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(english.filter((piece) => text.includes(piece)), `${panel} in ${lang}`).toEqual([]);
    }
  });

  it('never takes the focus from the field; Tab reaches it, Escape closes it and gives the focus back', async () => {
    await showPanel(page, 'en', 'choose');
    await page.focus('#otp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('otp');
    // The panel follows its field in the tab order only when it is inside a dialog; here it is at the end of the body.
    await page.keyboard.press('Tab'); // Verify
    await page.keyboard.press('Tab'); // into the panel
    expect(await page.evaluate((tag: string) => document.activeElement?.tagName.toLowerCase() === tag, PANEL_TAG)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction((tag: string) => !document.querySelector(tag), { timeout: 5_000 }, PANEL_TAG);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Verify');
  });
});
