import type { RequestOf } from '../messages';

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
