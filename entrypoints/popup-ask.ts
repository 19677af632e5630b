import type { Reply } from '../src/messages';
import { EARLY_OVERVIEW_GLOBAL, OPENING_REQUEST } from '../src/ui/first-screen';

/**
 * Loaded by popup.html ahead of the popup's own script: asks the background for the opening overview straight
 * away, so the answer travels while the popup's larger script is still loading, and leaves the pending answer
 * under EARLY_OVERVIEW_GLOBAL for it. Uses the browser's own API, so nothing else is bundled into this script.
 */
export default defineUnlistedScript(() => {
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  const pending = api.runtime.sendMessage(OPENING_REQUEST) as Promise<Reply<'vault.overview'>>;
  // The popup's script handles a failure (it asks again); until it has loaded, nothing is left unhandled.
  pending.catch(() => undefined);
  (globalThis as Record<string, unknown>)[EARLY_OVERVIEW_GLOBAL] = pending;
});
