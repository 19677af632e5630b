import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CodeView, Responses } from '../messages';
import type { UiClient } from './client';
import { findMsUntilRollover } from './countdown';

/** Codes as last fetched, with the time they were computed and a local clock that ticks once a second. */
export interface CodesSnapshot {
  codes: Map<string, CodeView>;
  fetchedAt: number;
  now: number;
}

/** Slack after a rollover before re-fetching, so the background is surely in the new period. */
const ROLLOVER_SLACK_MS = 150;
/** Waits before asking again after a failed fetch. */
const RETRY_MS = [1000, 2000, 5000];

/** Codes as fetched; the hook adds the ticking `now`. */
type FetchedCodes = Omit<CodesSnapshot, 'now'>;

function toFetched({ codes, now: computedAt }: Responses['accounts.codes'], now: number): FetchedCodes {
  // `secondsRemaining` is whole seconds counted from the start of the second the codes were computed in.
  const fetchedAt = Math.floor((Number.isFinite(computedAt) ? computedAt : now) / 1000) * 1000;
  return { codes: new Map(codes.map((code) => [code.id, code])), fetchedAt };
}

/**
 * Fetches `accounts.codes` once, then again only when a period rolls over; between fetches the countdown is
 * computed locally from `secondsRemaining` and the fetch time, so the background is not asked every second.
 */
export function useCodes(
  client: UiClient,
  onError: (error: unknown) => void,
  reloadKey: unknown = 0,
  /**
   * Codes already in hand (the popup's opening answer), shown in the first render instead of fetched; when they
   * cover only the first rows (`complete` false), the rest are fetched once the first frame is painted.
   */
  initial?: { answer: Responses['accounts.codes']; complete: boolean },
) {
  const [snapshot, setSnapshot] = useState<FetchedCodes | undefined>(() => initial && toFetched(initial.answer, client.now()));
  const [now, setNow] = useState(() => client.now());
  // Held in a ref so a new callback identity on each render does not trigger a re-fetch.
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const skipFirstFetch = useRef(initial !== undefined);
  const fetchRestAfterPaint = useRef(initial?.complete === false);
  // Only the newest request may set the codes: an older answer arriving late must not overwrite a newer one.
  const latest = useRef(0);
  const [failures, setFailures] = useState(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const answer = await client.request({ type: 'accounts.codes' });
      if (ticket !== latest.current) return;
      setFailures(0);
      setSnapshot(toFetched(answer, client.now()));
      setNow(client.now());
    } catch (error) {
      if (ticket !== latest.current) return;
      onErrorRef.current(error);
      // Try again soon (1 s, 2 s, then every 5 s): otherwise the codes on screen would silently go stale.
      setFailures((n) => n + 1);
    }
  }, [client]);

  useEffect(() => {
    if (failures === 0) return;
    const timer = setTimeout(() => void refresh(), RETRY_MS[Math.min(failures, RETRY_MS.length) - 1]);
    return () => clearTimeout(timer);
  }, [failures, refresh]);

  // A layout effect starts the request right after the first render instead of a frame later.
  useLayoutEffect(() => {
    if (skipFirstFetch.current) skipFirstFetch.current = false;
    else void refresh();
  }, [refresh, reloadKey]);

  // An effect, not a layout effect: it runs after the first frame is painted.
  useEffect(() => {
    if (!fetchRestAfterPaint.current) return;
    fetchRestAfterPaint.current = false;
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (!snapshot) return;
    const wait = findMsUntilRollover([...snapshot.codes.values()], snapshot.fetchedAt, client.now());
    if (wait === undefined) return;
    const timer = setTimeout(() => void refresh(), Math.max(wait + ROLLOVER_SLACK_MS, 250));
    return () => clearTimeout(timer);
  }, [snapshot, refresh, client]);

  useEffect(() => {
    if (!snapshot) return;
    let timer: ReturnType<typeof setTimeout>;
    // Tick on whole seconds so every ring changes together, once a second.
    const schedule = () => {
      const current = client.now();
      timer = setTimeout(() => {
        setNow(client.now());
        schedule();
      }, 1000 - (current % 1000) + 5);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [snapshot, client]);

  return { snapshot: snapshot && { ...snapshot, now }, refresh };
}
