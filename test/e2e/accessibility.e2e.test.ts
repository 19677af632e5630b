import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionSession } from '../../src/testing';
import { BROWSERS, TEST_PASSPHRASE, sampleUri } from './browsers';
import { walkPopupViews } from './pages/popup-views';
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

  it('popup: first run, accounts, edit, add, manual entry, locked with an error', async () => {
    await walkPopupViews(session, expectAccessible);
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
