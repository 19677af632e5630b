import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../src/testing';
import { oracleTotp } from '../background/helpers';
import {
  aegisEncrypted,
  aegisEntries,
  aegisPlain,
  andOtpEncrypted,
  andOtpEntries,
  authenticatorExtBackup,
  bitwardenCsv,
  bitwardenJson,
  enteEncrypted,
  otpauthLines,
  SAMPLE_ACCOUNTS,
  twoFasEncrypted,
  twoFasPlain,
  twoFasServices,
} from '../fixtures/import/build-fixtures';
import { BROWSERS, TEST_PASSPHRASE } from './browsers';
import { press, textOf, textsOf, tid, typeField, waitFor } from './pages/page-helpers';

const PASSWORD = 'export password';
const SITE = 'https://portal.example.com';

/** Every format the options page imports, each file built from its format description; `password` when encrypted. */
const FILES: Array<{ format: string; build: () => Promise<string | Uint8Array>; password?: string; steam?: boolean }> = [
  { format: 'Aegis (plain JSON)', build: async () => aegisPlain(aegisEntries(SAMPLE_ACCOUNTS, true)), steam: true },
  { format: 'Aegis (encrypted)', build: () => aegisEncrypted(aegisEntries(SAMPLE_ACCOUNTS), PASSWORD), password: PASSWORD },
  { format: '2FAS (plain)', build: async () => twoFasPlain(twoFasServices(SAMPLE_ACCOUNTS, true)), steam: true },
  { format: '2FAS (encrypted)', build: () => twoFasEncrypted(twoFasServices(SAMPLE_ACCOUNTS), PASSWORD), password: PASSWORD },
  { format: 'otpauth:// links', build: async () => `${otpauthLines(SAMPLE_ACCOUNTS)}\n` },
  { format: 'Ente Auth (encrypted)', build: async () => enteEncrypted(otpauthLines(SAMPLE_ACCOUNTS), PASSWORD), password: PASSWORD },
  { format: 'andOTP (plain JSON)', build: async () => JSON.stringify(andOtpEntries(SAMPLE_ACCOUNTS, true)), steam: true },
  { format: 'andOTP (encrypted)', build: () => andOtpEncrypted(andOtpEntries(SAMPLE_ACCOUNTS), PASSWORD, { kind: 'pbkdf2', iterations: 140_000 }), password: PASSWORD },
  { format: 'Bitwarden (JSON)', build: async () => bitwardenJson(SAMPLE_ACCOUNTS, { withSteam: true }), steam: true },
  { format: 'Bitwarden (CSV)', build: async () => bitwardenCsv(SAMPLE_ACCOUNTS, { withSteam: true }), steam: true },
  { format: 'the Authenticator extension’s backup', build: async () => authenticatorExtBackup(SAMPLE_ACCOUNTS, { withSteam: true }), steam: true },
];

for (const browserName of BROWSERS) {
  describe(`import of other authenticators' files through the options page in ${browserName}`, () => {
    let session: ExtensionSession;
    let options: Page;
    let dir: string;

    beforeAll(async () => {
      session = await launchWithExtension({ browser: browserName });
      await session.provision({ passphrase: TEST_PASSPHRASE });
      dir = await mkdtemp(join(tmpdir(), 'portal-auth-import-'));
    });
    afterAll(async () => {
      await session?.close();
    });
    beforeEach(async () => {
      // Each test starts from an empty vault and a freshly loaded page.
      for (const account of (await session.request({ type: 'accounts.list' })).accounts) await session.request({ type: 'accounts.remove', id: account.id });
      await options?.close();
      options = await session.openExtensionPage('options.html');
      await options.setViewport({ width: 1000, height: 1400 });
      await waitFor(options, 'import-text');
    });

    it.each(FILES)('$format: recognised from its contents, previewed, bound to the typed site and checked after saving', async ({ format, build, password, steam }) => {
      // A name that says nothing of the format: only the contents decide.
      const path = join(dir, `export-${Math.random().toString(36).slice(2)}.dat`);
      await writeFile(path, await build());
      const input = (await options.waitForSelector(tid('import-file'))) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      await waitFor(options, 'import-backup');
      if (password) {
        await press(options, 'import-preview');
        expect(await textOf(options, 'import-problem')).toMatch(/encrypted\. Enter the password/);
        await typeField(options, 'backup-passphrase', 'not the password');
        await press(options, 'import-preview');
        await options.waitForFunction((sel) => /password is wrong/.test(document.querySelector(sel)?.textContent ?? ''), {}, tid('import-problem'));
        await typeField(options, 'backup-passphrase', password);
      }
      await press(options, 'import-preview');
      await waitFor(options, 'import-preview-result', 30_000);
      expect(await textOf(options, 'import-format')).toBe(`Recognised as: ${format}`);
      expect(await textsOf(options, 'import-accepted-item')).toHaveLength(SAMPLE_ACCOUNTS.length);
      expect(await textsOf(options, 'import-skipped-item')).toEqual(steam ? [expect.stringMatching(/Steam Guard codes .* not supported/)] : []);
      await typeField(options, 'import-sites', SITE);
      expect(await textsOf(options, 'import-accepted-binding')).toEqual(SAMPLE_ACCOUNTS.map(() => `Will be bound to: ${SITE}`));
      expect((await session.request({ type: 'accounts.list' })).accounts).toEqual([]);
      await press(options, 'import-commit');
      expect(await textOf(options, 'import-result')).toBe(`Added ${SAMPLE_ACCOUNTS.length} of ${SAMPLE_ACCOUNTS.length}. Read back from the vault: every account is there.`);

      // What the extension holds: the accounts, bound to the typed site, each TOTP code the oracle's.
      const now = Date.now();
      const { accounts } = await session.request({ type: 'accounts.list' });
      const { codes } = await session.request({ type: 'accounts.codes', now });
      expect(accounts.map((a) => ({ issuer: a.issuer, accountName: a.accountName, type: a.type, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter, sites: a.sites }))).toEqual(
        SAMPLE_ACCOUNTS.map(({ secret: _s, ...a }) => ({ ...a, sites: [SITE] })),
      );
      for (const sample of SAMPLE_ACCOUNTS.filter((a) => a.type === 'totp')) {
        const id = accounts.find((a) => a.issuer === sample.issuer)!.id;
        expect(codes.find((c) => c.id === id)?.code).toBe(oracleTotp(sample.secret, now, sample));
      }
    });
  });
}
