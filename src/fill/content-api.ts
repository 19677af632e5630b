// What the always-on content script needs: detection and filling, without the site-binding rules (and their
// public-suffix list), which only the background uses.
export * from './detect';
export { fillOtpField, findSubmitButton, type FillOptions, type FillResult } from './fill';
