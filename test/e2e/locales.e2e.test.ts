import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionSession } from '../../src/testing';
import { BROWSERS, TEST_PASSPHRASE, sampleUri } from './browsers';
import { findEnglish, englishOnlyFragments, readMessages } from './locales/english-leaks';
import { press, textOf, typeField, waitFor } from './pages/page-helpers';

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

  it('popup: first run, accounts, add, manual entry, locked with a wrong passphrase', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await waitFor(popup, 'create-form');
    await expectSpoken(popup, 'first run');
    await typeField(popup, 'passphrase', 'short');
    await expectSpoken(popup, 'first run, passphrase too weak');
    await popup.close();

    await session.provision({ passphrase: TEST_PASSPHRASE, accounts: [{ uri: sampleUri('Acme', 'alice@example.com'), sites: ['https://portal.example.com'] }] });
    const page = await session.openExtensionPage('popup.html');
    await waitFor(page, 'account-row');
    await expectSpoken(page, 'accounts');
    await press(page, 'edit-account');
    await waitFor(page, 'edit-form');
    await expectSpoken(page, 'edit');
    await page.close();

    const add = await session.openExtensionPage('popup.html');
    await press(add, 'add-account');
    await waitFor(add, 'add-manual');
    await expectSpoken(add, 'add');
    await press(add, 'add-manual');
    await waitFor(add, 'secret');
    await expectSpoken(add, 'manual entry');
    await add.close();

    const locked = await session.openExtensionPage('popup.html');
    await press(locked, 'lock');
    await waitFor(locked, 'unlock-form');
    expect(await locked.evaluate(() => document.body.innerText)).toContain(unlockTitle);
    await typeField(locked, 'passphrase', 'not the passphrase at all');
    await press(locked, 'unlock');
    // The background's refusal is shown in the page's language, not in the English it logs.
    expect(await textOf(locked, 'error')).toBe(readMessages(locale).error_wrong_passphrase_vault!.message);
    await expectSpoken(locked, 'locked, wrong passphrase');
    await locked.close();
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
