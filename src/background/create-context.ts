import type { Browser } from 'webextension-polyfill';
import { createSettingsStore } from '../settings/settings-store';
import { createVaultService } from '../vault';
import type { BackgroundContext } from './context';
import { createReplayGuard } from './replay-guard';

/** Builds the background's context from the real browser APIs; the only place they are wired in. */
export function createBackgroundContext(browser: Browser, now: () => number = Date.now): BackgroundContext {
  const local = browser.storage.local;
  const session = browser.storage.session;
  return {
    vault: createVaultService({ local, session, now }),
    settings: createSettingsStore(local),
    replay: createReplayGuard(session),
    session,
    browser,
    now,
  };
}
