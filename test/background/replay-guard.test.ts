import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HANDED_OUT_LIFETIME_MS, HOTP_HANDED_OUT_LIFETIME_MS, createReplayGuard } from '../../src/background/replay-guard';

beforeEach(() => {
  fakeBrowser.reset();
});

const guard = () => createReplayGuard(fakeBrowser.storage.session);

describe('createReplayGuard', () => {
  it('knows nothing about a site before a fill', async () => {
    expect(await guard().stepsFor('https://portal.example.com')).toEqual(new Map());
  });

  it('remembers the last step per site and account, across instances (a restarted worker)', async () => {
    await guard().record('https://portal.example.com', 'a', 100);
    await guard().record('https://portal.example.com', 'b', 7);
    await guard().record('https://other.example.com', 'a', 55);
    expect(await guard().stepsFor('https://portal.example.com')).toEqual(new Map([['a', 100], ['b', 7]]));
    expect(await guard().stepsFor('https://other.example.com')).toEqual(new Map([['a', 55]]));
  });

  it('never moves a step backwards', async () => {
    const g = guard();
    await g.record('https://portal.example.com', 'a', 100);
    await g.record('https://portal.example.com', 'a', 99);
    expect((await g.stepsFor('https://portal.example.com')).get('a')).toBe(100);
    await g.record('https://portal.example.com', 'a', 101);
    expect((await g.stepsFor('https://portal.example.com')).get('a')).toBe(101);
  });

  it('keeps its memory in session storage only, so it is forgotten when the browser closes', async () => {
    await guard().record('https://portal.example.com', 'a', 1);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain('portal.example.com');
  });

  describe('codes handed to frames', () => {
    const SITE = 'https://portal.example.com';

    it('count as used once the frame reports its submission, and only then', async () => {
      const g = guard();
      await g.handOut('7:0', SITE, 'a', 500);
      expect(await g.stepsFor(SITE)).toEqual(new Map());
      expect(await g.confirmSubmitted('7:0', 'https://evil.example.net')).toBeUndefined();
      expect((await g.confirmSubmitted('7:0', SITE))?.step).toBe(500);
      expect(await g.stepsFor(SITE)).toEqual(new Map([['a', 500]]));
      expect(await g.confirmSubmitted('7:0', SITE)).toBeUndefined(); // reported once
    });

    it('expire unreported, and are swept at the next hand-out, so closed tabs leave nothing behind', async () => {
      let now = 1_000_000;
      const g = createReplayGuard(fakeBrowser.storage.session, () => now);
      await g.handOut('7:0', SITE, 'a', 500);
      await g.handOut('8:0', SITE, 'b', 500);
      now += HANDED_OUT_LIFETIME_MS;
      expect(await g.confirmSubmitted('7:0', SITE)).toBeUndefined();
      await g.handOut('9:0', SITE, 'c', 520);
      const stored = (await fakeBrowser.storage.session.get('handedOutSteps')).handedOutSteps as Record<string, unknown>;
      expect(Object.keys(stored)).toEqual(['9:0']);
      expect(await g.stepsFor(SITE)).toEqual(new Map());
    });
  
    it('keep an HOTP code far longer (it stays valid until used), yet not for ever', async () => {
      let now = 1_000_000;
      const g = createReplayGuard(fakeBrowser.storage.session, () => now);
      await g.handOut('7:0', SITE, 'h', 12, 'hotp');
      await g.handOut('8:0', SITE, 'h', 13, 'hotp');
      now += 3 * HANDED_OUT_LIFETIME_MS;
      await g.handOut('9:0', SITE, 'c', 520);
      expect(await g.confirmSubmitted('7:0', SITE)).toMatchObject({ accountId: 'h', step: 12, type: 'hotp' });
      now += HOTP_HANDED_OUT_LIFETIME_MS;
      expect(await g.confirmSubmitted('8:0', SITE)).toBeUndefined();
    });
  });

  describe('submissions and refusals', () => {
    const SITE = 'https://portal.example.com';

    it('a submission is handed out once, only to its site and page, and only while it is recent', async () => {
      let now = 1_000_000;
      const g = createReplayGuard(fakeBrowser.storage.session, () => now);
      for (const [site, path, later, fits] of [
        [SITE, '/mfa', 1_000, true],
        ['https://evil.example.net', '/mfa', 1_000, false],
        [SITE, '/other', 1_000, false],
        [SITE, '/mfa', 20_000, false],
      ] as const) {
        await g.handOut('7:0', SITE, 'a', 500, 'totp', 47);
        await g.confirmSubmitted('7:0', SITE, '/mfa');
        now += later;
        const taken = await g.takeSubmission('7:0', site, 15_000, path);
        expect(taken, `${site}${path} after ${later} ms`).toEqual(fits ? expect.objectContaining({ step: 500, offsetSeconds: 47, path: '/mfa' }) : undefined);
        expect(await g.takeSubmission('7:0', SITE, 15_000)).toBeUndefined(); // once
      }
    });

    it('a refused step no longer counts as received (the one before is restored), and is remembered as refused', async () => {
      const g = guard();
      await g.record(SITE, 'a', 480);
      await g.handOut('7:0', SITE, 'a', 500);
      await g.confirmSubmitted('7:0', SITE, '/mfa');
      expect((await g.stepsFor(SITE)).get('a')).toBe(500);
      const submission = await g.takeSubmission('7:0', SITE, 15_000);
      expect(submission?.previous).toBe(480);
      await g.markRefused(submission!);
      expect((await g.stepsFor(SITE)).get('a')).toBe(480);
      expect((await g.refusalsFor(SITE)).get('a')).toMatchObject({ step: 500 });
    });

    it('a refusal does not lower a step the site received since', async () => {
      const g = guard();
      await g.handOut('7:0', SITE, 'a', 500);
      await g.confirmSubmitted('7:0', SITE, '/mfa');
      const submission = await g.takeSubmission('7:0', SITE, 15_000);
      await g.record(SITE, 'a', 502);
      await g.markRefused(submission!);
      expect((await g.stepsFor(SITE)).get('a')).toBe(502);
    });
  });
});
