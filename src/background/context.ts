import type { Browser } from 'webextension-polyfill';
import type { ParsedPolicy } from '../policy';
import type { SettingsStore } from '../settings/settings-store';
import type { VaultService } from '../vault';
import type { KeyValueArea } from '../storage';
import type { createReplayGuard } from './replay-guard';
import type { createDecisionLog } from './decision-log';
import type { SenderKind } from './sender';

/** Everything a request handler may use; the entrypoint builds it from the real browser, tests from fakes. */
export interface BackgroundContext {
  vault: VaultService;
  settings: SettingsStore;
  /** The organisation's managed policy, read fresh (it can change while the browser runs). */
  policy: () => Promise<ParsedPolicy>;
  replay: ReturnType<typeof createReplayGuard>;
  /** The diagnostics log of fill decisions; one per background, so frames reporting at once lose nothing. */
  decisions: ReturnType<typeof createDecisionLog>;
  /** Session storage for short-lived state (pending imports, scans, undo) that must survive a worker restart. */
  session: KeyValueArea & { remove(keys: string | string[]): Promise<void> };
  browser: Browser;
  now: () => number;
}

/** A handler for one request type, given the browser-vouched sender. */
export type Handler<Req, Res> = (request: Req, context: BackgroundContext, sender: SenderKind) => Promise<Res>;
