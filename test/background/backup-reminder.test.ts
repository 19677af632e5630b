import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REMINDER_QUIET_MS } from '../../src/background/backup-reminder';
import { ask, type Clock, makeContext, PASS, randomSecret, T0, totpUri } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const add = (issuer: string) => ask(context(), { type: 'accounts.addUri', uri: totpUri(randomSecret(), issuer), sites: [] });
const reminder = async () => (await ask(context(), { type: 'backup.reminder' })).count;

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
    expect(await ask(context(), { type: 'vault.overview' })).toMatchObject({ state: 'unlocked', unbackedAccounts: 1 });
  });
});
