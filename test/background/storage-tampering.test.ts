import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runAutoLockCheck } from '../../src/background/auto-lock-check';
import { ask, type Clock, makeContext, PASS, randomSecret, refusal, restoreStorage, saveStorage, type StorageSnapshot, T0, totpUri } from './helpers';

// What a compromised content script can do to storage.local (it has no access level): read and write any key.
const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
let saved: StorageSnapshot;

beforeAll(async () => {
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: PASS });
  await ask(context(), { type: 'accounts.addUri', uri: totpUri(randomSecret(), 'First'), sites: ['https://portal.example.com'] });
  saved = await saveStorage();
});

beforeEach(async () => {
  clock.now = T0;
  await restoreStorage(saved);
});

describe('settings written into storage.local by someone else', () => {
  it('an invalid value reads as the strictest one: auto-lock 1 minute, auto-fill and auto-submit off, the backup reminder on', async () => {
    await fakeBrowser.storage.local.set({ settings: { autoLockMinutes: null, autoSubmit: 'yes', autoFill: 1, freshnessSeconds: -3, backupReminder: 'no' } });
    const { settings } = await ask(context(), { type: 'settings.get' });
    expect(settings).toEqual({ autoLockMinutes: 1, autoSubmit: false, autoFill: false, freshnessSeconds: 5, backupReminder: true });
  });

  it.each([null, -1, 1.5, '15', 1e9, Number.NaN])('auto-lock %s neither switches auto-lock off nor breaks the alarm', async (value) => {
    await fakeBrowser.storage.local.set({ settings: { autoLockMinutes: value } });
    clock.now = T0 + 61_000;
    expect(await runAutoLockCheck(context())).toBe(true);
    expect(await ask(context(), { type: 'vault.status' })).toEqual({ state: 'locked' });
  });

  it("the organisation's maximum still bounds a stored value", async () => {
    const { createSettingsStore } = await import('../../src/settings/settings-store');
    const { parsePolicy } = await import('../../src/policy');
    await fakeBrowser.storage.local.set({ settings: { autoLockMinutes: 0 } });
    const store = createSettingsStore(fakeBrowser.storage.local, async () => parsePolicy({ maxAutoLockMinutes: 5 }));
    expect((await store.get()).autoLockMinutes).toBe(5);
  });
});

describe('a vault that changes under an unlocked session', () => {
  it('an older copy put back is refused with vault/rolled-back, and nothing is written over it', async () => {
    const older = (await fakeBrowser.storage.local.get('vault')).vault;
    await ask(context(), { type: 'accounts.addUri', uri: totpUri(randomSecret(), 'Second'), sites: [] });
    await fakeBrowser.storage.local.set({ vault: older });
    const listed = await refusal(context(), { type: 'accounts.list' });
    expect(listed).toMatchObject({ code: 'vault/rolled-back', message: expect.stringMatching(/older copy/) });
    expect(await refusal(context(), { type: 'accounts.addUri', uri: totpUri(randomSecret(), 'Third'), sites: [] })).toMatchObject({
      code: 'vault/rolled-back',
    });
    expect((await fakeBrowser.storage.local.get('vault')).vault).toEqual(older);
  });

  it('a vault removed while unlocked is reported as vault/vanished, not as a fresh install', async () => {
    await fakeBrowser.storage.local.remove(['vault', 'vault.next']);
    expect(await refusal(context(), { type: 'vault.status' })).toMatchObject({ code: 'vault/vanished' });
    expect(await refusal(context(), { type: 'accounts.list' })).toMatchObject({ code: 'vault/vanished' });
    // Locking still works, and then the state is plain: no vault.
    await ask(context(), { type: 'vault.lock' });
    expect(await ask(context(), { type: 'vault.status' })).toEqual({ state: 'uninitialised' });
  });

  it('the copy in use keeps working after saves, a passphrase change and a new unlock', async () => {
    await ask(context(), { type: 'accounts.addUri', uri: totpUri(randomSecret(), 'Second'), sites: [] });
    await ask(context(), { type: 'vault.changePassphrase', current: PASS, next: 'another long passphrase' });
    await ask(context(), { type: 'vault.lock' });
    await ask(context(), { type: 'vault.unlock', passphrase: 'another long passphrase' });
    expect((await ask(context(), { type: 'accounts.list' })).accounts.map((a) => a.issuer)).toEqual(['First', 'Second']);
  });
});
