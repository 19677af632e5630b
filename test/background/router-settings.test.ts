import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../src/messages';
import { ask, type Clock, makeContext, refusal, storageBytes, T0 } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);

beforeEach(() => {
  fakeBrowser.reset();
  clock.now = T0;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('settings.get / settings.set from a page', () => {
  it('starts from the defaults and keeps a valid change', async () => {
    expect(await ask(context(), { type: 'settings.get' })).toEqual({
      settings: DEFAULT_SETTINGS,
      locked: {},
      warnings: [],
      autoLockChoices: [0, 1, 5, 15, 60, 240],
      plainExportAllowed: true,
    });
    const changed = await ask(context(), { type: 'settings.set', settings: { autoSubmit: true, autoLockMinutes: 60, freshnessSeconds: 0 } });
    expect(changed.settings).toEqual({ ...DEFAULT_SETTINGS, autoSubmit: true, autoLockMinutes: 60, freshnessSeconds: 0 });
    expect(await ask(context(), { type: 'settings.get' })).toEqual(changed);
  });

  it.each([
    [{ autoFill: 'yes' }, /autoFill must be on or off/],
    [{ autoSubmit: 1 }, /autoSubmit must be on or off/],
    [{ freshnessSeconds: 21 }, /whole number of seconds from 0 to 20/],
    [{ freshnessSeconds: 2.5 }, /whole number of seconds from 0 to 20/],
    [{ freshnessSeconds: -1 }, /whole number of seconds from 0 to 20/],
    [{ freshnessSeconds: '5' }, /whole number of seconds from 0 to 20/],
    [{ autoLockMinutes: 7 }, /one of 0, 1, 5, 15, 60, 240 minutes/],
    [{ autoLockMinutes: Number.NaN }, /one of 0, 1, 5, 15, 60, 240 minutes/],
    [{ theme: 'dark' }, /no setting called "theme"/],
    [JSON.parse('{"__proto__": {"autoFill": false}}'), /no setting called "__proto__"/],
  ])('refuses %j with a clear message and stores nothing', async (settings, message) => {
    const before = await storageBytes();
    const error = await refusal(context(), { type: 'settings.set', settings });
    expect(error.code).toMatch(/^settings\//);
    expect(error.message).toMatch(message);
    expect(await storageBytes()).toBe(before);
  });

  it('applies nothing of a change that mixes good and bad values', async () => {
    await refusal(context(), { type: 'settings.set', settings: { autoSubmit: true, freshnessSeconds: 99 } });
    expect((await ask(context(), { type: 'settings.get' })).settings.autoSubmit).toBe(false);
  });

  it.each([[null], ['autoFill'], [[true]]])('refuses a settings value that is not an object (%j) with a clear message', async (settings) => {
    const error = await refusal(context(), { type: 'settings.set', settings });
    expect(error.code).toMatch(/^settings\//);
    // Character positions of a string or array are not setting names.
    expect(error.message).not.toMatch(/called "0"/);
  });
});

describe('clock.check from a page', () => {
  const respond = (headers: Record<string, string>) => vi.fn(async () => new Response(null, { status: 200, headers }));

  it('compares the site Date header with the local clock and reports the verdict', async () => {
    // The server's second starts 19.8 s after the local mid-request time: 20 s ahead, past the 15 s warning line.
    clock.now = T0 + 200;
    const serverDate = new Date(T0 + 20_000).toUTCString();
    const fetchMock = respond({ date: serverDate });
    vi.stubGlobal('fetch', fetchMock);
    const reply = await ask(context(), { type: 'clock.check', origin: 'portal.example.com/login' });
    expect(reply).toEqual({ offsetSeconds: 20, serverDate, verdict: 'warn' });
    expect(fetchMock).toHaveBeenCalledWith('https://portal.example.com', expect.objectContaining({ method: 'HEAD', credentials: 'omit' }));
  });

  it('says so when the site sends no Date header, or cannot be reached', async () => {
    vi.stubGlobal('fetch', respond({}));
    expect((await refusal(context(), { type: 'clock.check', origin: 'https://portal.example.com' })).code).toBe('clock/no-date');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('network'))));
    const error = await refusal(context(), { type: 'clock.check', origin: 'https://portal.example.com' });
    expect(error).toEqual({
      code: 'clock/unreachable',
      message: expect.stringContaining('https://portal.example.com'),
      text: { key: 'error_clock_unreachable', subs: ['https://portal.example.com'] },
    });
  });

  it('refuses a non-https site before fetching anything', async () => {
    const fetchMock = respond({ date: new Date(T0).toUTCString() });
    vi.stubGlobal('fetch', fetchMock);
    expect((await refusal(context(), { type: 'clock.check', origin: 'ftp://portal.example.com' })).code).toBe('site/unsupported-scheme');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
