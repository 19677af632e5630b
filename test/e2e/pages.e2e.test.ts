import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { type ExtensionSession, launchWithExtension } from '../../src/testing';
import { SAMPLE_SECRET, TEST_PASSPHRASE, sampleUri } from './browsers';
import { changePassphraseInOptions, checkBackupReimport, checkMigrationQrs, exportBackupWithButton } from './pages/options-steps';
import { press, rowIssuers, textOf, textsOf, tid, typeField, waitFor, writeQrPng } from './pages/page-helpers';
import { addManually, createVaultInPopup, expectOracleCode, lockAndUnlock, openAddRoute, scanFromPopupTab, type TestAccount, waitForRow } from './pages/popup-steps';

/** One account per way of adding it; each secret differs so a code shown in the wrong row is caught. */
const ROUTES: Record<'manual' | 'uri' | 'image' | 'scan', TestAccount> = {
  manual: { issuer: 'Manual Co', account: 'typed@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  uri: { issuer: 'Acme Corp', account: 'alice@example.com', secret: SAMPLE_SECRET },
  image: { issuer: 'Image Inc', account: 'photo@example.com', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' },
  scan: { issuer: 'Scan Ltd', account: 'scan@example.com', secret: 'ORSXG5BAMJQWG23VOAQGG33EMUQGC3TE' },
};
const NEW_PASSPHRASE = 'orbit lantern meadow quartz';
const BACKUP_PASSPHRASE = 'a separate backup passphrase';

/** Launches a browser whose kit request page is already open, so it stays behind the pages under test. */
async function launch(browser: 'chromium' | 'firefox'): Promise<ExtensionSession> {
  const session = await launchWithExtension({ browser });
  await session.request({ type: 'vault.status' });
  return session;
}

/** A browser of its own for each test, so each test starts from the state it sets up and none from another's. */
function useFreshBrowser(browser: 'chromium' | 'firefox') {
  const env = {} as { session: ExtensionSession };
  beforeEach(async () => {
    env.session = await launch(browser);
  });
  afterEach(async () => {
    await env.session?.close();
  });
  return env;
}

/** Creates the vault (unlocked) holding `routes`, each bound to no site. */
async function provision(session: ExtensionSession, routes: TestAccount[] = Object.values(ROUTES)): Promise<void> {
  await session.provision({ passphrase: TEST_PASSPHRASE, accounts: routes.map((r) => ({ uri: sampleUri(r.issuer, r.account, r.secret) })) });
}

async function openPopup(session: ExtensionSession): Promise<Page> {
  const popup = await session.openExtensionPage('popup.html');
  await popup.setViewport({ width: 390, height: 600 });
  return popup;
}

async function openOptions(session: ExtensionSession): Promise<Page> {
  const options = await session.openExtensionPage('options.html');
  await options.setViewport({ width: 1000, height: 1400 });
  await waitFor(options, 'import-text');
  return options;
}

describe('popup and options pages in chromium', () => {
  const env = useFreshBrowser('chromium');

  it('first run: refuses mismatched passphrases, then creates the vault', async () => {
    const popup = await openPopup(env.session);
    await waitFor(popup, 'create-form');
    await typeField(popup, 'passphrase', TEST_PASSPHRASE);
    await typeField(popup, 'passphrase-confirm', `${TEST_PASSPHRASE}!`);
    await waitFor(popup, 'passphrase-mismatch');
    expect(await popup.$eval(tid('create-vault'), (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await createVaultInPopup(popup, TEST_PASSPHRASE);
    expect(await env.session.request({ type: 'vault.status' })).toEqual({ state: 'unlocked' });
  });

  it('adds an account by typing its key, previewing the same code as an independent implementation', async () => {
    await provision(env.session, []);
    const popup = await openPopup(env.session);
    await addManually(popup, ROUTES.manual);
    expect(await textOf(popup, 'toast')).toContain(ROUTES.manual.issuer);
  });

  it('adds an account from a pasted otpauth link', async () => {
    await provision(env.session, []);
    const popup = await openPopup(env.session);
    await openAddRoute(popup, 'add-uri');
    await typeField(popup, 'uri-text', sampleUri(ROUTES.uri.issuer, ROUTES.uri.account, ROUTES.uri.secret));
    await press(popup, 'save-uri');
    await waitForRow(popup, ROUTES.uri.issuer);
    expect((await env.session.request({ type: 'accounts.list' })).accounts.map((a) => a.issuer)).toEqual([ROUTES.uri.issuer]);
  });

  it('adds an account from a PNG of its QR code', async () => {
    await provision(env.session, []);
    const popup = await openPopup(env.session);
    const { issuer, account, secret } = ROUTES.image;
    const file = await writeQrPng(sampleUri(issuer, account, secret));
    await openAddRoute(popup, 'add-image');
    const input = (await popup.waitForSelector(tid('image-file'))) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await waitForRow(popup, issuer);
    await expectOracleCode(popup, ROUTES.image);
  });

  it('opened as a tab, scans the web page that was in front before it and proposes that page as the site', async () => {
    await provision(env.session, []);
    await scanFromPopupTab(env.session, ROUTES.scan);
  });

  it('shows in every row the code an independent implementation computes', async () => {
    await provision(env.session);
    const popup = await openPopup(env.session);
    await waitForRow(popup, ROUTES.scan.issuer);
    expect([...(await rowIssuers(popup))].sort()).toEqual(Object.values(ROUTES).map((r) => r.issuer).sort());
    for (const route of Object.values(ROUTES)) await expectOracleCode(popup, route);
  });

  it('filters the list as the search is typed, and says when nothing matches', async () => {
    await provision(env.session);
    const popup = await openPopup(env.session);
    await waitForRow(popup, ROUTES.scan.issuer);
    await typeField(popup, 'search', 'image');
    await expect.poll(() => rowIssuers(popup)).toEqual([ROUTES.image.issuer]);
    await typeField(popup, 'search', 'typed@');
    await expect.poll(() => rowIssuers(popup)).toEqual([ROUTES.manual.issuer]);
    await typeField(popup, 'search', 'no such account');
    await waitFor(popup, 'no-match');
    await popup.keyboard.press('Escape');
    await expect.poll(async () => (await rowIssuers(popup)).length).toBe(4);
  });

  /** Opens the popup on a vault of every route and the edit form of `issuer`'s row. */
  const openEdit = async (issuer: string): Promise<Page> => {
    await provision(env.session);
    const popup = await openPopup(env.session);
    await waitForRow(popup, issuer);
    const index = (await rowIssuers(popup)).indexOf(issuer);
    await (await popup.$$(tid('edit-account')))[index]!.click();
    await waitFor(popup, 'edit-form');
    return popup;
  };

  it('edits an account: new name and sites are saved', async () => {
    const popup = await openEdit(ROUTES.manual.issuer);
    await typeField(popup, 'issuer', 'Renamed Co');
    await typeField(popup, 'sites', 'https://login.example.org');
    await press(popup, 'save-edit');
    await waitForRow(popup, 'Renamed Co');
    const { accounts } = await env.session.request({ type: 'accounts.list' });
    expect(accounts.find((a) => a.accountName === ROUTES.manual.account)).toMatchObject({ issuer: 'Renamed Co', sites: ['https://login.example.org'] });
  });

  it('deletes an account after confirmation, and Undo brings it back', async () => {
    const popup = await openEdit(ROUTES.uri.issuer);
    await press(popup, 'delete-account');
    await press(popup, 'delete-confirm');
    await expect.poll(() => rowIssuers(popup), { timeout: 10_000 }).not.toContain(ROUTES.uri.issuer);
    expect((await env.session.request({ type: 'accounts.list' })).accounts).toHaveLength(3);
    expect(await textOf(popup, 'toast')).toContain(ROUTES.uri.issuer);
    await press(popup, 'undo');
    await waitForRow(popup, ROUTES.uri.issuer);
    expect((await env.session.request({ type: 'accounts.list' })).accounts).toHaveLength(4);
  });

  it('locks now, says when the passphrase is wrong, and unlocks with the right one', async () => {
    await provision(env.session);
    await lockAndUnlock(await openPopup(env.session), TEST_PASSPHRASE, ROUTES.uri.issuer);
  });

  describe('options page', () => {
    it('imports pasted otpauth links after a preview of what is accepted and what is skipped', async () => {
      await provision(env.session);
      const options = await openOptions(env.session);
      const lines = [
        sampleUri('Links One', 'one@example.com', 'KRUGS4ZANFZSAYJAORSXG5BAKNSWG4TF'),
        'otpauth://totp/Broken?secret=not*base32',
        sampleUri('Links Two', 'two@example.com', 'NBSWY3DPFQQHO33SNRSCCZLYMFWXA3DF'),
      ];
      await typeField(options, 'import-text', lines.join('\n'));
      await press(options, 'import-preview');
      await waitFor(options, 'import-preview-result');
      expect(await textsOf(options, 'import-accepted-item')).toEqual([expect.stringMatching(/^Links One — one@example\.com TOTP/), expect.stringMatching(/^Links Two — two@example\.com TOTP/)]);
      // Each account says where it will be filled: nowhere until a site is typed.
      expect(await textsOf(options, 'import-accepted-binding')).toEqual([expect.stringMatching(/^Bound to no site/), expect.stringMatching(/^Bound to no site/)]);
      const skipped = await textsOf(options, 'import-skipped-item');
      expect(skipped).toHaveLength(1);
      // Names the line (today "Item 2") and why: the key has a character base32 does not allow.
      expect(skipped[0]).toMatch(/not allowed/);
      await press(options, 'import-commit');
      expect(await textOf(options, 'import-result')).toMatch(/Added 2 of 2/);
      expect((await env.session.request({ type: 'accounts.list' })).accounts).toHaveLength(6);
    });

    it('keeps settings: auto-fill and freshness survive a reload', async () => {
      await provision(env.session);
      const options = await openOptions(env.session);
      expect(await options.$eval(tid('auto-fill'), (el) => (el as HTMLInputElement).checked)).toBe(true);
      await press(options, 'auto-fill');
      await expect.poll(async () => (await env.session.request({ type: 'settings.get' })).settings.autoFill).toBe(false);
      await typeField(options, 'freshness-seconds', '12');
      await options.keyboard.press('Tab');
      await expect.poll(async () => (await env.session.request({ type: 'settings.get' })).settings.freshnessSeconds).toBe(12);
      await options.reload();
      await waitFor(options, 'import-text');
      await options.waitForSelector(`${tid('freshness-seconds')}:not([disabled])`);
      expect(await options.$eval(tid('auto-fill'), (el) => (el as HTMLInputElement).checked)).toBe(false);
      expect(await options.$eval(tid('freshness-seconds'), (el) => (el as HTMLInputElement).value)).toBe('12');
    });

    it('shows the Google Authenticator transfer QR codes, one per batch, each readable', async () => {
      await provision(env.session);
      await checkMigrationQrs(env.session, await openOptions(env.session), 11);
    });

    it('downloads an encrypted backup with the real button; it holds no secret in the clear', async () => {
      await provision(env.session);
      const backup = await exportBackupWithButton(await openOptions(env.session), BACKUP_PASSPHRASE);
      expect(backup.name).toMatch(/\.json$/);
      expect(JSON.parse(backup.text)).toMatchObject({ format: 'portal-authenticator-backup' });
      for (const { secret } of Object.values(ROUTES)) expect(backup.text).not.toContain(secret);
    });

    it('re-imports the backup into a fresh profile: the same accounts with the same codes', async () => {
      await provision(env.session);
      const backup = await exportBackupWithButton(await openOptions(env.session), BACKUP_PASSPHRASE);
      await checkBackupReimport(env.session, backup, BACKUP_PASSPHRASE);
    });

    it('changes the passphrase; after Lock now only the new one unlocks', async () => {
      await provision(env.session);
      const options = await openOptions(env.session);
      await changePassphraseInOptions(options, TEST_PASSPHRASE, NEW_PASSPHRASE);
      await typeField(options, 'passphrase', TEST_PASSPHRASE);
      await press(options, 'unlock');
      expect(await textOf(options, 'error')).toMatch(/passphrase does not open/i);
      await typeField(options, 'passphrase', NEW_PASSPHRASE);
      await press(options, 'unlock');
      await waitFor(options, 'import-text');
      expect(await env.session.request({ type: 'vault.status' })).toEqual({ state: 'unlocked' });
    });
  });
});

describe('popup in firefox (the basics)', () => {
  const env = useFreshBrowser('firefox');

  it('creates the vault, adds an account by hand with a correct preview and code, locks and unlocks', async () => {
    const popup = await env.session.openExtensionPage('popup.html');
    await createVaultInPopup(popup, TEST_PASSPHRASE);
    await addManually(popup, ROUTES.image);
    await expectOracleCode(popup, ROUTES.image);
    await lockAndUnlock(popup, TEST_PASSPHRASE, ROUTES.image.issuer);
  });

  it('opened as a tab, scans the web page that was in front before it', async () => {
    await provision(env.session, []);
    await scanFromPopupTab(env.session, ROUTES.scan);
  });
});
