/** Public tester kit: launch a browser with Portal Authenticator loaded and provision accounts without a phone. */
export { launchWithExtension, FIREFOX_EXTENSION_UUID } from './launch';
export type { ExtensionSession, LaunchOptions } from './launch';
export type { ProvisionOptions } from './provision';
export type { DecisionQuery } from './decisions';
export { findBrowserExecutable, BrowserNotFound } from './find-browser';
export type { BrowserName } from './find-browser';
export { clickPanelPrimaryButton, isPanelShown, PANEL_ARMING_MS, PANEL_TAG, waitUntilPanelArmed } from './panels';
