/**
 * Never lose the codes (#19), end to end in both browsers: the backup reminder shows and goes, the Aegis export
 * from the options page reads back to the same accounts, and a vault replaced or removed behind the extension's
 * back is said plainly at the next unlock, while a person's own delete is not.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readImportFile } from '../../src/import';
import { type ExtensionSession, launchWithExtension } from '../../src/testing';
import { oracleHotp, oracleTotp } from '../background/helpers';
import { otpauthLines, SAMPLE_ACCOUNTS } from '../fixtures/import/build-fixtures';
import { findSeriousViolations } from './a11y/axe';
import { BROWSERS, sampleUri, TEST_PASSPHRASE } from './browsers';
import { extensionLocalStorage } from './pages/extension-storage';
import { captureDownloads, press, rowIssuers, textOf, tid, typeField, waitFor } from './pages/page-helpers';
import { waitForRow } from './pages/popup-steps';

const BACKUP_PASSPHRASE = 'a separate backup passphrase';

/**
 * Catches the file the page hands to the browser: in Chromium the real download (saved into a fresh folder); in
 * Firefox, which its driver cannot point at a folder, the `<a download>` click is stopped and its Blob read.
 */
async function catchDownload(page: Page, browserName: string): Promise<() => Promise<{ name: string; text: string }>> {
  if (browserName === 'chromium') return (await captureDownloads(page)).next;
  await page.evaluate(() => {
    const caught: Array<{ name: string; text: string }> = [];
    (window as unknown as { caughtDownloads: typeof caught }).caughtDownloads = caught;
    document.addEventListener(
      'click',
      (event) => {
        const link = (event.target as Element).closest?.('a[download]') as HTMLAnchorElement | null;
        if (!link) return;
        event.preventDefault();
        void fetch(link.href)
          .then((response) => response.text())
          .then((text) => caught.push({ name: link.download, text }));
      },
      true,
    );
  });
  return async () => {
    await page.waitForFunction(() => (window as unknown as { caughtDownloads: unknown[] }).caughtDownloads.length > 0, { timeout: 20_000 });
    return page.evaluate(() => (window as unknown as { caughtDownloads: Array<{ name: string; text: string }> }).caughtDownloads.shift()!);
  };
}

for (const browserName of BROWSERS) {
  describe(`backups and a lost vault, in ${browserName}`, () => {
    let session: ExtensionSession;
    let storagePage: Page;
    let opened: Page[] = [];

    const open = async (path: string) => {
      const page = await session.openExtensionPage(path);
      opened.push(page);
      return page;
    };
    const local = () => extensionLocalStorage(storagePage);
    const add = (issuer: string, secret?: string) => session.request({ type: 'accounts.addUri', uri: sampleUri(issuer, `${issuer.toLowerCase()}@example.com`, secret), sites: [] });

    beforeAll(async () => {
      session = await launchWithExtension({ browser: browserName });
      await session.provision({ passphrase: TEST_PASSPHRASE });
      // Not the popup: opening it is a person's action.
      storagePage = await session.openExtensionPage('options.html');
    });
    afterAll(async () => {
      await session?.close();
    });
    beforeEach(async () => {
      // Each test starts from an unlocked, empty vault, no backup made and no notice.
      await session.provision({ passphrase: TEST_PASSPHRASE });
      for (const account of (await session.request({ type: 'accounts.list' })).accounts) await session.request({ type: 'accounts.remove', id: account.id });
      await session.request({ type: 'vault.dismissLoss' });
      await local().remove(['backupRecord', 'settings']);
    });
    afterEach(async () => {
      for (const page of opened) await page.close().catch(() => undefined);
      opened = [];
    });

    it('the reminder shows after accounts are added and goes once an encrypted backup is made', async () => {
      await add('Alpha');
      await add('Beta', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
      expect(await session.request({ type: 'backup.reminder' })).toEqual({ count: 2, insist: false });
      const popup = await open('popup.html');
      expect(await textOf(popup, 'backup-reminder')).toBe('2 accounts have no backup — Back up now Not now');
      expect(await findSeriousViolations(popup), 'popup with the reminder').toEqual([]);

      const options = await open('options.html');
      const nextFile = await catchDownload(options, browserName);
      await typeField(options, 'export-passphrase', BACKUP_PASSPHRASE);
      await typeField(options, 'export-passphrase-confirm', BACKUP_PASSPHRASE);
      await press(options, 'export-backup');
      const file = await nextFile();
      expect(file.name).toMatch(/^portal-authenticator-backup-\d{4}-\d\d-\d\d\.json$/);
      expect(await textOf(options, 'export-backup-result')).toContain(file.name);
      expect(JSON.parse(file.text)).toMatchObject({ format: 'portal-authenticator-backup' });

      // The extension's own record says so, and a popup opened now has no line.
      expect(await session.request({ type: 'backup.reminder' })).toEqual({ count: 0, insist: false });
      const again = await open('popup.html');
      await waitForRow(again, 'Beta');
      expect(await again.$(tid('backup-reminder'))).toBeNull();
      // An account added after the backup brings it back, counting only that one.
      await add('Gamma');
      expect(await session.request({ type: 'backup.reminder' })).toEqual({ count: 1, insist: false });
    });

    it('"Not now" from the keyboard quiets the reminder, as the extension records', async () => {
      await add('Alpha');
      const popup = await open('popup.html');
      await waitFor(popup, 'backup-reminder');
      await popup.focus(tid('backup-now'));
      await popup.keyboard.press('Tab');
      expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('backup-dismiss');
      await popup.keyboard.press('Enter');
      await popup.waitForSelector(tid('backup-reminder'), { hidden: true, timeout: 10_000 });
      expect(await session.request({ type: 'backup.reminder' })).toEqual({ count: 0, insist: false });
      expect(((await local().get('backupRecord')) as { quietUntil: number }).quietUntil).toBeGreaterThan(Date.now());
    });

    it('the Aegis JSON export from the options page reads back, through the Aegis importer, to the same accounts and codes', async () => {
      const preview = await session.request({ type: 'import.preview', text: otpauthLines(SAMPLE_ACCOUNTS) });
      await session.request({ type: 'import.commit', token: preview.token, sites: [] });
      const options = await open('options.html');
      const nextFile = await catchDownload(options, browserName);
      await typeField(options, 'export-aegis-passphrase', 'not the passphrase');
      await press(options, 'export-aegis');
      expect(await textOf(options, 'export-aegis-result')).toMatch(/passphrase does not open/i);
      expect(await session.request({ type: 'backup.reminder' })).toEqual({ count: SAMPLE_ACCOUNTS.length, insist: false });
      await typeField(options, 'export-aegis-passphrase', TEST_PASSPHRASE);
      await press(options, 'export-aegis');
      const file = await nextFile();
      expect(file.name).toMatch(/^aegis-export-plain-\d{4}-\d\d-\d\d\.json$/);
      expect(await textOf(options, 'export-aegis-result')).toContain(file.name);
      // A plain export of every account counts as a backup.
      expect(await session.request({ type: 'backup.reminder' })).toEqual({ count: 0, insist: false });

      // The importer, on its own, reads the very accounts.
      const read = await readImportFile(new TextEncoder().encode(file.text));
      expect(read.format).toBe('aegis');
      expect(read.accounts.map(({ sites: _s, matchRegistrableDomain: _m, ...a }) => a)).toEqual(SAMPLE_ACCOUNTS);

      // And the extension, emptied, takes the file back with the same accounts and the same codes at one moment.
      const before = await session.request({ type: 'accounts.list' });
      for (const account of before.accounts) await session.request({ type: 'accounts.remove', id: account.id });
      const back = await session.request({ type: 'import.preview', file: Buffer.from(file.text).toString('base64') });
      expect(back.format).toBe('aegis');
      await session.request({ type: 'import.commit', token: back.token, sites: [] });
      const now = Date.now();
      const { accounts } = await session.request({ type: 'accounts.list' });
      const { codes } = await session.request({ type: 'accounts.codes', now });
      const shape = (a: (typeof accounts)[number]) => ({ issuer: a.issuer, accountName: a.accountName, type: a.type, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter });
      expect(accounts.map(shape)).toEqual(before.accounts.map(shape));
      for (const sample of SAMPLE_ACCOUNTS) {
        const account = accounts.find((a) => a.issuer === sample.issuer)!;
        if (sample.type === 'totp') expect(codes.find((c) => c.id === account.id)?.code, sample.issuer).toBe(oracleTotp(sample.secret, now, sample));
        else expect((await session.request({ type: 'accounts.nextHotp', id: account.id })).code.code).toBe(oracleHotp(sample.secret, sample.counter, sample));
      }
      // A plain export of every account counts as a backup.
    });

    it('a person’s own delete is no loss; an older vault put back while locked is said plainly at the next unlock', async () => {
      await add('Alpha');
      const older = await local().get('vault');
      await add('Beta', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
      await add('Gamma', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U');

      // Deleted through the popup, then locked and unlocked through it: nothing to say.
      const popup = await open('popup.html');
      await waitForRow(popup, 'Gamma');
      const index = (await rowIssuers(popup)).indexOf('Gamma');
      await (await popup.$$(tid('edit-account')))[index]!.click();
      await press(popup, 'delete-account');
      await press(popup, 'delete-confirm');
      await expect.poll(() => rowIssuers(popup), { timeout: 10_000 }).toEqual(['Alpha', 'Beta']);
      await press(popup, 'lock');
      await typeField(popup, 'passphrase', TEST_PASSPHRASE);
      await press(popup, 'unlock');
      await waitForRow(popup, 'Beta');
      // The unlock answered only after the background compared the vault with its last save: its word is final.
      expect(await session.request({ type: 'vault.loss' })).toEqual({});
      expect(await popup.$(tid('vault-loss'))).toBeNull();

      // Replaced from outside while locked: the copy holding only Alpha.
      await session.request({ type: 'vault.lock' });
      await local().set({ vault: older });
      const later = await open('popup.html');
      await waitFor(later, 'unlock-form');
      expect(await later.$(tid('vault-loss'))).toBeNull();
      await typeField(later, 'passphrase', TEST_PASSPHRASE);
      await press(later, 'unlock');
      const notice = await waitFor(later, 'vault-loss');
      expect(await notice.evaluate((el) => el.getAttribute('role'))).toBe('alert');
      expect(await textOf(later, 'vault-loss')).toContain('1 account that Portal Authenticator saved is no longer in the vault.');
      expect(await textOf(later, 'vault-loss')).toContain('import your last backup');
      expect(await rowIssuers(later)).toEqual(['Alpha']);
      expect(await findSeriousViolations(later), 'popup with the notice').toEqual([]);
      expect(await session.request({ type: 'vault.loss' })).toEqual({ loss: { kind: 'shrunk', expected: 2, found: 1, noticedAt: expect.any(Number) } });

      // The options page says it too, and its button leads to the import.
      const options = await open('options.html');
      await waitFor(options, 'vault-loss');
      expect(await findSeriousViolations(options), 'options page with the notice').toEqual([]);
      await press(options, 'vault-loss-import');
      expect(await options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-file');

      // Dismissed in the popup, it is gone for good.
      await later.bringToFront();
      await press(later, 'vault-loss-dismiss');
      await expect.poll(() => session.request({ type: 'vault.loss' }), { timeout: 10_000 }).toEqual({});
    });

    it('a vault removed from storage is said on the first-run screen, and still after a new vault is made', async () => {
      await add('Alpha');
      await add('Beta', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
      await session.request({ type: 'vault.lock' });
      await local().remove(['vault', 'vault.next']);
      const popup = await open('popup.html');
      await waitFor(popup, 'create-form');
      expect(await textOf(popup, 'vault-loss')).toContain('Portal Authenticator had saved 2 accounts in this browser');
      expect(await textOf(popup, 'vault-loss')).toContain('create a new vault, then import your last backup');
      expect(await session.request({ type: 'vault.loss' })).toMatchObject({ loss: { kind: 'vanished', expected: 2, found: 0 } });

      await typeField(popup, 'passphrase', TEST_PASSPHRASE);
      await typeField(popup, 'passphrase-confirm', TEST_PASSPHRASE);
      await press(popup, 'create-vault');
      await waitFor(popup, 'empty-list', 30_000);
      expect(await textOf(popup, 'vault-loss')).toContain('To get the accounts back, import your last backup');
      expect(await session.request({ type: 'vault.loss' })).toMatchObject({ loss: { kind: 'vanished', expected: 2 } });
    });
  });
}
