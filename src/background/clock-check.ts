/** How far this computer's clock may drift from the portal's before codes start to fail (RFC 6238 §5.2). */
export type ClockVerdict = 'ok' | 'warn' | 'bad';

/**
 * Compares the portal's `Date` header with the local clock at the middle of the request.
 * Servers accept about one 30-second step of drift, so beyond 15 s codes are at risk and beyond 30 s they fail.
 * The offset is only reported, never applied to codes.
 */
export function judgeClockOffset(serverMs: number, sentAt: number, receivedAt: number): { offsetSeconds: number; verdict: ClockVerdict } {
  // The header has whole-second precision: it names the second the server was in.
  const offsetSeconds = Math.round((serverMs + 500 - (sentAt + receivedAt) / 2) / 1000);
  const size = Math.abs(offsetSeconds);
  return { offsetSeconds, verdict: size <= 15 ? 'ok' : size <= 30 ? 'warn' : 'bad' };
}
