import { RECENT_CAPTURES_KEY as KEY, type KeyValueArea } from '../storage';

/** How long a set-up page may take to ask for the first code of an account just added from it. */
export const CAPTURE_LIFETIME_MS = 15 * 60_000;

type Captures = Record<string, { accountId: string; at: number }>;

const keyOf = (tabId: number, site: string) => `${tabId} ${site}`;

/**
 * Remembers, per tab and site, the account just added from that tab's set-up page (the in-page offer or the popup's
 * scan). That set-up step's confirmation field gets this account's code, and no other: an account saved before
 * holds the secret being replaced, and one captured in another tab belongs to another set-up. Forgotten once its
 * code was submitted, or after a quarter of an hour; kept in session storage.
 */
export function createCaptureMemory(area: KeyValueArea, now: () => number = Date.now) {
  const load = async (): Promise<Captures> => ((await area.get(KEY))[KEY] as Captures | undefined) ?? {};
  const live = (captures: Captures, at: number) => Object.entries(captures).filter(([, entry]) => at - entry.at < CAPTURE_LIFETIME_MS);
  return {
    /** Notes that `accountId` was just added in tab `tabId` for each of `sites`. */
    async remember(tabId: number, sites: readonly string[], accountId: string): Promise<void> {
      const at = now();
      const added = sites.map((site) => [keyOf(tabId, site), { accountId, at }] as const);
      await area.set({ [KEY]: { ...Object.fromEntries(live(await load(), at)), ...Object.fromEntries(added) } });
    },
    /** The account just added in tab `tabId` for `site`, if it was added within the lifetime. */
    async accountFor(tabId: number, site: string): Promise<string | undefined> {
      const entry = (await load())[keyOf(tabId, site)];
      return entry && now() - entry.at < CAPTURE_LIFETIME_MS ? entry.accountId : undefined;
    },
    /** The set-up step was confirmed with `accountId`'s code: that capture has done its work. */
    async forget(tabId: number, site: string, accountId: string): Promise<void> {
      const captures = await load();
      if (captures[keyOf(tabId, site)]?.accountId !== accountId) return;
      const { [keyOf(tabId, site)]: _done, ...rest } = captures;
      await area.set({ [KEY]: rest });
    },
  };
}
