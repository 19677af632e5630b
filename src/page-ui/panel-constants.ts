/** The element that hosts each panel's closed shadow root in the page. */
export const PANEL_TAG = 'portal-authenticator-panel';

/** Clicks this soon after a panel appears are ignored: a page cannot slide it under a click already under way. */
export const PANEL_ARMING_MS = 400;
