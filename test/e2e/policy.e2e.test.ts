/**
 * The organisation's managed policy, end to end, with a real policy file read by the browser. System policy
 * folders are written only where CI=true (a disposable machine); elsewhere only the guard itself is tested.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../src/extension-ids';
import { type BrowserName, type ExtensionSession, launchWithExtension } from '../../src/testing';
import { type Portal, startPortal } from '../portal/server';
import { BROWSERS, sampleUri, TEST_PASSPHRASE } from './browsers';
import {
  buildTestPolicy,
  CHROMIUM_POLICY_FILE,
  chromiumPolicyDocument,
  firefoxPolicyDocument,
  firefoxPolicyFile,
  INVALID_SITE,
  isFirefoxTestLeftover,
} from './policy/policy-files';
import { PolicyWriteRefused, policyTestAllowed, writeSystemPolicy, type WrittenPolicy } from './policy/policy-guard';
import { waitForFilled } from './portal-steps';

const allowed = policyTestAllowed();

describe('the guard around system policy folders', () => {
  it('writes system policy files only where CI=true, and never replaces a policy it did not write', () => {
    expect(policyTestAllowed({})).toBe(false);
    expect(policyTestAllowed({ CI: '1' })).toBe(false);
    expect(policyTestAllowed({ CI: 'true' })).toBe(true);

    const existedBefore = existsSync(CHROMIUM_POLICY_FILE);
    expect(() => writeSystemPolicy(CHROMIUM_POLICY_FILE, { '3rdparty': {} }, { env: { CI: 'false' } })).toThrow(PolicyWriteRefused);
    expect(existsSync(CHROMIUM_POLICY_FILE)).toBe(existedBefore);

    // The rest runs in a temporary folder, so it is safe anywhere.
    const root = mkdtempSync(join(tmpdir(), 'policy-guard-'));
    try {
      const foreign = join(root, 'policies.json');
      writeFileSync(foreign, '{"policies":{"DisableTelemetry":true}}');
      expect(() => writeSystemPolicy(foreign, {}, { env: { CI: 'true' }, isLeftover: isFirefoxTestLeftover })).toThrow(/did not write/);
      expect(readFileSync(foreign, 'utf8')).toBe('{"policies":{"DisableTelemetry":true}}');

      const file = join(root, 'policies', 'managed', 'test.json');
      const written = writeSystemPolicy(file, { a: 1 }, { env: { CI: 'true' } });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: 1 });
      written.remove();
      expect(existsSync(join(root, 'policies'))).toBe(false);
      expect(existsSync(foreign)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** Where each browser reads the policy, and when the file may go (Firefox reads policies.json once, at start). */
function policySetup(browserName: BrowserName, origin: string) {
  const policy = buildTestPolicy(origin);
  return browserName === 'chromium'
    ? { file: CHROMIUM_POLICY_FILE, document: chromiumPolicyDocument(policy), isLeftover: () => true, removeAfterStart: false }
    : { file: firefoxPolicyFile(), document: firefoxPolicyDocument(policy), isLeftover: isFirefoxTestLeftover, removeAfterStart: true };
}

if (allowed) {
  describe.each(BROWSERS)('managed policy from a real policy file in %s', (browserName) => {
    let portal: Portal;
    let session: ExtensionSession;
    let written: WrittenPolicy | undefined;
    let otherOrigin: string;

    beforeAll(async () => {
      portal = await startPortal({ port: 0 });
      // Same server under another name: a different origin, which the policy's allowedSites leaves out.
      otherOrigin = portal.origin.replace('127.0.0.1', 'localhost');
      const setup = policySetup(browserName, portal.origin);
      written = writeSystemPolicy(setup.file, setup.document, { isLeftover: setup.isLeftover });
      session = await launchWithExtension({ browser: browserName });
      // Firefox has read policies.json by now; removing it at once keeps other Firefox starts on this machine unaffected.
      if (setup.removeAfterStart) written.remove();
      await session.provision({
        passphrase: TEST_PASSPHRASE,
        accounts: [{ uri: sampleUri('Acme Corp', 'policy@example.com'), sites: [portal.origin, otherOrigin] }],
      });
    });
    afterAll(async () => {
      await session?.close();
      written?.remove();
      await portal?.close();
    });

    it('runs the extension under its stable id, the one policies name', async () => {
      if (browserName === 'chromium') expect(session.extensionId).toBe(CHROME_EXTENSION_ID);
      const page = await session.openExtensionPage('popup.html');
      const runtimeId = await page.evaluate(() => {
        const scope = globalThis as unknown as { browser?: { runtime: { id: string } }; chrome: { runtime: { id: string } } };
        return (scope.browser ?? scope.chrome).runtime.id;
      });
      await page.close();
      expect(runtimeId).toBe(browserName === 'chromium' ? CHROME_EXTENSION_ID : GECKO_ID);
    });

    it('applies the policy: fixed settings are locked, auto-lock is bounded, plain export is off, the invalid entry is reported', async () => {
      // The browser loads policies asynchronously after start: wait until the extension sees them.
      await expect
        .poll(async () => (await session.request({ type: 'settings.get' })).plainExportAllowed, { timeout: 20_000 })
        .toBe(false);
      const effective = await session.request({ type: 'settings.get' });
      expect(effective.settings).toMatchObject({ autoFill: true, autoSubmit: false, autoLockMinutes: 5 });
      expect(effective.locked).toEqual({ autoFill: 'policy', autoSubmit: 'policy', backupReminder: 'policy' });
      expect(effective.autoLockChoices).toEqual([1, 5]);
      expect(effective.warnings).toHaveLength(1);
      expect(effective.warnings[0]).toContain('allowedSites');
      expect(effective.warnings[0]).toContain(INVALID_SITE);
    });

    it('refuses to change a setting the organisation fixed, or an auto-lock longer than the bound', async () => {
      await expect(session.request({ type: 'settings.set', settings: { autoFill: false } })).rejects.toThrow(/settings\/set-by-organisation/);
      await expect(session.request({ type: 'settings.set', settings: { autoSubmit: true } })).rejects.toThrow(/set by your organisation/);
      await expect(session.request({ type: 'settings.set', settings: { autoLockMinutes: 60 } })).rejects.toThrow(/settings\/bad-value/);
      const after = await session.request({ type: 'settings.set', settings: { autoLockMinutes: 1 } });
      expect(after.settings).toMatchObject({ autoFill: true, autoSubmit: false, autoLockMinutes: 1 });
    });

    it('refuses to export secrets as otpauth links', async () => {
      await expect(session.request({ type: 'export.uris', passphrase: TEST_PASSPHRASE })).rejects.toThrow(/policy\/plain-export-blocked/);
    });

    it('insists on a backup: the reminder cannot be put off, in the popup or by request, and an encrypted backup ends it', async () => {
      await expect.poll(async () => (await session.request({ type: 'settings.get' })).locked.backupReminder, { timeout: 20_000 }).toBe('policy');
      expect(await session.request({ type: 'backup.reminder' })).toEqual({ count: 1, insist: true });
      await expect(session.request({ type: 'backup.dismissReminder' })).rejects.toThrow(/policy\/reminder-insists/);
      const popup = await session.openExtensionPage('popup.html');
      await popup.waitForSelector('[data-testid="backup-reminder"][data-insist="true"]', { timeout: 20_000 });
      expect(await popup.$('[data-testid="backup-dismiss"]')).toBeNull();
      await popup.close();
      await session.request({ type: 'export.backup', passphrase: 'a backup passphrase for the policy test' });
      expect(await session.request({ type: 'backup.reminder' })).toEqual({ count: 0, insist: true });
    });

    it('fills codes on the allowed site only, although the account is bound to both', async () => {
      // The left-out site is opened first, so its fill request is answered before the allowed site's is.
      const blocked = await session.browser.newPage();
      await blocked.goto(`${otherOrigin}/login`);
      const allowedPage = await session.browser.newPage();
      await allowedPage.goto(`${portal.url}/login`);
      expect(await waitForFilled(allowedPage, '#otp', 6, 20_000)).toMatch(/^\d{6}$/);
      expect(await blocked.$eval('#otp', (input) => (input as HTMLInputElement).value)).toBe('');
      await Promise.all([blocked.close(), allowedPage.close()]);
    });
  });
}
