import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelAccount } from '../../src/account-label';
import { decideFill, type FillCandidate, type FillDecisionInput } from '../../src/background/fill-decision';
import { oracleHotp, oracleTotp, randomSecret, T0 } from './helpers';

function candidate(overrides: Partial<FillCandidate> = {}): FillCandidate {
  return {
    id: 'acc-1',
    type: 'totp',
    issuer: 'Example',
    accountName: 'alice@example.com',
    secret: randomSecret(),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...overrides,
  };
}

function input(candidates: FillCandidate[], overrides: Partial<FillDecisionInput> = {}): FillDecisionInput {
  return { candidates, crossOriginFrame: false, freshnessSeconds: 5, submit: false, lastFilledStep: new Map(), now: T0 + 10_000, ...overrides };
}

const STEP0 = T0 / 30_000;

describe('decideFill: which account', () => {
  it('answers none when no account is bound to the frame', () => {
    expect(decideFill(input([]))).toEqual({ answer: { status: 'none' } });
  });

  it('fills the one bound account with the oracle code of now, and remembers the step used', () => {
    const account = candidate();
    const decision = decideFill(input([account], { submit: true }));
    expect(decision.answer).toEqual({
      status: 'fill',
      code: oracleTotp(account.secret, T0 + 10_000),
      label: 'Example — alice@example.com',
      submit: true,
      counterBased: false,
    });
    expect(decision.used).toEqual({ id: 'acc-1', step: STEP0, type: 'totp' });
  });

  it('asks the user to choose when several accounts are bound, without handing out a code', () => {
    const a = candidate({ id: 'a', accountName: 'alice' });
    const b = candidate({ id: 'b', issuer: '', accountName: 'bob' });
    const decision = decideFill(input([a, b]));
    expect(decision.answer).toEqual({
      status: 'choose',
      options: [
        { id: 'a', label: 'Example — alice' },
        { id: 'b', label: 'bob' },
      ],
      crossOrigin: false,
    });
    expect(decision.used).toBeUndefined();
  });

  it('asks for confirmation in a cross-origin frame even with one account', () => {
    const decision = decideFill(input([candidate()], { crossOriginFrame: true }));
    expect(decision.answer).toMatchObject({ status: 'choose', crossOrigin: true });
    expect(decision.used).toBeUndefined();
  });

  it('fills the chosen account, also in a cross-origin frame', () => {
    const a = candidate({ id: 'a' });
    const b = candidate({ id: 'b' });
    for (const crossOriginFrame of [false, true]) {
      const decision = decideFill(input([a, b], { chosenId: 'b', crossOriginFrame }));
      expect(decision.answer).toMatchObject({ status: 'fill', code: oracleTotp(b.secret, T0 + 10_000) });
      expect(decision.used?.id).toBe('b');
    }
  });

  it('asks again when the chosen id is not one of the bound accounts', () => {
    const decision = decideFill(input([candidate({ id: 'a' }), candidate({ id: 'b' })], { chosenId: 'elsewhere' }));
    expect(decision.answer.status).toBe('choose');
  });

  it('labels accounts as people know them', () => {
    expect(labelAccount({ issuer: 'JumpCloud', accountName: 'alice' })).toBe('JumpCloud — alice');
    expect(labelAccount({ issuer: 'JumpCloud', accountName: '' })).toBe('JumpCloud');
    expect(labelAccount({ issuer: '', accountName: '' })).toBe('Unnamed account');
  });
});

describe('decideFill: freshness', () => {
  // [ms into the 30 s period, freshness seconds, expects next code]
  const cases: Array<[number, number, boolean]> = [
    [0, 5, false],
    [25_000, 5, false], // exactly 5 s left: not fewer than 5
    [25_500, 5, true], // 4.5 s left
    [26_000, 5, true],
    [29_999, 5, true],
    [29_999, 0, false],
    [20_000, 10, false],
    [20_001, 10, true],
  ];
  it.each(cases)('at %i ms into the period with freshness %i s: wait for the next code = %s', (into, freshnessSeconds, next) => {
    const account = candidate();
    const now = T0 + into;
    const { answer, used } = decideFill(input([account], { now, freshnessSeconds }));
    const periodEnd = T0 + 30_000;
    if (next) {
      // No code before its period: a wait, with nothing handed out.
      expect(answer).toEqual({ status: 'wait', label: 'Example — alice@example.com', waitMs: periodEnd - now, replayWait: false });
      expect(used).toBeUndefined();
    } else {
      expect(answer).toMatchObject({ status: 'fill', code: oracleTotp(account.secret, now) });
      expect(used?.step).toBe(STEP0);
    }
  });

  it('handles other periods, algorithms and digit counts like the oracle', () => {
    const account = candidate({ period: 60, algorithm: 'SHA256', digits: 8 });
    const options = { period: 60, algorithm: 'SHA256' as const, digits: 8 };
    const start = T0 + 30_000; // a 60-second boundary
    const early = decideFill(input([account], { now: start + 1_234 }));
    expect(early.answer).toMatchObject({ status: 'fill', code: oracleTotp(account.secret, start + 1_234, options) });
    const late = decideFill(input([account], { now: start + 57_000 }));
    expect(late.answer).toMatchObject({ status: 'wait', waitMs: 3_000 });
    const then = decideFill(input([account], { now: start + 60_000 }));
    expect(then.answer).toMatchObject({ status: 'fill', code: oracleTotp(account.secret, start + 60_000, options) });
  });

  it('only ever hands out the current code with at least the freshness margin left, or a wait of at most one period', () => {
    const account = candidate();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 30_000 }), fc.integer({ min: 0, max: 20 }), (offset, freshnessSeconds) => {
        const now = T0 + offset;
        const { answer } = decideFill(input([account], { now, freshnessSeconds }));
        if (answer.status === 'wait') {
          expect(answer.waitMs).toBeGreaterThan(0);
          expect(answer.waitMs).toBeLessThanOrEqual(30_000);
          expect(answer).not.toHaveProperty('code');
          return true;
        }
        if (answer.status !== 'fill') return false;
        const fillAt = now;
        const periodEnd = (Math.floor(fillAt / 30_000) + 1) * 30_000;
        expect(answer.code).toBe(oracleTotp(account.secret, fillAt));
        expect(periodEnd - fillAt).toBeGreaterThanOrEqual(freshnessSeconds * 1000);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe('decideFill: replay', () => {
  it('gives the next code with replayWait when the current step was already filled on this site', () => {
    const account = candidate();
    const now = T0 + 10_000;
    const { answer, used } = decideFill(input([account], { now, lastFilledStep: new Map([['acc-1', STEP0]]) }));
    expect(answer).toEqual({ status: 'wait', label: 'Example — alice@example.com', waitMs: 20_000, replayWait: true });
    expect(used).toBeUndefined();
  });

  it('ignores an older step and steps of other accounts', () => {
    const account = candidate();
    const lastFilledStep = new Map([
      ['acc-1', STEP0 - 1],
      ['other', STEP0],
    ]);
    const { answer } = decideFill(input([account], { lastFilledStep }));
    expect(answer).toMatchObject({ status: 'fill', code: oracleTotp(account.secret, T0 + 10_000) });
  });

  it('never hands out a step already filled, and never waits past the next period even when a later step was used', () => {
    const account = candidate();
    const now = T0 + 10_000;
    const { answer, used } = decideFill(input([account], { now, lastFilledStep: new Map([['acc-1', STEP0 + 1]]) }));
    // Step STEP0 + 1 is used up; the wait ends at the next period's start, when the frame asks again.
    expect(used).toBeUndefined();
    expect(answer).toMatchObject({ status: 'wait', waitMs: 20_000, replayWait: true });
    const again = decideFill(input([account], { now: T0 + 30_000, lastFilledStep: new Map([['acc-1', STEP0 + 1]]) }));
    expect(again.answer).toMatchObject({ status: 'wait', waitMs: 30_000, replayWait: true });
    const then = decideFill(input([account], { now: T0 + 60_000, lastFilledStep: new Map([['acc-1', STEP0 + 1]]) }));
    expect(then.answer).toMatchObject({ status: 'fill', code: oracleTotp(account.secret, T0 + 60_000) });
    expect(then.used?.step).toBe(STEP0 + 2);
  });
});

describe('decideFill: HOTP', () => {
  it('uses the stored counter and reports it as the step used, without waiting', () => {
    const account = candidate({ type: 'hotp', counter: 5 });
    const { answer, used } = decideFill(input([account], { now: T0 + 29_999, lastFilledStep: new Map([['acc-1', 99]]) }));
    expect(answer).toMatchObject({ status: 'fill', code: oracleHotp(account.secret, 5), counterBased: true });
    expect(used).toEqual({ id: 'acc-1', step: 5, type: 'hotp' });
  });

  it('computes 8-digit SHA512 HOTP like the oracle', () => {
    const account = candidate({ type: 'hotp', counter: 123_456, algorithm: 'SHA512', digits: 8 });
    const { answer } = decideFill(input([account]));
    expect(answer).toMatchObject({ code: oracleHotp(account.secret, 123_456, { algorithm: 'SHA512', digits: 8 }) });
  });
});

describe('decideFill: the page names the user', () => {
  const alice = candidate({ id: 'alice', accountName: 'alice@example.com' });
  const bob = candidate({ id: 'bob', accountName: 'Bob@Example.com' });

  it('fills the one bound account whose name the page shows, instead of asking', () => {
    const decision = decideFill(input([alice, bob], { hints: ['bob@example.com'] }));
    expect(decision.answer).toMatchObject({ status: 'fill', code: oracleTotp(bob.secret, T0 + 10_000) });
    expect(decision.used?.id).toBe('bob');
  });

  it('still asks when the hints name none or several of them', () => {
    expect(decideFill(input([alice, bob], { hints: ['carol@example.com'] })).answer.status).toBe('choose');
    expect(decideFill(input([alice, bob], { hints: ['alice@example.com', 'bob@example.com'] })).answer.status).toBe('choose');
  });

  it('never skips the confirmation a cross-origin frame needs', () => {
    expect(decideFill(input([alice, bob], { hints: ['bob@example.com'], crossOriginFrame: true })).answer).toMatchObject({ status: 'choose', crossOrigin: true });
    expect(decideFill(input([alice], { hints: ['alice@example.com'], crossOriginFrame: true })).answer.status).toBe('choose');
  });

  it('fills the account the user picked in a cross-origin frame', () => {
    expect(decideFill(input([alice, bob], { chosenId: 'alice', crossOriginFrame: true })).answer).toMatchObject({ status: 'fill', code: oracleTotp(alice.secret, T0 + 10_000) });
  });
});
