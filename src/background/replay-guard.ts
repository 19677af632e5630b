/** Minimal storage area shape (browser.storage.session in the extension, a fake in tests). */
export interface KeyValueArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const USED_KEY = 'filledSteps';
const HANDED_KEY = 'handedOutSteps';
/**
 * How long a handed-out code waits for its frame to report a submission: for TOTP far longer than the code stays
 * valid; for HOTP, whose code stays valid until used, a day. After it, the record is swept at the next hand-out
 * (a closed tab's records go the same way).
 */
export const HANDED_OUT_LIFETIME_MS = 10 * 60_000;
export const HOTP_HANDED_OUT_LIFETIME_MS = 24 * 60 * 60_000;

const isLive = (entry: HandedOut, at: number) =>
  at - entry.at < (entry.type === 'hotp' ? HOTP_HANDED_OUT_LIFETIME_MS : HANDED_OUT_LIFETIME_MS);

type UsedRecord = Record<string, Record<string, number>>;
type HandedOut = { site: string; accountId: string; step: number; type: 'totp' | 'hotp'; at: number };
type HandedRecord = Record<string, HandedOut>;

/**
 * Remembers, per site and account, the last TOTP step the site really received, so the same code is never
 * submitted twice to one site within its period (servers refuse replayed codes). A code handed to a frame
 * counts as used only once that frame reports the form was submitted: a login page that was loaded and left
 * does not burn a period. Kept in session storage: it survives a service-worker restart and is forgotten when
 * the browser closes.
 */
export function createReplayGuard(area: KeyValueArea, now: () => number = Date.now) {
  const load = async <T>(key: string): Promise<T> => ((await area.get(key))[key] as T | undefined) ?? ({} as T);
  // Read-change-write steps from several frames at once must not lose each other's records: one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(step, step);
    queue = run.catch(() => undefined);
    return run;
  };
  const record = (site: string, accountId: string, step: number) =>
    serial(async () => {
      const all = await load<UsedRecord>(USED_KEY);
      const forSite = { ...(all[site] ?? {}) };
      forSite[accountId] = Math.max(step, forSite[accountId] ?? -1);
      await area.set({ [USED_KEY]: { ...all, [site]: forSite } });
    });
  return {
    /** The last submitted step per account id on `site`. */
    async stepsFor(site: string): Promise<Map<string, number>> {
      return new Map(Object.entries((await load<UsedRecord>(USED_KEY))[site] ?? {}));
    },
    /** Records that `step` of `accountId` was submitted to `site`. */
    record,
    /** Notes the code handed to one frame (`frameKey` names tab and frame), until that frame reports a submission. */
    handOut: (frameKey: string, site: string, accountId: string, step: number, type: HandedOut['type'] = 'totp'): Promise<void> =>
      serial(async () => {
        const at = now();
        const live = Object.entries(await load<HandedRecord>(HANDED_KEY)).filter(([, entry]) => isLive(entry, at));
        await area.set({ [HANDED_KEY]: { ...Object.fromEntries(live), [frameKey]: { site, accountId, step, type, at } } });
      }),
    /** The frame submitted its form: the code it was handed is now used at its site. Returns what it was handed. */
    confirmSubmitted: async (frameKey: string, site: string): Promise<HandedOut | undefined> => {
      const handed = await serial(async () => {
        const all = await load<HandedRecord>(HANDED_KEY);
        const entry = all[frameKey];
        if (!entry || entry.site !== site || !isLive(entry, now())) return undefined;
        const { [frameKey]: _done, ...rest } = all;
        await area.set({ [HANDED_KEY]: rest });
        return entry;
      });
      if (handed?.type !== 'hotp' && handed) await record(handed.site, handed.accountId, handed.step);
      return handed;
    },
  };
}
