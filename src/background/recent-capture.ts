import type { KeyValueArea } from './replay-guard';

const KEY = 'recentCaptures';
/** How long a set-up page may take to ask for the first code of an account just added from it. */
export const CAPTURE_LIFETIME_MS = 15 * 60_000;

type Captures = Record<string, { accountId: string; at: number }>;

/**
 * Remembers, per site, the account most recently added from that site's own set-up page (the in-page offer or the
 * popup's scan). A set-up step's confirmation field gets that account's code, and no other: an account saved
 * before holds the secret being replaced. Kept in session storage, forgotten after a quarter of an hour.
 */
export function createCaptureMemory(area: KeyValueArea, now: () => number = Date.now) {
  const load = async (): Promise<Captures> => ((await area.get(KEY))[KEY] as Captures | undefined) ?? {};
  return {
    /** Notes that `accountId` was just added for each of `sites`. */
    async remember(sites: readonly string[], accountId: string): Promise<void> {
      const at = now();
      const live = Object.entries(await load()).filter(([, entry]) => at - entry.at < CAPTURE_LIFETIME_MS);
      await area.set({ [KEY]: { ...Object.fromEntries(live), ...Object.fromEntries(sites.map((site) => [site, { accountId, at }])) } });
    },
    /** The account just added for `site`, if it was added within the lifetime. */
    async accountFor(site: string): Promise<string | undefined> {
      const entry = (await load())[site];
      return entry && now() - entry.at < CAPTURE_LIFETIME_MS ? entry.accountId : undefined;
    },
  };
}
