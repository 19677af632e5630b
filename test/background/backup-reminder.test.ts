import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REMINDER_QUIET_MS } from '../../src/background/backup-reminder';
import { parsePolicy } from '../../src/policy';
import { createSettingsStore } from '../../src/settings/settings-store';
import { ask, type Clock, makeContext, PASS, randomSecret, refusal, T0, totpUri } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const add = (issuer: string) => ask(context(), { type: 'accounts.addUri', uri: totpUri(randomSecret(), issuer), sites: [] });
const reminder = async () => (await ask(context(), { type: 'backup.reminder' })).count;
/** The context under a managed policy. */
function managed(policy: Record<string, unknown>) {
  const read = async () => parsePolicy(policy);
  return { ...context(), policy: read, settings: createSettingsStore(fakeBrowser.storage.local, read) };
}

describe('backup reminder', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    clock.now = T0;
    await ask(context(), { type: 'vault.create', passphrase: PASS });
  });

  it('counts accounts added since the last backup, goes after a backup or an Aegis export, and comes back with new ones', async () => {
    expect(await reminder()).toBe(0);
    await add('One');
    clock.now += 1000;
    await add('Two');
    expect(await reminder()).toBe(2);
    clock.now += 1000;
    await ask(context(), { type: 'export.backup', passphrase: 'a backup passphrase' });
    expect(await reminder()).toBe(0);
    clock.now += 1000;
    await add('Three');
    expect(await reminder()).toBe(1);
    clock.now += 1000;
    await ask(context(), { type: 'export.plain', format: 'aegis-json', passphrase: PASS });
    expect(await reminder()).toBe(0);
  });

  it('is quiet for a while once dismissed, then speaks again while the accounts still have no backup', async () => {
    await add('One');
    expect(await reminder()).toBe(1);
    await ask(context(), { type: 'backup.dismissReminder' });
    expect(await reminder()).toBe(0);
    clock.now += REMINDER_QUIET_MS - 1000;
    await ask(context(), { type: 'vault.unlock', passphrase: PASS });
    expect(await reminder()).toBe(0);
    clock.now += 2000;
    // A week later the idle lock has long closed the vault: unlock, as the person opening the popup would.
    await ask(context(), { type: 'vault.unlock', passphrase: PASS });
    expect(await reminder()).toBe(1);
    expect(await ask(context(), { type: 'vault.overview' })).toMatchObject({ state: 'unlocked', backupReminder: { count: 1, insist: false } });
  });

  it('the user can switch it off in the settings; an Aegis JSON or otpauth links file counts as a backup too', async () => {
    await add('One');
    await ask(context(), { type: 'settings.set', settings: { backupReminder: false } });
    expect(await ask(context(), { type: 'backup.reminder' })).toEqual({ count: 0, insist: false });
    await ask(context(), { type: 'settings.set', settings: { backupReminder: true } });
    expect(await reminder()).toBe(1);
    clock.now += 1000;
    await ask(context(), { type: 'export.plain', format: 'otpauth-lines', passphrase: PASS });
    expect(await reminder()).toBe(0);
  });

  it('"insist" from the organisation: no "Not now", the quiet week of an earlier one ignored, the switch fixed', async () => {
    await add('One');
    await ask(context(), { type: 'backup.dismissReminder' });
    expect(await reminder()).toBe(0);
    const insisting = managed({ backupReminder: 'insist' });
    expect(await ask(insisting, { type: 'backup.reminder' })).toEqual({ count: 1, insist: true });
    expect(await ask(insisting, { type: 'vault.overview' })).toMatchObject({ backupReminder: { count: 1, insist: true } });
    const before = await fakeBrowser.storage.local.get('backupRecord');
    expect((await refusal(insisting, { type: 'backup.dismissReminder' })).code).toBe('policy/reminder-insists');
    expect(await fakeBrowser.storage.local.get('backupRecord')).toEqual(before);
    expect((await refusal(insisting, { type: 'settings.set', settings: { backupReminder: false } })).code).toBe('settings/set-by-organisation');
    expect((await ask(insisting, { type: 'settings.get' })).locked).toMatchObject({ backupReminder: 'policy' });
    clock.now += 1000;
    await ask(insisting, { type: 'export.backup', passphrase: 'a backup passphrase' });
    expect(await ask(insisting, { type: 'backup.reminder' })).toEqual({ count: 0, insist: true });
  });

  it('"off" from the organisation wins over the user\'s switch', async () => {
    await add('One');
    const off = managed({ backupReminder: 'off' });
    expect(await ask(off, { type: 'backup.reminder' })).toEqual({ count: 0, insist: false });
    expect((await ask(off, { type: 'settings.get' })).settings.backupReminder).toBe(false);
    expect(await reminder()).toBe(1);
  });
});
