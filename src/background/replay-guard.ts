/** Minimal storage area shape (browser.storage.session in the extension, a fake in tests). */
export interface KeyValueArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'filledSteps';

type StepRecord = Record<string, Record<string, number>>;

/**
 * Remembers, per site and account, the last TOTP step filled, so the same code is never filled twice
 * into one site within its period (servers refuse replayed codes). Kept in session storage: it survives
 * a service-worker restart and is forgotten when the browser closes.
 */
export function createReplayGuard(area: KeyValueArea) {
  const load = async (): Promise<StepRecord> => ((await area.get(KEY))[KEY] as StepRecord | undefined) ?? {};
  return {
    /** The last filled step per account id on `site`. */
    async stepsFor(site: string): Promise<Map<string, number>> {
      return new Map(Object.entries((await load())[site] ?? {}));
    },
    /** Records that `step` of `accountId` was handed out for `site`. */
    async record(site: string, accountId: string, step: number): Promise<void> {
      const all = await load();
      const forSite = { ...(all[site] ?? {}) };
      forSite[accountId] = Math.max(step, forSite[accountId] ?? -1);
      await area.set({ [KEY]: { ...all, [site]: forSite } });
    },
  };
}
