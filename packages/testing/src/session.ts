import type { DecisionRecord, Reply } from '../../../src/messages';
import { type DecisionQuery, waitForDecision } from './decisions';
import { type ProvisionOptions, provisionVault } from './provision';
import type { Requester } from './requester';

/** Sends one protocol request to the extension's background and returns its answer (throws on a refusal). */

/** Runs `runtime.sendMessage(message)` inside an extension page and returns the raw reply. */
export type SendFromExtensionPage = (message: unknown) => Promise<unknown>;

/** What every session offers, whichever library drives the browser. */
export interface ExtensionControls {
  /** Creates (or unlocks) the vault and adds accounts through the background, without any UI. */
  provision(options: ProvisionOptions): Promise<void>;
  /** Sends one protocol request from an extension page, as the popup would. */
  request: Requester;
  /**
   * Waits for the extension's own record of what it decided about a code field at an address (turn recording on
   * first with `request({ type: 'debug.setRecording', on: true })`): how a test proves that nothing was filled
   * because the extension looked and refused, without a fixed sleep.
   */
  waitForDecision(query: DecisionQuery, timeout?: number): Promise<DecisionRecord>;
}

/** The script an extension page runs to reach the background: the page's own `browser` or `chrome` runtime. */
export async function sendFromPage(message: unknown): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
  return (scope.browser ?? scope.chrome).runtime.sendMessage(message);
}

/**
 * Builds provision, request and waitForDecision on an extension page (the popup) that is opened on first use and
 * then kept, running `runtime.sendMessage` in it through the driving library's `evaluate`.
 */
export function controlsFromPage<P>(openPage: () => Promise<P>, evaluate: (page: P, script: typeof sendFromPage, message: unknown) => Promise<unknown>): ExtensionControls {
  let page: Promise<P> | undefined;
  return extensionControls(async (message) => evaluate(await (page ??= openPage()), sendFromPage, message));
}

/** Builds provision, request and waitForDecision on top of a way to send a message from an extension page. */
export function extensionControls(send: SendFromExtensionPage): ExtensionControls {
  const request: Requester = async (message) => {
    const reply = (await send(message)) as Reply<typeof message.type>;
    if (!reply.ok) throw new Error(`${message.type} failed: ${reply.error.message} (${reply.error.code})`);
    return reply.value as never;
  };
  return {
    request,
    provision: (options) => provisionVault(request, options),
    waitForDecision: (query, timeout) => waitForDecision(request, query, timeout),
  };
}
