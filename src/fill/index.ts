// The fill feature's public surface for the content script and the background.
export * from './detect';
export { fillOtpField, findSubmitButton, type FillOptions, type FillResult, type SubmitControl } from './fill';
export { describeBinding, isOriginAllowed, normalizeOrigin, type BindingMatch } from './sites';
export { FillError, SiteError } from './errors';
