import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionSession } from '../../src/testing';
import { BROWSERS, TEST_PASSPHRASE, sampleUri } from './browsers';
import { findSeriousViolations } from './a11y/axe';
import { press, typeField, waitFor } from './pages/page-helpers';

const CASES = BROWSERS.flatMap((browser) => (['light', 'dark'] as const).map((colorScheme) => ({ browser, colorScheme })));

/** axe-core (WCAG 2.2 A and AA) over every view of the popup and every section of the options page, in both themes. */
describe.each(CASES)('$browser, $colorScheme theme', ({ browser, colorScheme }) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension({ browser, colorScheme });
  });
  afterAll(async () => {
    await session?.close();
  });

  const expectAccessible = async (page: Page, view: string) => {
    expect(await findSeriousViolations(page), view).toEqual([]);
  };

  it('popup: first run, accounts, add, manual entry, edit, locked with an error', async () => {
    const first = await session.openExtensionPage('popup.html');
    await waitFor(first, 'create-form');
    await expectAccessible(first, 'first run');
    await first.close();

    await session.provision({ passphrase: TEST_PASSPHRASE, accounts: [{ uri: sampleUri('Acme', 'alice@example.com'), sites: ['https://portal.example.com'] }] });
    const popup = await session.openExtensionPage('popup.html');
    await waitFor(popup, 'account-row');
    await expectAccessible(popup, 'accounts');
    await press(popup, 'edit-account');
    await waitFor(popup, 'edit-form');
    await expectAccessible(popup, 'edit');
    await popup.close();

    const add = await session.openExtensionPage('popup.html');
    await press(add, 'add-account');
    await waitFor(add, 'add-manual');
    await expectAccessible(add, 'add');
    await press(add, 'add-manual');
    await waitFor(add, 'secret');
    await expectAccessible(add, 'manual entry');
    await add.close();

    const locked = await session.openExtensionPage('popup.html');
    await press(locked, 'lock');
    await waitFor(locked, 'unlock-form');
    await typeField(locked, 'passphrase', 'not the passphrase at all');
    await press(locked, 'unlock');
    await waitFor(locked, 'error');
    await expectAccessible(locked, 'locked, with an error');
    await locked.close();
  });

  it('options page: every section, and the import preview', async () => {
    await session.provision({ passphrase: TEST_PASSPHRASE });
    const options = await session.openExtensionPage('options.html');
    await waitFor(options, 'import-text');
    await expectAccessible(options, 'options');
    await typeField(options, 'import-text', [sampleUri('Beta', 'bob@example.com'), 'not a link'].join('\n'));
    await press(options, 'import-preview');
    await waitFor(options, 'import-preview-result');
    await expectAccessible(options, 'import preview');
    await options.close();
  });
});
