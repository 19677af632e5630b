import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { ExtensionSession } from '../../../src/testing';
import { sampleUri } from '../browsers';
import { codeInRow, oracleTotp, press, textOf, textsOf, tid, typeField, waitFor } from './page-helpers';
import { startQrPageServer } from './qr-page-server';

/** An account the suite adds, with the secret the independent oracle computes codes from. */
export interface TestAccount {
  issuer: string;
  account: string;
  secret: string;
}

/** Creates the vault from the first-run screen. */
export async function createVaultInPopup(popup: Page, passphrase: string): Promise<void> {
  await waitFor(popup, 'create-form');
  await typeField(popup, 'passphrase', passphrase);
  await typeField(popup, 'passphrase-confirm', passphrase);
  await press(popup, 'create-vault');
  await waitFor(popup, 'empty-list', 30_000);
}

/** Opens one of the "add an account" routes from the list. */
export async function openAddRoute(popup: Page, choice: 'add-manual' | 'add-uri' | 'add-image' | 'scan-page'): Promise<void> {
  await press(popup, 'add-account');
  await press(popup, choice);
}

/** Waits until a row shows `issuer`. */
export async function waitForRow(popup: Page, issuer: string): Promise<void> {
  await popup.waitForFunction((name) => [...document.querySelectorAll('.row-issuer')].some((el) => el.textContent === name), { timeout: 20_000 }, issuer);
}

/** Types an account by hand (the key as printed: lower case, in groups), checks the preview against the oracle, saves. */
export async function addManually(popup: Page, { issuer, account, secret }: TestAccount): Promise<void> {
  await openAddRoute(popup, 'add-manual');
  await typeField(popup, 'issuer', issuer);
  await typeField(popup, 'account-name', account);
  await typeField(popup, 'secret', secret.toLowerCase().replace(/(.{4})/g, '$1 ').trim());
  await expect.poll(async () => (await textOf(popup, 'manual-preview')).replace(/\D/g, ''), { timeout: 10_000 }).toBe(oracleTotp(secret));
  await press(popup, 'save-account');
  await waitForRow(popup, issuer);
}

/** Checks the row's code against the oracle; polled, since a period may roll over between reading and computing. */
export async function expectOracleCode(popup: Page, { issuer, secret }: TestAccount): Promise<void> {
  await expect.poll(async () => (await codeInRow(popup, issuer)) === oracleTotp(secret), { timeout: 5_000, message: issuer }).toBe(true);
}

/** Locks from the header, is refused with a wrong passphrase (and told why), then unlocks. */
export async function lockAndUnlock(popup: Page, passphrase: string, expectRow: string): Promise<void> {
  await press(popup, 'lock');
  await waitFor(popup, 'unlock-form');
  await typeField(popup, 'passphrase', 'not the passphrase');
  await press(popup, 'unlock');
  expect(await textOf(popup, 'error')).toMatch(/passphrase does not open/i);
  expect(await popup.$eval(tid('passphrase'), (el) => (el as HTMLInputElement).value)).toBe('');
  await typeField(popup, 'passphrase', passphrase);
  await press(popup, 'unlock');
  await waitForRow(popup, expectRow);
}

/**
 * Serves a page with the account's QR code, puts it in front, then opens the popup as a tab (`reuse` is reloaded
 * instead when given): the popup must scan that page, not itself, and propose its origin as the account's site.
 */
export async function scanFromPopupTab(session: ExtensionSession, scanned: TestAccount, reuse?: Page): Promise<Page> {
  const server = await startQrPageServer(sampleUri(scanned.issuer, scanned.account, scanned.secret));
  try {
    const web = await session.browser.newPage();
    await web.goto(server.url);
    await web.waitForSelector('img#qr');
    let popup: Page;
    if (reuse) {
      popup = reuse;
      await popup.bringToFront();
      await popup.reload();
    } else {
      popup = await session.openExtensionPage('popup.html');
    }
    await openAddRoute(popup, 'scan-page');
    await expect.poll(() => textsOf(popup, 'scan-account'), { timeout: 20_000 }).toEqual([`${scanned.issuer} — ${scanned.account}`]);
    expect(await popup.$eval(tid('sites'), (el) => (el as HTMLTextAreaElement).value)).toBe(server.origin);
    await press(popup, 'accept-scan');
    await waitForRow(popup, scanned.issuer);
    const { accounts } = await session.request({ type: 'accounts.list' });
    expect(accounts.find((a) => a.issuer === scanned.issuer)?.sites).toEqual([server.origin]);
    await web.close();
    return popup;
  } finally {
    await server.close();
  }
}
