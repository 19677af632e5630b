/**
 * The tester kit as this repository's own tests and scripts use it: the package's source
 * (`packages/testing/src`), loading the extension from this repository's build output (built when missing)
 * instead of the copy the published package ships.
 */
import { type ExtensionSession, type LaunchOptions, launchWithExtension as launchPackaged } from '../../packages/testing/src/index';
import { ensureExtensionBuilt } from './extension-build';

export * from '../../packages/testing/src/index';

/** Launches Chromium or Firefox with this repository's build of the extension loaded. */
export function launchWithExtension(options: LaunchOptions): Promise<ExtensionSession> {
  return launchPackaged({ ...options, extensionPath: options.extensionPath ?? ensureExtensionBuilt(options.browser) });
}
