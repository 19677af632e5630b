/** Tester kit (Puppeteer): launch Chromium or Firefox with Portal Authenticator loaded and provision accounts without a phone. */
export { launchWithExtension, FIREFOX_EXTENSION_UUID } from './launch';
export type { ExtensionSession, LaunchOptions } from './launch';
export type { AccountInput, ProvisionOptions } from './provision';
export type { DecisionQuery } from './decisions';
export type { ExtensionControls } from './session';
export type { CommonLaunchOptions } from './launch-options';
export { fromEnv, EnvAccountsError } from './from-env';
export { msUntilNextCode } from './timing';
export { findBrowserExecutable, BrowserNotFound, INSTALL_HINT } from './find-browser';
export type { BrowserName } from './find-browser';
export { ExtensionNotFound } from './bundled-extension';
export { KitError } from './kit-error';
export { clickPanelPrimaryButton, isPanelShown, PANEL_ARMING_MS, PANEL_TAG, waitUntilPanelArmed } from './panels';
