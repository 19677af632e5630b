import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProtocolError } from '../../src/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../src/messages';
import { createSettingsStore, validateSettings } from '../../src/settings/settings-store';
import { parsePolicy } from '../../src/policy';

beforeEach(() => {
  fakeBrowser.reset();
});

const store = () => createSettingsStore(fakeBrowser.storage.local);

function refusal(patch: unknown): ProtocolError {
  try {
    validateSettings(patch as Partial<Settings>);
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return error as ProtocolError;
  }
  throw new Error(`accepted ${JSON.stringify(patch)}`);
}

describe('validateSettings', () => {
  it('accepts every valid value of every setting', () => {
    for (const autoFill of [true, false]) expect(validateSettings({ autoFill })).toEqual({ autoFill });
    for (const autoSubmit of [true, false]) expect(validateSettings({ autoSubmit })).toEqual({ autoSubmit });
    for (const backupReminder of [true, false]) expect(validateSettings({ backupReminder })).toEqual({ backupReminder });
    for (let freshnessSeconds = 0; freshnessSeconds <= 20; freshnessSeconds++) expect(validateSettings({ freshnessSeconds })).toEqual({ freshnessSeconds });
    for (const autoLockMinutes of [0, 1, 5, 15, 60, 240]) expect(validateSettings({ autoLockMinutes })).toEqual({ autoLockMinutes });
    expect(validateSettings({})).toEqual({});
  });

  it.each([
    [{ autoFill: 'true' }, 'autoFill must be on or off.'],
    [{ autoSubmit: null }, 'autoSubmit must be on or off.'],
    [{ backupReminder: 'insist' }, 'backupReminder must be on or off.'],
    [{ freshnessSeconds: 21 }, /from 0 to 20/],
    [{ freshnessSeconds: 0.5 }, /whole number/],
    [{ freshnessSeconds: Number.POSITIVE_INFINITY }, /from 0 to 20/],
    [{ autoLockMinutes: 30 }, /0, 1, 5, 15, 60, 240/],
    [{ autoLockMinutes: '15' }, /0, 1, 5, 15, 60, 240/],
    [{ lockOnIdle: true }, 'There is no setting called "lockOnIdle".'],
  ])('refuses %j, saying what a valid value looks like', (patch, message) => {
    const error = refusal(patch);
    expect(error.code).toMatch(/^settings\/(bad-value|unknown)$/);
    expect(error.userMessage).toMatch(message);
  });

  it('drops nothing silently: a valid value next to an invalid one is refused with it', () => {
    expect(refusal({ autoFill: false, autoLockMinutes: 2 }).code).toBe('settings/bad-value');
  });
});

describe('createSettingsStore', () => {
  it('returns the defaults on a fresh install without writing anything', async () => {
    expect(await store().get()).toEqual(DEFAULT_SETTINGS);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('merges changes, keeps them for the next instance, and does not alter the defaults', async () => {
    await store().set({ autoSubmit: true });
    const next = await store().set({ freshnessSeconds: 8 });
    expect(next.settings).toEqual({ ...DEFAULT_SETTINGS, autoSubmit: true, freshnessSeconds: 8 });
    expect(next.locked).toEqual({});
    expect(await store().get()).toEqual(next.settings);
    expect(DEFAULT_SETTINGS).toEqual({ autoFill: true, autoSubmit: false, freshnessSeconds: 5, autoLockMinutes: 15, backupReminder: true });
  });

  it('writes nothing when a change is refused', async () => {
    await store().set({ autoFill: false });
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    await expect(store().set({ autoFill: true, freshnessSeconds: -3 })).rejects.toMatchObject({ code: 'settings/bad-value' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
  });

  it('hands out copies, so a caller cannot change stored settings by mutating the result', async () => {
    const settings = await store().get();
    settings.autoFill = false;
    expect((await store().get()).autoFill).toBe(true);
    expect(DEFAULT_SETTINGS.autoFill).toBe(true);
  });
});

describe('createSettingsStore under an organisation policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  const managed = (policy: Record<string, unknown>) => createSettingsStore(fakeBrowser.storage.local, async () => parsePolicy(policy));

  it('lets the policy win and marks what it fixed', async () => {
    await createSettingsStore(fakeBrowser.storage.local).set({ autoSubmit: true, autoLockMinutes: 0 });
    const effective = await managed({ allowAutoSubmit: false, autoFill: false, maxAutoLockMinutes: 60 }).effective();
    expect(effective.settings).toMatchObject({ autoSubmit: false, autoFill: false, autoLockMinutes: 60 });
    expect(effective.locked).toEqual({ autoSubmit: 'policy', autoFill: 'policy' });
    expect(effective.autoLockChoices).not.toContain(0);
    expect(effective.autoLockChoices).not.toContain(240);
  });

  it('refuses to change a setting the organisation fixed, and stores nothing', async () => {
    const before = await fakeBrowser.storage.local.get(null);
    await expect(managed({ autoFill: true }).set({ autoFill: false })).rejects.toMatchObject({ code: 'settings/set-by-organisation' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('reports invalid policy values as warnings and applies their strictest reading', async () => {
    const effective = await managed({ maxAutoLockMinutes: 'soon', allowAutoSubmit: 'yes' }).effective();
    expect(effective.warnings.join(' ')).toMatch(/maxAutoLockMinutes.*so 1 applies/);
    expect(effective.settings.autoLockMinutes).toBe(1);
    expect(effective.settings.autoSubmit).toBe(false);
    expect(effective.locked).toMatchObject({ autoSubmit: 'policy' });
  });
});
