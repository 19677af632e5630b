import { describe, expect, it } from 'vitest';
import { msUntilNextCode } from '../../packages/testing/src/timing';

describe('msUntilNextCode', () => {
  it('counts to the start of the next period', () => {
    expect(msUntilNextCode(30, 60_000)).toBe(30_000);
    expect(msUntilNextCode(30, 89_999)).toBe(1);
    expect(msUntilNextCode(60, 61_500)).toBe(58_500);
  });
});
