import { describe, expect, it } from 'vitest';
import { describeRefusal as describeTranslatable, explainRefusal, type RefusedCode } from '../../src/background/refusal-recovery';
import { english } from '../english-messages';
import { T0 } from './helpers';

const STEP = T0 / 30_000;
/** A TOTP code of step STEP submitted `intoPeriodMs` after its period started (this computer's clock). */
const code = (intoPeriodMs: number, offsetSeconds = 0): RefusedCode => ({
  type: 'totp',
  step: STEP,
  periodSeconds: 30,
  submittedAt: T0 + intoPeriodMs,
  offsetSeconds,
});

describe('explainRefusal', () => {
  // [what happened, code, measured offset (s), cause]
  const table: Array<[string, RefusedCode, number | undefined, ReturnType<typeof explainRefusal>['kind']]> = [
    ['computer 47 s behind: the portal was two periods on', code(10_000), 47, 'clock'],
    ['computer 47 s ahead', code(10_000), -47, 'clock'],
    ['an offset that leaves the code in its own period explains nothing', code(5_000), 20, 'unknown'],
    ['a few seconds off at most is no clock problem', code(29_000), 3, 'period-end'],
    ['sent with 1.5 s left: the period ended on the way', code(28_500), 0, 'period-end'],
    ['sent with 2.5 s left and a good clock: not explained', code(27_500), 0, 'unknown'],
    ['the code was already chosen with the right offset', { ...code(10_000, 47), step: STEP + 1 }, 47, 'unknown'],
    ['the portal could not be asked: the offset it was chosen with stands', code(10_000), undefined, 'unknown'],
    ['more than five minutes off is reported, never corrected', code(10_000), 301, 'clock-too-far'],
    ['five minutes is still corrected', code(10_000), -300, 'clock'],
  ];

  it.each(table)('%s', (_what, refused, measured, kind) => {
    expect(explainRefusal(refused, measured).kind).toBe(kind);
  });

  it('an HOTP code has no clock to blame', () => {
    expect(explainRefusal({ ...code(10_000), type: 'hotp' }, 47)).toEqual({ kind: 'unknown' });
  });
});

/** What the person is told, in English. */
const describeRefusal = (...args: Parameters<typeof describeTranslatable>) => english(describeTranslatable(...args));

describe('describeRefusal', () => {
  it('says which way the clock is off and what was filled', () => {
    expect(describeRefusal({ kind: 'clock', offsetSeconds: 47 }, true)).toBe(
      "The portal refused the code: this computer's clock is 47 s behind. The corrected code is filled.",
    );
    expect(describeRefusal({ kind: 'clock', offsetSeconds: -47 }, false)).toMatch(/47 s ahead\. The corrected code follows\.$/);
    expect(describeRefusal({ kind: 'clock-too-far', offsetSeconds: 600 }, false)).toMatch(/10 min behind/);
  });

  it('gives the next step when nothing explains the refusal', () => {
    for (const kind of ['unknown', 'repeated'] as const) {
      expect(describeRefusal({ kind }, false)).toMatch(/Nothing more is filled: check that this is the right account .*\(re-enrol\)\.$/);
    }
  });
});
