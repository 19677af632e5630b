import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../src/testing';
import { BROWSERS, SAMPLE_SECRET, TEST_PASSPHRASE, sampleUri } from './browsers';

describe.each(BROWSERS)('foundation in %s', (browserName) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension({ browser: browserName });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts with no vault, then creates one that is unlocked', async () => {
    expect(await session.request({ type: 'vault.status' })).toEqual({ state: 'uninitialised' });
    await session.provision({ passphrase: TEST_PASSPHRASE, accounts: [{ uri: sampleUri(), sites: ['https://portal.example.com'] }] });
    expect(await session.request({ type: 'vault.status' })).toEqual({ state: 'unlocked' });
  });

  it('lists accounts without their secrets and computes correct codes in the background', async () => {
    const { accounts } = await session.request({ type: 'accounts.list' });
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ issuer: 'Acme Corp', accountName: 'alice@example.com', sites: ['https://portal.example.com'] });
    expect(JSON.stringify(accounts)).not.toContain(SAMPLE_SECRET);
    const { codes, now } = await session.request({ type: 'accounts.codes' });
    const oracle = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SAMPLE_SECRET) });
    expect(codes[0]!.code).toBe(oracle.generate({ timestamp: now }));
  });

  it('locks, refuses a wrong passphrase, and unlocks with the right one', async () => {
    await session.request({ type: 'vault.lock' });
    expect(await session.request({ type: 'vault.status' })).toEqual({ state: 'locked' });
    await expect(session.request({ type: 'accounts.list' })).rejects.toThrow(/locked/i);
    await expect(session.request({ type: 'vault.unlock', passphrase: 'not the passphrase' })).rejects.toThrow(/passphrase/i);
    expect(await session.request({ type: 'vault.unlock', passphrase: TEST_PASSPHRASE })).toEqual({ state: 'unlocked' });
    expect((await session.request({ type: 'accounts.list' })).accounts).toHaveLength(1);
  });
});

describe.each(BROWSERS)('tester kit colour scheme in %s', (browserName) => {
  it('launches with the dark or light scheme that pages see', async () => {
    for (const colorScheme of ['dark', 'light'] as const) {
      const session = await launchWithExtension({ browser: browserName, colorScheme });
      try {
        const page = await session.openExtensionPage('popup.html');
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme).toBe(colorScheme === 'dark');
      } finally {
        await session.close();
      }
    }
  });
});
