import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundContext } from '../../src/background/create-context';
import { parkPending, takePending } from '../../src/background/pending';
import { ProtocolError } from '../../src/errors';
import { type Clock, makeContext, randomSecret, T0 } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const LIFETIME = 10 * 60_000;

beforeEach(() => {
  fakeBrowser.reset();
  clock.now = T0;
});

async function expectExpired(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProtocolError);
  expect(error).toMatchObject({ code: 'protocol/expired', userMessage: expect.stringMatching(/expired/) });
}

describe('parkPending / takePending', () => {
  it('gives a parked value back exactly once', async () => {
    const value = { accounts: [{ issuer: 'Acme', secret: randomSecret() }], note: 'ünïcødé ✓' };
    const token = await parkPending(context(), 'import', value);
    expect(await takePending(context(), 'import', token)).toEqual(value);
    await expectExpired(takePending(context(), 'import', token));
  });

  it('keeps several parked values apart under distinct tokens', async () => {
    const a = await parkPending(context(), 'scan', ['a']);
    const b = await parkPending(context(), 'scan', ['b']);
    expect(a).not.toBe(b);
    expect(await takePending(context(), 'scan', b)).toEqual(['b']);
    expect(await takePending(context(), 'scan', a)).toEqual(['a']);
  });

  it('survives a new context over the same session storage (a restarted service worker)', async () => {
    const token = await parkPending(makeContext(clock), 'import', 42);
    expect(await takePending(makeContext(clock), 'import', token)).toBe(42);
  });

  it('refuses unknown, empty and malformed tokens', async () => {
    await expectExpired(takePending(context(), 'import', crypto.randomUUID()));
    await expectExpired(takePending(context(), 'import', ''));
    await expectExpired(takePending(context(), 'import', '../pendingKey'));
  });

  it('accepts a value until its lifetime ends and refuses it afterwards', async () => {
    const early = await parkPending(context(), 'import', 'early');
    const late = await parkPending(context(), 'import', 'late');
    clock.now = T0 + LIFETIME;
    expect(await takePending(context(), 'import', early)).toBe('early');
    clock.now = T0 + LIFETIME + 1;
    await expectExpired(takePending(context(), 'import', late));
  });

  it('refuses a token of another kind (an import token cannot commit a scan)', async () => {
    const token = await parkPending(context(), 'import', [1]);
    await expectExpired(takePending(context(), 'scan', token));
  });

  it('refuses a parked value whose sealed bytes were altered', async () => {
    const token = await parkPending(context(), 'import', { n: 1 });
    const key = `pending:${token}`;
    const stored = (await fakeBrowser.storage.session.get(key))[key] as { nonce: string; sealed: string };
    const bytes = Uint8Array.from(atob(stored.sealed), (c) => c.charCodeAt(0));
    bytes[0]! ^= 1;
    await fakeBrowser.storage.session.set({ [key]: { ...stored, sealed: btoa(String.fromCharCode(...bytes)) } });
    await expectExpired(takePending(context(), 'import', token));
  });

  it('never stores the parked secret in clear text in session storage', async () => {
    const secret = randomSecret();
    const token = await parkPending(context(), 'import', [{ issuer: 'Acme', accountName: 'dave', secret }]);
    const stored = JSON.stringify(await fakeBrowser.storage.session.get(null));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain('dave');
    expect(stored).not.toContain(btoa(secret).slice(0, 16));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await takePending(context(), 'import', token)).toEqual([{ issuer: 'Acme', accountName: 'dave', secret }]);
  });
});

describe('parked values are swept when their time is up', () => {
  it('a new park drops entries that have expired, unopened', async () => {
    fakeBrowser.reset();
    let now = 1_000_000;
    const context = createBackgroundContext(fakeBrowser as never, () => now);
    await parkPending(context, 'scan', { a: 1 });
    now += 11 * 60_000;
    await parkPending(context, 'scan', { b: 2 });
    const keys = Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.startsWith('pending:'));
    expect(keys).toHaveLength(1);
  });
});
