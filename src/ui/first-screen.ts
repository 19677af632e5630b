import type { RequestOf } from '../messages';

/** Rows drawn in the popup's first frame; a popup shows about ten, the rest follow right after the first paint. */
export const FIRST_PAINT_ROWS = 40;

/**
 * The popup's opening request: the vault's state, every account, and codes for the rows of the first frame (the
 * rest are asked for after it is painted). Kept free of imports so the tiny early script can send it too.
 */
export const OPENING_REQUEST: RequestOf<'vault.overview'> = { type: 'vault.overview', codesFor: FIRST_PAINT_ROWS };
