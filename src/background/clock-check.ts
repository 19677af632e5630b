import { ProtocolError } from '../errors';

/** How far this computer's clock may drift from the portal's before codes start to fail (RFC 6238 §5.2). */
export type ClockVerdict = 'ok' | 'warn' | 'bad';

/**
 * Compares the portal's `Date` header with the local clock at the middle of the request.
 * Servers accept about one 30-second step of drift, so beyond 15 s codes are at risk and beyond 30 s they fail.
 * Only the fill of a portal that refused a code applies an offset (see clock-offsets.ts); here it is measured.
 */
export function judgeClockOffset(serverMs: number, sentAt: number, receivedAt: number): { offsetSeconds: number; verdict: ClockVerdict } {
  // The header has whole-second precision: it names the second the server was in.
  const offsetSeconds = Math.round((serverMs + 500 - (sentAt + receivedAt) / 2) / 1000);
  const size = Math.abs(offsetSeconds);
  return { offsetSeconds, verdict: size <= 15 ? 'ok' : size <= 30 ? 'warn' : 'bad' };
}

/** How long the clock check waits for the portal's answer. */
export const CLOCK_CHECK_TIMEOUT_MS = 5_000;

/** A portal's clock compared with this computer's: `offsetSeconds` is how far the portal is ahead. */
export interface ClockReading {
  offsetSeconds: number;
  verdict: ClockVerdict;
  serverDate: string;
}

/** Asks `site` (an origin) for its time with a HEAD request and compares its `Date` header with the local clock. */
export async function measureClock(site: string, now: () => number, fetchFn: typeof fetch = fetch): Promise<ClockReading> {
  const sentAt = now();
  let response: Response;
  try {
    // A portal that does not answer soon must not hold up a fill waiting for the clock check.
    response = await fetchFn(site, { method: 'HEAD', cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(CLOCK_CHECK_TIMEOUT_MS) });
  } catch {
    throw new ProtocolError('clock/unreachable', `Could not reach ${site}. Check the address and your connection.`, { key: 'error_clock_unreachable', subs: [site] });
  }
  const receivedAt = now();
  const header = response.headers.get('date') ?? '';
  const serverMs = Date.parse(header);
  if (Number.isNaN(serverMs)) {
    throw new ProtocolError('clock/no-date', `${site} did not send its time (no Date header), so the clock cannot be compared.`, {
      key: 'error_clock_no_date',
      subs: [site],
    });
  }
  return { ...judgeClockOffset(serverMs, sentAt, receivedAt), serverDate: header };
}
