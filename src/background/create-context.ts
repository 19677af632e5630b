import type { Browser } from 'webextension-polyfill';
import { readManagedPolicy } from '../policy';
import { createSettingsStore } from '../settings/settings-store';
import { autoLockFromMinutes, createVaultService } from '../vault';
import type { BackgroundContext } from './context';
import { createDecisionLog } from './decision-log';
import { createReplayGuard } from './replay-guard';

/** Builds the background's context from the real browser APIs; the only place they are wired in. */
export function createBackgroundContext(browser: Browser, now: () => number = Date.now): BackgroundContext {
  const local = browser.storage.local;
  const session = browser.storage.session;
  const policy = () => readManagedPolicy(browser.storage.managed, session);
  const settings = createSettingsStore(local, policy);
  const autoLock = async () => autoLockFromMinutes((await settings.get()).autoLockMinutes);
  return {
    vault: createVaultService({ local, session, now, autoLock }),
    settings,
    policy,
    replay: createReplayGuard(session, now),
    decisions: createDecisionLog(local, session, now),
    session,
    browser,
    now,
  };
}
