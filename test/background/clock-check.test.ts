import { describe, expect, it } from 'vitest';
import { judgeClockOffset } from '../../src/background/clock-check';

const SENT = 1_700_000_000_000;

/** The Date header a server whose clock is `aheadMs` ahead would send for a request answered mid-way. */
function header(sentAt: number, receivedAt: number, aheadMs: number): number {
  const serverNow = (sentAt + receivedAt) / 2 + aheadMs;
  return Math.floor(serverNow / 1000) * 1000;
}

describe('judgeClockOffset', () => {
  // [server clock ahead by (ms), expected offset (s), verdict]
  const table: Array<[number, number, 'ok' | 'warn' | 'bad']> = [
    [0, 0, 'ok'],
    [1_000, 1, 'ok'],
    [-1_000, -1, 'ok'],
    [15_000, 15, 'ok'],
    [-15_000, -15, 'ok'],
    [16_000, 16, 'warn'],
    [-16_000, -16, 'warn'],
    [30_000, 30, 'warn'],
    [-30_000, -30, 'warn'],
    [31_000, 31, 'bad'],
    [-31_000, -31, 'bad'],
    [3_600_000, 3_600, 'bad'],
    [-86_400_000, -86_400, 'bad'],
  ];

  it.each(table)('a server %i ms ahead is reported as %i s, %s', (ahead, offset, verdict) => {
    // Mid-request times 300, 300 and 250 ms into a second: away from the half-second the header cannot resolve.
    for (const [sentAt, roundTrip] of [[SENT + 300, 0], [SENT + 100, 400], [SENT + 750, 1_000]] as const) {
      const receivedAt = sentAt + roundTrip;
      expect(judgeClockOffset(header(sentAt, receivedAt, ahead), sentAt, receivedAt)).toEqual({ offsetSeconds: offset, verdict });
    }
  });

  it('measures against the middle of the request, not its start or end', () => {
    // A 10.4 s round trip to a server in step with us: the header names the second of the middle (SENT + 5.2 s).
    const receivedAt = SENT + 10_400;
    expect(judgeClockOffset(SENT + 5_000, SENT, receivedAt).offsetSeconds).toBe(0);
  });

  it('stays within half a second of the true offset despite the whole-second header', () => {
    for (let ahead = -20_000; ahead <= 20_000; ahead += 137) {
      const receivedAt = SENT + 250;
      const { offsetSeconds } = judgeClockOffset(header(SENT, receivedAt, ahead), SENT, receivedAt);
      expect(Math.abs(offsetSeconds * 1000 - ahead)).toBeLessThanOrEqual(1_000);
    }
  });
});
