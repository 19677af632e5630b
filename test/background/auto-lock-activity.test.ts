import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUTO_LOCK_DUE_ALARM } from '../../src/background/auto-lock-check';
import { SESSION_ACTIVITY_KEY } from '../../src/storage';
import { ask, type Clock, makeContext, PASS, restoreStorage, saveStorage, type StorageSnapshot, T0 } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
let saved: StorageSnapshot;
const lastActivity = async () => (await fakeBrowser.storage.session.get(SESSION_ACTIVITY_KEY))[SESSION_ACTIVITY_KEY];
/** The router records activity without holding up its reply. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeAll(async () => {
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: PASS });
  await ask(context(), { type: 'settings.set', settings: { autoLockMinutes: 1 } });
  await settle();
  saved = await saveStorage();
});

beforeEach(async () => {
  clock.now = T0;
  await restoreStorage(saved);
  await fakeBrowser.storage.session.set({ [SESSION_ACTIVITY_KEY]: T0 });
});

describe('auto-lock: what counts as activity', () => {
  it('polling the state, the list, the codes or the settings does not restart the idle clock', async () => {
    clock.now = T0 + 40_000;
    for (const type of ['vault.status', 'accounts.list', 'accounts.codes', 'settings.get'] as const) await ask(context(), { type });
    await settle();
    expect(await lastActivity()).toBe(T0);
  });

  it("a person's action does, and sets the lock alarm for the moment it falls due", async () => {
    clock.now = T0 + 40_000;
    await ask(context(), { type: 'vault.overview' });
    await settle();
    expect(await lastActivity()).toBe(T0 + 40_000);
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_DUE_ALARM))?.scheduledTime).toBe(T0 + 40_000 + 60_000);
  });
});

describe('auto-lock: checked on every read', () => {
  it.each(['vault.status', 'vault.overview', 'accounts.codes'] as const)('%s after the idle time finds the vault locked, with no alarm run', async (type) => {
    clock.now = T0 + 60_000;
    const reply = await (await import('./helpers')).send(context(), { type });
    if (type === 'vault.status' || type === 'vault.overview') expect(reply).toMatchObject({ ok: true, value: { state: 'locked' } });
    else expect(reply).toMatchObject({ ok: false, error: { code: 'vault/locked' } });
    expect(await ask(context(), { type: 'vault.status' })).toEqual({ state: 'locked' });
  });

  it('a read just before the idle time still finds it unlocked', async () => {
    clock.now = T0 + 59_000;
    expect(await ask(context(), { type: 'vault.status' })).toEqual({ state: 'unlocked' });
  });
});
