/**
 * The longest the extension can make a login wait for its code, in ms: until the next period of `periodSeconds`
 * starts. It waits when this site already got the current period's code (a second login in one period: servers
 * refuse a code twice) or when the current code is about to expire (the freshness setting).
 */
export function msUntilNextCode(periodSeconds = 30, now = Date.now()): number {
  const periodMs = periodSeconds * 1000;
  return periodMs - (now % periodMs);
}
