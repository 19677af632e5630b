/**
 * Passkey unlock (WebAuthn PRF) end to end. Chromium: the DevTools protocol's virtual authenticator on the extension
 * page's tab (its credentials belong to that tab, so the tab goes from the options page to the popup page).
 * Firefox: the pages say plainly that the browser does not offer it (moz-extension pages cannot use WebAuthn).
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../src/testing';
import { sampleUri, SAMPLE_SECRET, TEST_PASSPHRASE } from './browsers';
import { codeInRow, oracleTotp, press, textOf, typeField, waitFor } from './pages/page-helpers';
import { findSeriousViolations } from './a11y/axe';
import { changePassphraseInOptions } from './pages/options-steps';
import { waitForRow } from './pages/popup-steps';
import { readTree } from './profile-files';

const NEW_PASSPHRASE = 'violet anchor mango tundra';
const ISSUER = 'Acme Corp';

/** The virtual authenticator of the issue: a platform authenticator with resident keys, verification and PRF. */
const AUTHENTICATOR = { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true };

/** Attaches a virtual authenticator to the tab of `page` (it stays with the tab across navigations). */
async function addAuthenticator(page: Page, hasPrf: boolean): Promise<CDPSession> {
  const cdp = await page.createCDPSession();
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { ...AUTHENTICATOR, hasPrf } as never });
  return cdp;
}

/** Everything in the extension's local storage, as JSON text: "no stored byte changed" compares these. */
async function storedBytes(page: Page): Promise<string> {
  return page.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
}

/** Registers a passkey through the options page's section, by keyboard: type its name, Enter. */
async function registerInOptions(options: Page, label: string): Promise<void> {
  await waitFor(options, 'passkey-add-form');
  await typeField(options, 'passkey-label', label);
  await options.keyboard.press('Enter');
  await expect.poll(() => textOf(options, 'passkey-result'), { timeout: 30_000 }).toMatch(/Passkey added/);
  await options.waitForFunction((name) => [...document.querySelectorAll('[data-testid="passkey-item"] .passkey-name')].some((el) => el.textContent === name), {}, label);
}

/**
 * Opens the popup page in the same tab (where the virtual authenticator lives) and unlocks with the passkey by
 * keyboard; with `checkAccessibility`, the screen offering the passkey is checked with axe first.
 */
async function unlockWithPasskeyInPopup(session: ExtensionSession, tab: Page, checkAccessibility = false): Promise<void> {
  await tab.goto(`${session.extensionBaseUrl}popup.html`);
  await waitFor(tab, 'passkey-unlock');
  if (checkAccessibility) expect(await findSeriousViolations(tab)).toEqual([]);
  // The passkey is offered first, focused: Enter unlocks.
  expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('passkey-unlock');
  await tab.keyboard.press('Enter');
  await waitForRow(tab, ISSUER);
  await expect.poll(async () => (await codeInRow(tab, ISSUER)) === oracleTotp(SAMPLE_SECRET), { timeout: 5_000 }).toBe(true);
}

/**
 * Runs the WebAuthn ceremony in the extension page for one credential and salt, and sends the PRF output to the
 * background as the popup would; returns the background's answer. (A string, so the bundler adds no helpers.)
 */
async function unlockDirectly(page: Page, credentialId: string, salt: string): Promise<{ ok: boolean; error?: { code: string } }> {
  return page.evaluate(
    `(async () => {
      const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const b64 = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf)));
      const url = (b) => b64(b).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
      const id = bytes(${JSON.stringify(credentialId)});
      const got = await navigator.credentials.get({ publicKey: {
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        allowCredentials: [{ type: 'public-key', id }],
        userVerification: 'preferred',
        extensions: { prf: { evalByCredential: { [url(id)]: { first: bytes(${JSON.stringify(salt)}) } } } },
      } });
      const first = got.getClientExtensionResults().prf.results.first;
      return chrome.runtime.sendMessage({ type: 'passkey.unlock', credentialId: b64(got.rawId), prfOutput: b64(first), userVerified: true });
    })()`,
  ) as Promise<{ ok: boolean; error?: { code: string } }>;
}

describe('passkey unlock in Chromium (virtual authenticator with PRF)', () => {
  let session: ExtensionSession;

  beforeEach(async () => {
    session = await launchWithExtension({ browser: 'chromium' });
    await session.provision({ passphrase: TEST_PASSPHRASE, accounts: [{ uri: sampleUri(ISSUER), sites: ['https://portal.example.com'] }] });
  });

  afterEach(async () => {
    await session?.close();
  });

  it('registers in the options page, locks, and unlocks from the popup page with the passkey; codes are shown', async () => {
    const tab = await session.openExtensionPage('options.html');
    await addAuthenticator(tab, true);
    await registerInOptions(tab, 'Work laptop');
    const { passkeys } = await session.request({ type: 'passkey.status' });
    expect(passkeys.map((p) => [p.label, p.userVerified])).toEqual([['Work laptop', true]]);
    expect(await findSeriousViolations(tab)).toEqual([]);

    await press(tab, 'lock');
    await waitFor(tab, 'unlock-form');
    expect((await session.request({ type: 'vault.status' })).state).toBe('locked');
    await unlockWithPasskeyInPopup(session, tab, true);
    expect((await session.request({ type: 'vault.status' })).state).toBe('unlocked');

    // The PRF output the passkey gives for its salt is in no file of the profile (nor anything in the clear).
    const output = await tab.evaluate(
      `(async () => {
        const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const got = await navigator.credentials.get({ publicKey: { challenge: new Uint8Array(32), allowCredentials: [{ type: 'public-key', id: bytes(${JSON.stringify(passkeys[0]!.credentialId)}) }],
          extensions: { prf: { eval: { first: bytes(${JSON.stringify(passkeys[0]!.salt)}) } } } } });
        return Array.from(new Uint8Array(got.getClientExtensionResults().prf.results.first));
      })()`,
    );
    const raw = Buffer.from(output as number[]);
    expect(raw).toHaveLength(32);
    await session.browser.close();
    const files = await readTree(session.userDataDir);
    expect(files.length).toBeGreaterThan(10);
    for (const form of [raw, Buffer.from(raw.toString('base64')), Buffer.from(raw.toString('hex')), Buffer.from(raw.toString('base64url'))]) {
      expect(files.some((file) => file.includes(form))).toBe(false);
    }
  });

  it('a removed passkey, or a wrong PRF output, unlocks nothing and changes no stored byte', async () => {
    const tab = await session.openExtensionPage('options.html');
    await addAuthenticator(tab, true);
    await registerInOptions(tab, 'Old key');
    // The same authenticator again is refused (it already holds this vault's passkey), and nothing is stored.
    const beforeSecond = await storedBytes(tab);
    await typeField(tab, 'passkey-label', 'Same key again');
    await press(tab, 'passkey-add');
    await expect.poll(() => textOf(tab, 'passkey-result'), { timeout: 30_000 }).toMatch(/already holds a passkey for this vault/);
    expect(await storedBytes(tab)).toBe(beforeSecond);

    const [old] = (await session.request({ type: 'passkey.status' })).passkeys;
    await tab.click(`[aria-label="Remove the passkey Old key"]`);
    await expect.poll(() => textOf(tab, 'passkey-result')).toMatch(/removed/);
    expect((await session.request({ type: 'passkey.status' })).passkeys).toEqual([]);
    // A new passkey on the same authenticator, which still holds the removed credential.
    await registerInOptions(tab, 'New key');
    const [kept] = (await session.request({ type: 'passkey.status' })).passkeys;
    expect(kept!.credentialId).not.toBe(old!.credentialId);
    await press(tab, 'lock');
    await waitFor(tab, 'unlock-form');

    const before = await storedBytes(tab);
    // The authenticator still holds the removed credential and answers for it: the vault no longer knows it.
    expect(await unlockDirectly(tab, old!.credentialId, old!.salt)).toMatchObject({ ok: false, error: { code: 'passkey/unknown-credential' } });
    // The kept credential, asked for another salt than its slot's, gives a PRF output that opens nothing.
    expect(await unlockDirectly(tab, kept!.credentialId, old!.salt)).toMatchObject({ ok: false, error: { code: 'passkey/wrong-key' } });
    expect(await storedBytes(tab)).toBe(before);
    expect((await session.request({ type: 'vault.status' })).state).toBe('locked');

    // The kept passkey still unlocks.
    await unlockWithPasskeyInPopup(session, tab);
  });

  it('an authenticator without PRF is refused at registration with a clear message, and nothing is stored', async () => {
    const tab = await session.openExtensionPage('options.html');
    await addAuthenticator(tab, false);
    await waitFor(tab, 'passkey-add-form');
    const before = await storedBytes(tab);
    await typeField(tab, 'passkey-label', 'Old security key');
    await press(tab, 'passkey-add');
    await expect.poll(() => textOf(tab, 'passkey-result'), { timeout: 30_000 }).toMatch(/does not support the WebAuthn PRF extension\. Nothing was saved/);
    expect(await tab.$eval('[data-testid="passkey-result"]', (el) => el.getAttribute('role'))).toBe('alert');
    expect(await storedBytes(tab)).toBe(before);
    expect((await session.request({ type: 'passkey.status' })).passkeys).toEqual([]);
  });

  it('the passkey keeps unlocking after a passphrase change', async () => {
    const tab = await session.openExtensionPage('options.html');
    await addAuthenticator(tab, true);
    await registerInOptions(tab, 'Work laptop');
    await changePassphraseInOptions(tab, TEST_PASSPHRASE, NEW_PASSPHRASE);

    await unlockWithPasskeyInPopup(session, tab);
    // The old passphrase opens nothing; the new one does.
    await session.request({ type: 'vault.lock' });
    await expect(session.request({ type: 'vault.unlock', passphrase: TEST_PASSPHRASE })).rejects.toThrow(/vault\/wrong-passphrase/);
    expect(await session.request({ type: 'vault.unlock', passphrase: NEW_PASSPHRASE })).toEqual({ state: 'unlocked' });
  });

  it('without a passkey the unlock screen keeps the passphrase and says why no passkey is offered', async () => {
    await session.request({ type: 'vault.lock' });
    const popup = await session.openExtensionPage('popup.html');
    await waitFor(popup, 'passphrase');
    expect(await textOf(popup, 'passkey-withheld')).toMatch(/No passkey is set up/);
    expect(await popup.$('[data-testid="passkey-unlock"]')).toBeNull();
  });
});

describe('passkey unlock in Firefox', () => {
  let session: ExtensionSession;

  beforeEach(async () => {
    session = await launchWithExtension({ browser: 'firefox' });
    await session.provision({ passphrase: TEST_PASSPHRASE });
  });

  afterEach(async () => {
    await session?.close();
  });

  it('is not offered, and both pages say why (moz-extension pages cannot use passkeys)', async () => {
    const options = await session.openExtensionPage('options.html');
    expect(await textOf(options, 'passkey-unsupported')).toMatch(/does not let an extension use passkeys on its own pages/);
    expect(await options.$('[data-testid="passkey-add-form"]')).toBeNull();
    await session.request({ type: 'vault.lock' });
    const popup = await session.openExtensionPage('popup.html');
    expect(await textOf(popup, 'passkey-withheld')).toMatch(/does not let an extension use passkeys on its own pages/);
    expect(await popup.$('[data-testid="passkey-unlock"]')).toBeNull();
    await waitFor(popup, 'passphrase');
  });
});
