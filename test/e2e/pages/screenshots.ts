/**
 * Screenshots of the popup (390×600) and the options page (1000×1400) in light and dark, for design review and the
 * README. Run: `npx tsx test/e2e/pages/screenshots.ts` (uses the built extension in .output/chrome-mv3).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../../../src/testing';
import { PACKAGE_ROOT } from '../../../src/testing/extension-build';
import { TEST_PASSPHRASE } from '../browsers';
import { press, tid, typeField, waitFor } from './page-helpers';

const OUT = join(PACKAGE_ROOT, 'test-results', 'screens');
const POPUP = { width: 390, height: 600 };
const OPTIONS = { width: 1000, height: 1400 };

/** Five accounts a portal user might have; one has a 20 s period so it can be caught alone in its last seconds. */
const ACCOUNTS = [
  { uri: 'otpauth://totp/JumpCloud:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=JumpCloud', sites: ['https://console.jumpcloud.com'] },
  { uri: 'otpauth://totp/GitHub:alice-example?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=GitHub', sites: ['https://github.com'] },
  { uri: 'otpauth://totp/Amazon%20Web%20Services:alice%40acme-production-account?secret=ORSXG5BAMJQWG23VOAQGG33EMUQGC3TE&issuer=Amazon%20Web%20Services', sites: [] },
  { uri: 'otpauth://totp/Legacy%20VPN:alice?secret=KRUGS4ZANFZSAYJAORSXG5BAKNSWG4TF&issuer=Legacy%20VPN&period=20', sites: [] },
  { uri: 'otpauth://hotp/Build%20server:ci-admin?secret=NBSWY3DPFQQHO33SNRSCCZLYMFWXA3DF&issuer=Build%20server&counter=4', sites: [] },
];

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    // No caret and no hover colour in the picture.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(1, 1);
    await page.screenshot({ path: join(OUT, `${name}-${scheme}.png`) });
  }
}

/** Waits until exactly one countdown ring is red (the 20 s account in its last seconds, the 30 s ones not). */
async function waitForOneUrgent(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('.ring.urgent').length === 1 && document.querySelector('[data-testid="account-next-code"]') !== null,
    { timeout: 70_000, polling: 100 },
  );
}

await mkdir(OUT, { recursive: true });
const session = await launchWithExtension({ browser: 'chromium' });
try {
  const popup = await session.openExtensionPage('popup.html');
  await popup.setViewport(POPUP);
  await waitFor(popup, 'create-form');
  await shoot(popup, 'popup-first-run');

  await session.provision({ passphrase: TEST_PASSPHRASE, accounts: ACCOUNTS });
  await session.request({ type: 'vault.lock' });
  await popup.bringToFront();
  await popup.reload();
  await waitFor(popup, 'unlock-form');
  await shoot(popup, 'popup-locked');

  await typeField(popup, 'passphrase', TEST_PASSPHRASE);
  await press(popup, 'unlock');
  await waitFor(popup, 'account-row');
  await popup.mouse.move(1, 1);
  await waitForOneUrgent(popup);
  await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await popup.screenshot({ path: join(OUT, 'popup-list-light.png') });
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await popup.screenshot({ path: join(OUT, 'popup-list-dark.png') });
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);

  await press(popup, 'add-account');
  await shoot(popup, 'popup-add');
  await press(popup, 'add-manual');
  await typeField(popup, 'issuer', 'Okta');
  await typeField(popup, 'account-name', 'alice@example.com');
  await typeField(popup, 'secret', 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq');
  await waitFor(popup, 'manual-preview');
  await shoot(popup, 'popup-add-manual');

  await press(popup, 'back');
  await waitFor(popup, 'account-row');
  await (await popup.$$(tid('edit-account')))[0]!.click();
  await waitFor(popup, 'edit-form');
  await popup.waitForFunction(() => /example\.com|jumpcloud\.com/.test(document.querySelector('[data-testid="edit-form"] .check')?.textContent ?? ''), { timeout: 10_000 });
  await shoot(popup, 'popup-edit');

  const options = await session.openExtensionPage('options.html');
  await options.setViewport(OPTIONS);
  await waitFor(options, 'import-text');
  await shoot(options, 'options');
  await typeField(options, 'export-qr-passphrase', TEST_PASSPHRASE);
  await press(options, 'export-migration');
  await waitFor(options, 'migration-qr');
  const exportCard = await options.$('section[aria-labelledby="export-title"]');
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await exportCard!.screenshot({ path: join(OUT, `options-export-${scheme}.png`) });
  }
  console.log(`Screenshots in ${OUT}`);
} finally {
  await session.close();
}
