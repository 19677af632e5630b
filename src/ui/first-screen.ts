import type { RequestOf, VaultOverview } from '../messages';

/** Rows drawn in the popup's first frame; a popup shows about ten, the rest follow right after the first paint. */
export const FIRST_PAINT_ROWS = 40;

/**
 * The popup's opening request: the vault's state, every account, and codes for the rows of the first frame (the
 * rest are asked for after it is painted). This module has no runtime imports, so the tiny early script that
 * sends the request (entrypoints/popup-ask.ts) stays tiny.
 */
export const OPENING_REQUEST: RequestOf<'vault.overview'> = { type: 'vault.overview', codesFor: FIRST_PAINT_ROWS };

/** Where the early script leaves its pending answer (a Promise of the Reply) for the popup's main script. */
export const EARLY_OVERVIEW_GLOBAL = 'portalEarlyOverview';

/**
 * The id of the JSON data block in which the background's service worker (Chromium) hands popup.html its opening
 * answer, written into the page as it is served (src/background/popup-document.tsx).
 */
export const EMBEDDED_OVERVIEW_ID = 'portal-overview';

/** The opening answer the page was served with, or undefined when it came without one (Firefox, or a fallback). */
export function readEmbeddedOverview(doc: Document): VaultOverview | undefined {
  const text = doc.getElementById(EMBEDDED_OVERVIEW_ID)?.textContent;
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as VaultOverview | null;
    return value && typeof value === 'object' && typeof value.state === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The time a served first screen is drawn at: when its codes were computed, if it shows codes. The page's script
 * takes the screen over drawing it at the same time, so what it draws matches what it takes over (a countdown a
 * few milliseconds further on could already be red); its clock then ticks on from the real time.
 */
export function drawingTime(overview: VaultOverview, fallback: number): number {
  return overview.state === 'unlocked' ? overview.now : fallback;
}
