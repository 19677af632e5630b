import type { Reply } from '../src/messages';
import { OPENING_REQUEST } from '../src/ui/first-screen';

/**
 * Loaded by popup.html ahead of the popup's own script: asks the background for the opening overview straight
 * away, so the answer travels while the popup's larger script is still loading. The popup picks the pending
 * answer up with `takeEarlyOverview`. Uses the browser's own API: nothing is bundled into this script.
 */
export default defineUnlistedScript(() => {
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  const pending = api.runtime.sendMessage(OPENING_REQUEST) as Promise<Reply<'vault.overview'>>;
  (globalThis as { portalEarlyOverview?: unknown }).portalEarlyOverview = pending;
});
