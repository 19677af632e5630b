/**
 * `npm run screenshots`: draws the popup (account list, add choices, locked), the options page and two in-page
 * panels in English, German and Arabic, light and dark, with Chromium, into docs/screenshots/
 * (`<view>-<language>-<theme>.png`). The panels are built by the product's own modules in a test page (see
 * test/e2e/a11y/panel-page.ts), beside a sign-in field.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, PANEL_TAG } from '../src/testing';
import { PACKAGE_ROOT } from '../src/testing/extension-build';
import { TEST_PASSPHRASE, sampleUri } from '../test/e2e/browsers';
import { bundlePanelPage } from '../test/e2e/a11y/panel-bundle';
import { press, waitFor } from '../test/e2e/pages/page-helpers';

const OUT = resolve(PACKAGE_ROOT, 'docs/screenshots');
const LANGS = ['en', 'de', 'ar'];
const THEMES = ['light', 'dark'] as const;

const ACCOUNTS = [
  { uri: sampleUri('Acme Corp', 'alice@example.com'), sites: ['https://portal.example.com'] },
  { uri: sampleUri('JumpCloud', 'alice@example.org', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') },
];

/** The whole page: the viewport is grown to its height first (a full-page capture of a right-to-left page comes out blank). */
async function shoot(page: Page, name: string): Promise<void> {
  const viewport = page.viewport()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewport({ ...viewport, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: resolve(OUT, `${name}.png`) as `${string}.png` });
  console.log(`✓ ${name}.png`);
}

async function drawPanel(page: Page, panelScript: string, lang: string, panel: string): Promise<void> {
  await page.setViewport({ width: 720, height: 300 });
  await page.setContent(
    `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><body style="font:15px system-ui;padding:24px">
     <label for="otp" style="display:block;margin-bottom:6px">Verification code</label>
     <input id="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6" style="font:inherit;padding:6px;width:160px">
     <script>PANEL_LANG = ${JSON.stringify(lang)}; PANEL_CASE = ${JSON.stringify(panel)};</script></body></html>`,
  );
  await page.addScriptTag({ content: panelScript });
  await page.waitForFunction((tag: string) => document.querySelector(tag)?.shadowRoot?.querySelector('button'), { timeout: 10_000 }, PANEL_TAG);
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const panelScript = await bundlePanelPage();
  for (const lang of LANGS) {
    for (const theme of THEMES) {
      const session = await launchWithExtension({ browser: 'chromium', locale: lang, colorScheme: theme });
      try {
        await session.provision({ passphrase: TEST_PASSPHRASE, accounts: ACCOUNTS });
        const popup = await session.openExtensionPage('popup.html');
        await popup.setViewport({ width: 360, height: 420 });
        await waitFor(popup, 'account-row');
        await shoot(popup, `popup-${lang}-${theme}`);
        await press(popup, 'add-account');
        await waitFor(popup, 'add-manual');
        await shoot(popup, `popup-add-${lang}-${theme}`);
        await popup.close();

        const options = await session.openExtensionPage('options.html');
        await options.setViewport({ width: 900, height: 900 });
        await waitFor(options, 'import-text');
        await shoot(options, `options-${lang}-${theme}`);
        await options.close();

        const locked = await session.openExtensionPage('popup.html');
        await locked.setViewport({ width: 360, height: 300 });
        await press(locked, 'lock');
        await waitFor(locked, 'unlock-form');
        await shoot(locked, `popup-locked-${lang}-${theme}`);
        await locked.close();

        const page = await session.browser.newPage();
        for (const panel of ['offer', 'choose']) {
          await drawPanel(page, panelScript, lang, panel);
          await shoot(page, `panel-${panel}-${lang}-${theme}`);
        }
        await page.close();
      } finally {
        await session.close();
      }
    }
  }
}

await main();
