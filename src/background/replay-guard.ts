import { FILLED_STEPS_KEY as USED_KEY, HANDED_OUT_KEY as HANDED_KEY, REFUSED_STEPS_KEY as REFUSED_KEY, SUBMITTED_CODES_KEY as SUBMITTED_KEY, type KeyValueArea } from '../storage';

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
type HandedOut = {
  site: string;
  accountId: string;
  step: number;
  type: 'totp' | 'hotp';
  at: number;
  /** The clock offset (seconds) the step was chosen with. */
  offsetSeconds?: number;
};
type HandedRecord = Record<string, HandedOut>;

/** A code a frame submitted, kept briefly so a refusal the portal shows right after can be traced back to it. */
export interface Submission extends HandedOut {
  /** When it was submitted (this computer's clock). */
  submittedAt: number;
  /** The path of the page it was submitted from: the same step shown again has the same path. */
  path: string;
  /** The site's last received step before this one (-1 for none), restored if the portal refused this one. */
  previous: number;
}

/** The step a site refused for one account, and when. */
export interface Refusal {
  step: number;
  at: number;
}

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
  /** Sets the site's last received step (only upwards unless `force`); answers the step it replaced (-1 for none). */
  const setStep = async (site: string, accountId: string, step: number, force = false): Promise<number> => {
    const all = await load<UsedRecord>(USED_KEY);
    const forSite = { ...(all[site] ?? {}) };
    const previous = forSite[accountId] ?? -1;
    forSite[accountId] = force ? step : Math.max(step, previous);
    await area.set({ [USED_KEY]: { ...all, [site]: forSite } });
    return previous;
  };
  const record = (site: string, accountId: string, step: number) => serial(() => setStep(site, accountId, step));
  return {
    /** The last submitted step per account id on `site`. */
    async stepsFor(site: string): Promise<Map<string, number>> {
      return new Map(Object.entries((await load<UsedRecord>(USED_KEY))[site] ?? {}));
    },
    /** Records that `step` of `accountId` was submitted to `site`. */
    record,
    /** Notes the code handed to one frame (`frameKey` names tab and frame), until that frame reports a submission. */
    handOut: (frameKey: string, site: string, accountId: string, step: number, type: HandedOut['type'] = 'totp', offsetSeconds = 0): Promise<void> =>
      serial(async () => {
        const at = now();
        const live = Object.entries(await load<HandedRecord>(HANDED_KEY)).filter(([, entry]) => isLive(entry, at));
        await area.set({ [HANDED_KEY]: { ...Object.fromEntries(live), [frameKey]: { site, accountId, step, type, at, offsetSeconds } } });
      }),
    /**
     * The frame submitted its form: the code it was handed is now used at its site, and kept for a short while as the
     * frame's last submission (see {@link takeSubmission}). Returns what it was handed.
     */
    confirmSubmitted: (frameKey: string, site: string, path = ''): Promise<HandedOut | undefined> =>
      serial(async () => {
        const all = await load<HandedRecord>(HANDED_KEY);
        const entry = all[frameKey];
        const at = now();
        if (!entry || entry.site !== site || !isLive(entry, at)) return undefined;
        const { [frameKey]: _done, ...rest } = all;
        await area.set({ [HANDED_KEY]: rest });
        const previous = entry.type === 'hotp' ? -1 : await setStep(entry.site, entry.accountId, entry.step);
        const submissions = await load<Record<string, Submission>>(SUBMITTED_KEY);
        await area.set({ [SUBMITTED_KEY]: { ...submissions, [frameKey]: { ...entry, submittedAt: at, path, previous } } });
        return entry;
      }),
    /**
     * The frame's last submission, if it was made on `site` within `maxAgeMs` (and from `path`, when one is given);
     * it is handed out once, so one submission leads to at most one recovery.
     */
    takeSubmission: (frameKey: string, site: string, maxAgeMs: number, path?: string): Promise<Submission | undefined> =>
      serial(async () => {
        const { [frameKey]: entry, ...rest } = await load<Record<string, Submission>>(SUBMITTED_KEY);
        if (!entry) return undefined;
        await area.set({ [SUBMITTED_KEY]: rest });
        const fits = entry.site === site && now() - entry.submittedAt <= maxAgeMs && (path === undefined || entry.path === path);
        return fits ? entry : undefined;
      }),
    /**
     * The site refused a submitted step: it no longer counts as received (the steps before it, never submitted, may
     * still be filled), and it is remembered as refused, so it is never filled again.
     */
    markRefused: (submission: Submission): Promise<void> =>
      serial(async () => {
        const { site, accountId, step, previous } = submission;
        if (submission.type === 'totp' && (await load<UsedRecord>(USED_KEY))[site]?.[accountId] === step) await setStep(site, accountId, previous, true);
        const all = await load<Record<string, Record<string, Refusal>>>(REFUSED_KEY);
        await area.set({ [REFUSED_KEY]: { ...all, [site]: { ...(all[site] ?? {}), [accountId]: { step, at: now() } } } });
      }),
    /** The last refusal per account id on `site`. */
    async refusalsFor(site: string): Promise<Map<string, Refusal>> {
      return new Map(Object.entries((await load<Record<string, Record<string, Refusal>>>(REFUSED_KEY))[site] ?? {}));
    },
  };
}
