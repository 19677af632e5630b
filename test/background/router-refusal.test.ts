import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FillAnswer } from '../../src/messages';
import { english } from '../english-messages';

/** The answer with what it says to the person (a notice, a message) in English, as the page shows it. */
function inEnglish(answer: FillAnswer) {
  if (answer.status === 'unexplained') return { ...answer, message: english(answer.message) };
  if ((answer.status === 'fill' || answer.status === 'wait') && answer.notice) return { ...answer, notice: english(answer.notice) };
  return answer;
}
import {
  ask,
  type Clock,
  contentSender,
  makeContext,
  oracleTotp,
  PASS,
  randomSecret,
  restoreStorage,
  saveStorage,
  type StorageSnapshot,
  T0,
  totpUri,
} from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const PORTAL = 'https://portal.example.com';
const LOGIN = `${PORTAL}/mfa`;
const SECRET = randomSecret();
const REFUSED = ['Invalid two-factor code.'];
let saved: StorageSnapshot;
/** How far the portal's clock is ahead of the test clock, in ms; its Date header says so. */
let portalAheadMs = 0;
const fetchMock = vi.fn(async () => new Response(null, { status: 200, headers: { date: new Date(clock.now + portalAheadMs).toUTCString() } }));

beforeAll(async () => {
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: PASS });
  await ask(context(), { type: 'accounts.addUri', uri: totpUri(SECRET, 'Acme', 'alice'), sites: [PORTAL] });
  saved = await saveStorage();
});

beforeEach(async () => {
  clock.now = T0 + 3_000;
  portalAheadMs = 0;
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
  await restoreStorage(saved);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const request = (extra: object = {}, url = LOGIN): Promise<FillAnswer> =>
  ask(context(), { type: 'fill.request', trigger: 'auto', ...extra }, contentSender(url));
const submitted = () => ask(context(), { type: 'fill.submitted' }, contentSender(LOGIN));
/** Fills and submits a code at the current time; returns the code. */
async function fillAndSubmit(): Promise<string> {
  const answer = await request();
  if (answer.status !== 'fill') throw new Error(`expected a fill, got ${answer.status}`);
  await submitted();
  return answer.code;
}

describe('a portal refuses a filled code', () => {
  it('behind by 47 s: measures the portal clock, fills the corrected code once and keeps the offset', async () => {
    portalAheadMs = 47_000;
    const first = await fillAndSubmit();
    expect(first).toBe(oracleTotp(SECRET, T0 + 3_000));
    clock.now += 1_500; // the page comes back with the portal's error
    const answer = await request({ seen: ['Enter the code from your app', ...REFUSED] });
    expect(inEnglish(answer)).toMatchObject({
      status: 'fill',
      code: oracleTotp(SECRET, clock.now + 47_000),
      notice: "The portal refused the code: this computer's clock is 47 s behind. The corrected code is filled.",
    });
    expect(fetchMock).toHaveBeenCalledWith(PORTAL, expect.objectContaining({ method: 'HEAD', credentials: 'omit' }));
    expect((await ask(context(), { type: 'clock.offsets' })).offsets).toEqual([{ origin: PORTAL, offsetSeconds: 47, measuredAt: clock.now }]);

    // Later logins on that portal use its clock, without asking it again.
    await submitted();
    fetchMock.mockClear();
    clock.now = T0 + 120_000;
    expect(await request({}, `${PORTAL}/other-page`)).toMatchObject({ status: 'fill', code: oracleTotp(SECRET, T0 + 167_000) });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('ahead by 47 s: fills an earlier period the portal is still in, never the refused code', async () => {
    portalAheadMs = -47_000;
    const refused = await fillAndSubmit();
    clock.now += 1_500;
    const answer = await request({ seen: REFUSED });
    expect(inEnglish(answer)).toMatchObject({ status: 'fill', code: oracleTotp(SECRET, clock.now - 47_000), notice: expect.stringContaining('47 s ahead') });
    expect(answer.status === 'fill' && answer.code).not.toBe(refused);
  });

  it('the corrected code refused as well: nothing more is filled, and the next step is named', async () => {
    portalAheadMs = 47_000;
    await fillAndSubmit();
    clock.now += 1_500;
    await request({ seen: REFUSED });
    await submitted();
    clock.now += 1_500;
    const again = await request({ seen: REFUSED });
    expect(inEnglish(again)).toEqual({ status: 'unexplained', message: expect.stringMatching(/refused the corrected code as well.*re-enrol/) });
  });

  it('a good clock and a fresh code: nothing explains the refusal, nothing is filled', async () => {
    await fillAndSubmit();
    clock.now += 1_500;
    expect(inEnglish(await request({ seen: REFUSED }))).toEqual({
      status: 'unexplained',
      message: expect.stringMatching(/neither this computer's clock nor the code's timing explains it/),
    });
    expect((await ask(context(), { type: 'clock.offsets' })).offsets).toEqual([]);
  });

  it('sent as its period ended: waits for the next code, which has not started yet', async () => {
    clock.now = T0 + 24_000; // six seconds left: fresh enough to fill
    expect(await request()).toMatchObject({ status: 'fill' });
    clock.now = T0 + 28_500; // sent late, e.g. after the person paused
    await submitted();
    const answer = await request({ seen: REFUSED });
    expect(inEnglish(answer)).toMatchObject({ status: 'wait', waitMs: 1_500, notice: 'The portal refused the code: its period ended as it was sent. The next code follows.' });
    clock.now = T0 + 30_000;
    expect(await request()).toMatchObject({ status: 'fill', code: oracleTotp(SECRET, T0 + 30_000) });
  });

  it('is not a refusal: a neutral or password text, another page, or too long after the submission', async () => {
    portalAheadMs = 47_000;
    const cases: Array<[object, string, number]> = [
      [{ seen: ['Code sent'] }, LOGIN, 1_500],
      [{ seen: ['Incorrect email or password.'] }, LOGIN, 1_500],
      [{ seen: REFUSED }, `${PORTAL}/elsewhere`, 1_500],
      [{ seen: REFUSED }, LOGIN, 16_000],
    ];
    for (const [extra, url, later] of cases) {
      await restoreStorage(saved);
      clock.now = T0 + 3_000;
      await fillAndSubmit();
      clock.now += later;
      const answer = await request(extra, url);
      expect(answer, JSON.stringify([extra, url, later])).not.toHaveProperty('notice');
      expect(answer.status).not.toBe('unexplained');
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('on a page that stays loaded: a refusal text or the emptied field; else nothing', async () => {
    portalAheadMs = 47_000;
    await fillAndSubmit();
    clock.now += 3_000;
    const refused = (seen: string[], emptied: boolean) => ask(context(), { type: 'fill.refused', seen, emptied }, contentSender(LOGIN));
    expect(await refused(['Code sent'], false)).toEqual({ status: 'none' });
    expect(await refused(['Incorrect password'], true)).toEqual({ status: 'none' });
    expect(await refused([], true)).toMatchObject({ status: 'fill', code: oracleTotp(SECRET, clock.now + 47_000) });
    expect(await refused(REFUSED, true)).toEqual({ status: 'none' }); // one submission, one recovery
  });

  it('an offset written into storage by anyone is checked when read: beyond five minutes or malformed, it is ignored', async () => {
    for (const entry of [{ offsetSeconds: 3_600, measuredAt: 1 }, { offsetSeconds: '47', measuredAt: 1 }, { offsetSeconds: 4.5, measuredAt: 1 }, null]) {
      await fakeBrowser.storage.local.set({ clockOffsets: { [PORTAL]: entry } });
      expect(await request(), JSON.stringify(entry)).toMatchObject({ status: 'fill', code: oracleTotp(SECRET, clock.now) });
    }
    expect((await ask(context(), { type: 'clock.offsets' })).offsets).toEqual([]);
  });

  it('a portal more than five minutes off is reported, not followed', async () => {
    portalAheadMs = 600_000;
    await fillAndSubmit();
    clock.now += 1_500;
    expect(inEnglish(await request({ seen: REFUSED }))).toEqual({ status: 'unexplained', message: expect.stringContaining('10 min behind') });
    expect((await ask(context(), { type: 'clock.offsets' })).offsets).toEqual([]);
  });

  it('a content script reporting submissions and refusals as fast as it likes gets no code before its period, and one recovery', async () => {
    portalAheadMs = 47_000;
    const handed: string[] = [];
    for (let round = 0; round < 20; round++) {
      const answer = await request({ seen: REFUSED });
      if (answer.status === 'fill') handed.push(answer.code);
      await submitted();
      clock.now += 500;
    }
    const started = (code: string) => [0, 1].some((back) => oracleTotp(SECRET, clock.now + 47_000 - back * 30_000) === code);
    expect(handed.length).toBeLessThanOrEqual(2);
    for (const code of handed.slice(1)) expect(started(code)).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('a refusal reported while the vault is locked', () => {
  it('gets the locked answer and asks the portal nothing', async () => {
    portalAheadMs = 47_000;
    await fillAndSubmit();
    await ask(context(), { type: 'vault.lock' });
    clock.now += 1_500;
    expect(await request({ seen: REFUSED })).toEqual({ status: 'locked' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
