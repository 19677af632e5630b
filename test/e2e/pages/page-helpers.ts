import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import type { ElementHandle, Page } from 'puppeteer-core';
import QRCode from 'qrcode';

/** The CSS selector of one `data-testid`. */
export function tid(testId: string): string {
  return `[data-testid="${testId}"]`;
}

/** Waits for an element of the extension page (generous: the background may be busy deriving a key). */
export async function waitFor(page: Page, testId: string, timeout = 20_000): Promise<ElementHandle<Element>> {
  const handle = await page.waitForSelector(tid(testId), { visible: true, timeout });
  if (!handle) throw new Error(`no ${testId}`);
  return handle;
}

/** Clicks an element by test id once it is visible and enabled. */
export async function press(page: Page, testId: string): Promise<void> {
  await page.waitForSelector(`${tid(testId)}:not([disabled])`, { visible: true, timeout: 20_000 });
  await page.click(tid(testId));
}

/** Replaces a field's text by typing, as a person would (select all, then type). */
export async function typeField(page: Page, testId: string, text: string): Promise<void> {
  const field = await waitFor(page, testId);
  await field.click({ count: 3 });
  await field.evaluate((el) => (el as HTMLInputElement).select?.());
  await page.keyboard.press('Backspace');
  await field.type(text);
}

/** Text content of one element. */
export async function textOf(page: Page, testId: string): Promise<string> {
  return (await waitFor(page, testId)).evaluate((el) => el.textContent ?? '');
}

/** Text content of every element with the test id. */
export async function textsOf(page: Page, testId: string): Promise<string[]> {
  return page.$$eval(tid(testId), (els) => els.map((el) => el.textContent ?? ''));
}

/** The issuer shown in every account row, top to bottom. */
export async function rowIssuers(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="account-row"] .row-issuer', (els) => els.map((el) => el.textContent ?? ''));
}

/** The code shown in the row whose issuer is `issuer`, spaces removed. */
export async function codeInRow(page: Page, issuer: string): Promise<string> {
  return page.$$eval(
    '[data-testid="account-row"]',
    (rows, wanted) => {
      const row = rows.find((r) => r.querySelector('.row-issuer')?.textContent === wanted);
      return (row?.querySelector('[data-testid="account-code"]')?.textContent ?? '').replace(/\s/g, '');
    },
    issuer,
  );
}

/** The TOTP code of `secret` at `timestamp`, from the independent otpauth library (RFC 6238). */
export function oracleTotp(secret: string, timestamp = Date.now(), period = 30): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret.replace(/\s/g, '')), period }).generate({ timestamp });
}

/** Writes `text` as a QR code PNG into a fresh temporary folder and returns its path. */
export async function writeQrPng(text: string, name = 'qr.png'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'portal-auth-qr-'));
  const path = join(dir, name);
  await QRCode.toFile(path, text, { type: 'png', margin: 4, width: 300 });
  return path;
}

/** Makes Chromium save downloads of `page` into a fresh folder, and returns a function that waits for the first file. */
export async function captureDownloads(page: Page): Promise<{ dir: string; next: () => Promise<{ name: string; text: string }> }> {
  const dir = await mkdtemp(join(tmpdir(), 'portal-auth-download-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  const next = async () => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      // Chromium writes `<name>.crdownload` first and renames it when done.
      const done = (await readdir(dir)).filter((f) => !f.endsWith('.crdownload'));
      if (done[0]) return { name: done[0], text: await readFile(join(dir, done[0]), 'utf8') };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no download arrived');
  };
  return { dir, next };
}
