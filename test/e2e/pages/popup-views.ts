import type { Page } from 'puppeteer-core';
import type { ExtensionSession } from '../../../src/testing';
import { TEST_PASSPHRASE, sampleUri } from '../browsers';
import { press, typeField, waitFor } from './page-helpers';

/** The popup's views, in the order {@link walkPopupViews} shows them. */
export type PopupView = 'first run' | 'first run, weak passphrase' | 'accounts' | 'edit' | 'add' | 'manual entry' | 'locked, wrong passphrase';

/**
 * Brings the popup into each of its views, in a fresh profile, and calls `check` on each: first run (then with a
 * too-short passphrase typed), the account list with one account, its edit form, the add choices, the manual
 * entry form, and the unlock form after a wrong passphrase. Leaves the vault unlocked.
 */
export async function walkPopupViews(session: ExtensionSession, check: (page: Page, view: PopupView) => Promise<void>): Promise<void> {
  const first = await session.openExtensionPage('popup.html');
  await waitFor(first, 'create-form');
  await check(first, 'first run');
  await typeField(first, 'passphrase', 'short');
  await check(first, 'first run, weak passphrase');
  await first.close();

  await session.provision({ passphrase: TEST_PASSPHRASE, accounts: [{ uri: sampleUri('Acme', 'alice@example.com'), sites: ['https://portal.example.com'] }] });
  const list = await session.openExtensionPage('popup.html');
  await waitFor(list, 'account-row');
  await check(list, 'accounts');
  await press(list, 'edit-account');
  await waitFor(list, 'edit-form');
  await check(list, 'edit');
  await list.close();

  const add = await session.openExtensionPage('popup.html');
  await press(add, 'add-account');
  await waitFor(add, 'add-manual');
  await check(add, 'add');
  await press(add, 'add-manual');
  await waitFor(add, 'secret');
  await check(add, 'manual entry');
  await add.close();

  const locked = await session.openExtensionPage('popup.html');
  await press(locked, 'lock');
  await waitFor(locked, 'unlock-form');
  await typeField(locked, 'passphrase', 'not the passphrase at all');
  await press(locked, 'unlock');
  await waitFor(locked, 'error');
  await check(locked, 'locked, wrong passphrase');
  await locked.close();
  await session.provision({ passphrase: TEST_PASSPHRASE });
}
