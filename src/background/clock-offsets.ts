import { CLOCK_OFFSETS_KEY as KEY, type KeyValueArea } from '../storage';

/**
 * The largest offset applied to codes (security promise 14): a portal whose clock is further off is reported, never
 * followed, so a portal (or whatever wrote storage) cannot make the extension hand out codes minutes ahead.
 */
export const MAX_APPLIED_OFFSET_SECONDS = 300;
/** Offsets this small are within what servers tolerate anyway; none is kept. */
export const NEGLIGIBLE_OFFSET_SECONDS = 3;

/** One portal's measured clock offset (seconds the portal is ahead of this computer) and when it was measured. */
export interface ClockOffset {
  origin: string;
  offsetSeconds: number;
  measuredAt: number;
}

type Stored = Record<string, { offsetSeconds: number; measuredAt: number }>;

const isValid = (origin: string, entry: unknown): entry is Stored[string] => {
  if (!/^https?:\/\/[^/]+$/.test(origin) || typeof entry !== 'object' || entry === null) return false;
  const { offsetSeconds, measuredAt } = entry as Record<string, unknown>;
  return (
    Number.isInteger(offsetSeconds) &&
    Math.abs(offsetSeconds as number) <= MAX_APPLIED_OFFSET_SECONDS &&
    typeof measuredAt === 'number' &&
    Number.isFinite(measuredAt)
  );
};

/**
 * The clock offsets measured against portals that refused a code, kept so their later codes are corrected too. Not
 * secret, so in `storage.local`; but content scripts can write there, so every entry is checked as it is read and
 * one that is malformed or beyond the cap counts as absent.
 */
export function createClockOffsets(area: KeyValueArea) {
  const load = async (): Promise<Stored> => {
    const raw = (await area.get(KEY))[KEY];
    if (typeof raw !== 'object' || raw === null) return {};
    return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([origin, entry]) => isValid(origin, entry))) as Stored;
  };
  return {
    /** Seconds to add to this computer's clock for codes of `origin` (0 when none is kept). */
    async offsetFor(origin: string): Promise<number> {
      const all = await load();
      return Object.hasOwn(all, origin) ? all[origin]!.offsetSeconds : 0;
    },
    /** Every kept offset, for the popup and options page. */
    async list(): Promise<ClockOffset[]> {
      return Object.entries(await load()).map(([origin, entry]) => ({ origin, ...entry }));
    },
    /** Whether an offset is kept for `origin`. */
    async has(origin: string): Promise<boolean> {
      return Object.hasOwn(await load(), origin);
    },
    /** Keeps a new measurement (a negligible one forgets the entry; one beyond the cap is refused by the caller). */
    async keep(origin: string, offsetSeconds: number, measuredAt: number): Promise<void> {
      const { [origin]: _old, ...rest } = await load();
      const next = Math.abs(offsetSeconds) <= NEGLIGIBLE_OFFSET_SECONDS ? rest : { ...rest, [origin]: { offsetSeconds, measuredAt } };
      if (isValid(origin, next[origin]) || !(origin in next)) await area.set({ [KEY]: next });
    },
  };
}
