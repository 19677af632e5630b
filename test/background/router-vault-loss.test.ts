import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask, type Clock, makeContext, PASS, randomSecret, T0, totpUri } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const add = (issuer: string) => ask(context(), { type: 'accounts.addUri', uri: totpUri(randomSecret(), issuer), sites: [] });

describe('vault.loss and the opening answer', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    clock.now = T0;
    await ask(context(), { type: 'vault.create', passphrase: PASS });
  });

  it('an older vault put back while locked: the unlock notices, every state of the opening answer carries it, dismissal ends it', async () => {
    await add('One');
    const older = (await fakeBrowser.storage.local.get('vault')).vault;
    await add('Two');
    await add('Three');
    await ask(context(), { type: 'vault.lock' });
    await fakeBrowser.storage.local.set({ vault: older });
    expect(await ask(context(), { type: 'vault.overview' })).toEqual({ state: 'locked' });
    await ask(context(), { type: 'vault.unlock', passphrase: PASS });
    const loss = { kind: 'shrunk', expected: 3, found: 1, noticedAt: T0 };
    expect(await ask(context(), { type: 'vault.overview' })).toMatchObject({ state: 'unlocked', loss });
    expect(await ask(context(), { type: 'vault.loss' })).toEqual({ loss });
    await ask(context(), { type: 'vault.lock' });
    expect(await ask(context(), { type: 'vault.overview' })).toEqual({ state: 'locked', loss });
    await ask(context(), { type: 'vault.dismissLoss' });
    expect(await ask(context(), { type: 'vault.loss' })).toEqual({});
    expect(await ask(context(), { type: 'vault.overview' })).toEqual({ state: 'locked' });
  });

  it('a vault removed from storage: the first-run answer says so; deleting through the extension says nothing', async () => {
    const { account } = await add('One');
    await add('Two');
    await ask(context(), { type: 'accounts.remove', id: account.id });
    await ask(context(), { type: 'vault.lock' });
    await ask(context(), { type: 'vault.unlock', passphrase: PASS });
    expect(await ask(context(), { type: 'vault.loss' })).toEqual({});
    await ask(context(), { type: 'vault.lock' });
    await fakeBrowser.storage.local.remove(['vault', 'vault.next']);
    clock.now = T0 + 60_000;
    expect(await ask(context(), { type: 'vault.overview' })).toEqual({ state: 'uninitialised', loss: { kind: 'vanished', expected: 1, found: 0, noticedAt: T0 + 60_000 } });
  });
});
