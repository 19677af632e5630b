import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionSession } from '../../src/testing';
import { BROWSERS, TEST_PASSPHRASE } from './browsers';
import { findEnglish, englishOnlyFragments, readMessages } from './locales/english-leaks';
import { textOf } from './pages/page-helpers';
import { walkPopupViews } from './pages/popup-views';

/** German and Arabic (right to left): every view of the popup and the options page speaks them, with no English left. */
const LOCALES = [
  { locale: 'de', dir: 'ltr', unlockTitle: 'Gesperrt' },
  { locale: 'ar', dir: 'rtl', unlockTitle: 'مقفلة' },
] as const;

const CASES = BROWSERS.flatMap((browser) => LOCALES.map((l) => ({ browser, ...l })));

describe.each(CASES)('$browser in $locale', ({ browser, locale, dir, unlockTitle }) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension({ browser, locale });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Checks the page's language and direction and that no English message shows, naming the view on failure. */
  const expectSpoken = async (page: Page, view: string) => {
    const { lang, pageDir } = await page.evaluate(() => ({ lang: document.documentElement.lang, pageDir: document.documentElement.dir }));
    expect(lang.slice(0, 2), view).toBe(locale);
    expect(pageDir, view).toBe(dir);
    expect(await findEnglish(page, locale), view).toEqual([]);
  };

  it('the check can fail: English pieces exist to look for', () => {
    expect(englishOnlyFragments(locale)).toContain('Create vault');
  });

  it('popup: first run, accounts, edit, add, manual entry, locked with a wrong passphrase', async () => {
    await walkPopupViews(session, async (page, view) => {
      await expectSpoken(page, view);
      if (view !== 'locked, wrong passphrase') return;
      expect(await page.evaluate(() => document.body.innerText)).toContain(unlockTitle);
      // The background's refusal is shown in the page's language, not in the English it logs.
      expect(await textOf(page, 'error')).toBe(readMessages(locale).error_wrong_passphrase_vault!.message);
    });
  });

  it('options page: every section, unlocked', async () => {
    await session.provision({ passphrase: TEST_PASSPHRASE });
    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('section', { visible: true, timeout: 20_000 });
    await options.waitForFunction(() => document.querySelectorAll('section').length >= 5, { timeout: 20_000 });
    await expectSpoken(options, 'options');
    await options.close();
  });
});
