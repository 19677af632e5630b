import { describe, expect, it } from 'vitest';
import { autoLockFromMinutes, autoLockToMinutes, DEFAULT_AUTO_LOCK, shouldAutoLock, shouldLock } from '../../src/vault/auto-lock';

const MIN = 60_000;

describe('shouldLock', () => {
  it.each([
    [0, 14 * MIN, 15, false],
    [0, 15 * MIN - 1, 15, false],
    [0, 15 * MIN, 15, true],
    [0, 60 * MIN, 15, true],
    [10 * MIN, 11 * MIN, 1, true],
    [10 * MIN, 10 * MIN + 59_999, 1, false],
    [undefined, 0, 15, true],
    [Number.NaN, 0, 15, true],
    [10 * MIN, 10 * MIN - 30_000, 15, false],
    [10 * MIN, 5 * MIN, 15, true],
  ])('last activity %s, now %s, idle %s min → %s', (lastActivity, now, idleMinutes, expected) => {
    expect(shouldLock({ lastActivity, now, idleMinutes })).toBe(expected);
  });
});

describe('auto-lock setting', () => {
  it('defaults to 15 idle minutes', () => {
    expect(DEFAULT_AUTO_LOCK).toEqual({ kind: 'idle', minutes: 15 });
    expect(autoLockToMinutes(DEFAULT_AUTO_LOCK)).toBe(15);
  });

  it('never idles out in browser-close mode', () => {
    expect(shouldAutoLock({ kind: 'browser-close' }, 0, 1e12)).toBe(false);
    expect(shouldAutoLock({ kind: 'idle', minutes: 5 }, 0, 5 * MIN)).toBe(true);
  });

  it.each([
    [0, { kind: 'browser-close' }],
    [1, { kind: 'idle', minutes: 1 }],
    [1440, { kind: 'idle', minutes: 1440 }],
  ])('reads %s minutes and writes it back', (minutes, setting) => {
    expect(autoLockFromMinutes(minutes)).toEqual(setting);
    expect(autoLockToMinutes(autoLockFromMinutes(minutes))).toBe(minutes);
  });

  it.each([-1, 1.5, 1441, '15', null, Number.NaN])('refuses %s minutes', (minutes) => {
    expect(() => autoLockFromMinutes(minutes)).toThrow(expect.objectContaining({ code: 'vault/bad-setting' }));
  });
});
