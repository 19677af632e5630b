import jsQR from 'jsqr';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../../src/testing';
import { english } from '../../english-messages';
import { TEST_PASSPHRASE, sampleUri } from '../browsers';
import { captureDownloads, press, textOf, textsOf, tid, typeField, waitFor } from './page-helpers';

/** Reads what a QR canvas on the page shows, with jsQR in Node (independent of the page's own code). */
async function readCanvasQr(canvas: ElementHandle<Element>): Promise<string | undefined> {
  const { width, height, data } = await canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    return { width: c.width, height: c.height, data: Array.from(pixels.data) };
  });
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
}

/** Adds accounts until the vault holds `total`, so the transfer export needs more than one QR code (10 per code). */
async function fillVaultTo(session: ExtensionSession, total: number): Promise<void> {
  const { accounts } = await session.request({ type: 'accounts.list' });
  for (let n = accounts.length; n < total; n++) {
    const secret = `JBSWY3DPEHPK3PX${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n]}`;
    await session.request({ type: 'accounts.addUri', uri: sampleUri('Batch Test', `user${n}@example.com`, secret), sites: [] });
  }
}

/** Transfer QR export: one canvas per batch, each decoding to a part that, read back, names every account. */
export async function checkMigrationQrs(session: ExtensionSession, options: Page, total: number): Promise<void> {
  await fillVaultTo(session, total);
  // The section read the account list when it mounted; a reload shows the added ones.
  await options.reload();
  // Secrets are shown only for the vault's passphrase: a wrong one is refused beside the field, and nothing shows.
  await typeField(options, 'export-qr-passphrase', 'not the passphrase');
  await press(options, 'export-migration');
  expect(await textOf(options, 'export-error')).toBe(english({ key: 'error_wrong_passphrase_vault' }));
  expect(await options.$eval(tid('export-qr-passphrase'), (el) => el.getAttribute('aria-invalid'))).toBe('true');
  expect(await options.$(tid('migration-qrs'))).toBeNull();
  await typeField(options, 'export-qr-passphrase', TEST_PASSPHRASE);
  await press(options, 'export-migration');
  await waitFor(options, 'migration-qrs');
  // Used once, the passphrase is gone from the page.
  expect(await options.$eval(tid('export-qr-passphrase'), (el) => (el as HTMLInputElement).value)).toBe('');
  const canvases = await options.$$(tid('migration-qr'));
  expect(canvases).toHaveLength(Math.ceil(total / 10));
  const parts: string[] = [];
  for (const canvas of canvases) {
    // The encoder loads lazily; poll until the canvas is drawn.
    await expect.poll(() => readCanvasQr(canvas), { timeout: 10_000 }).toMatch(/^otpauth-migration:\/\/offline\?data=/);
    parts.push((await readCanvasQr(canvas))!);
  }
  expect(new Set(parts).size).toBe(parts.length);
  // Every account in the vault comes back, each skipped as already saved.
  const preview = await session.request({ type: 'import.preview', text: parts.join('\n') });
  expect(preview.accepted).toHaveLength(0);
  expect(preview.skipped).toHaveLength(total);
  expect(preview.skipped.every((s) => /already/i.test(english(s.reason)))).toBe(true);
}

/** Fills the backup form and clicks the real button; returns the file Chromium saved. */
export async function exportBackupWithButton(options: Page, passphrase: string): Promise<{ name: string; text: string }> {
  const downloads = await captureDownloads(options);
  await typeField(options, 'export-passphrase', passphrase);
  await typeField(options, 'export-passphrase-confirm', passphrase);
  await press(options, 'export-backup');
  const file = await downloads.next();
  expect(await textOf(options, 'export-backup-result')).toContain(file.name);
  return file;
}

type Shape = { issuer: string; accountName: string; type: string; digits: number; period: number; sites: string[] };
const shape = (a: Shape) => ({ issuer: a.issuer, accountName: a.accountName, type: a.type, digits: a.digits, period: a.period, sites: a.sites });
const byLabel = (a: { issuer: string; accountName: string }, b: { issuer: string; accountName: string }) =>
  `${a.issuer}/${a.accountName}`.localeCompare(`${b.issuer}/${b.accountName}`);

/** A second, fresh profile imports the backup file through its options page and ends with the same accounts and codes. */
export async function checkBackupReimport(session: ExtensionSession, backup: { name: string; text: string }, passphrase: string): Promise<void> {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const path = join(await mkdtemp(join(tmpdir(), 'portal-auth-backup-')), backup.name);
  await writeFile(path, backup.text);

  const fresh = await launchWithExtension({ browser: 'chromium' });
  try {
    await fresh.provision({ passphrase: TEST_PASSPHRASE });
    const options = await fresh.openExtensionPage('options.html');
    const input = (await options.waitForSelector(tid('import-file'), { timeout: 20_000 })) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    await waitFor(options, 'import-backup');
    await typeField(options, 'backup-passphrase', passphrase);
    await press(options, 'import-preview');
    await waitFor(options, 'import-preview-result', 30_000);
    const original = (await session.request({ type: 'accounts.list' })).accounts;
    expect(await textsOf(options, 'import-accepted-item')).toHaveLength(original.length);
    await press(options, 'import-commit');
    await waitFor(options, 'import-result');

    const copied = (await fresh.request({ type: 'accounts.list' })).accounts;
    expect(copied.map(shape).sort(byLabel)).toEqual(original.map(shape).sort(byLabel));
    const now = Date.now();
    const codesOf = async (s: ExtensionSession, list: typeof original) => {
      const { codes } = await s.request({ type: 'accounts.codes', now });
      return list.map((a) => ({ label: `${a.issuer}/${a.accountName}`, code: codes.find((c) => c.id === a.id)?.code })).sort((x, y) => x.label.localeCompare(y.label));
    };
    const expected = await codesOf(session, original);
    expect(expected.every((c) => /^\d{6}$/.test(c.code ?? ''))).toBe(true);
    expect(await codesOf(fresh, copied)).toEqual(expected);
  } finally {
    await fresh.close();
  }
}

/** Changes the passphrase in the options page's security section, waits for "changed", then locks with Lock now. */
export async function changePassphraseInOptions(options: Page, current: string, next: string): Promise<void> {
  await typeField(options, 'current-passphrase', current);
  await typeField(options, 'new-passphrase', next);
  await typeField(options, 'new-passphrase-confirm', next);
  await press(options, 'change-passphrase');
  await expect.poll(() => textOf(options, 'security-result'), { timeout: 30_000 }).toMatch(/passphrase was changed/i);
  await press(options, 'lock');
  await waitFor(options, 'unlock-form');
}
