import { PortalError, ProtocolError, describeError } from '../errors';
import { CONTENT_REQUEST_TYPES, type Reply, type Request, type RequestType } from '../messages';
import { recordActivity } from './auto-lock-check';
import type { BackgroundContext } from './context';
import { accountHandlers } from './handlers/account-handlers';
import { debugHandlers } from './handlers/debug-handlers';
import { siteHandlers } from './handlers/site-handlers';
import { fillHandlers } from './handlers/fill-handlers';
import { passkeyHandlers } from './handlers/passkey-handlers';
import type { HandlerSpec, Handlers } from './handlers/handler-types';
import { qrHandlers } from './handlers/qr-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { transferHandlers } from './handlers/transfer-handlers';
import { vaultHandlers } from './handlers/vault-handlers';
import { type SenderInfo, classifySender } from './sender';
import { createSiteIndex } from '../sites/site-index';

const handlers: Handlers = {
  ...vaultHandlers,
  ...passkeyHandlers,
  ...accountHandlers,
  ...transferHandlers,
  ...settingsHandlers,
  ...fillHandlers,
  ...qrHandlers,
  ...debugHandlers,
  ...siteHandlers,
};

/**
 * Handles one message: checks who sent it (from the browser's sender information), refuses privileged
 * requests from web pages, runs the handler, and wraps the result or a readable error in a Reply.
 */
export async function routeMessage(
  message: unknown,
  sender: SenderInfo,
  context: BackgroundContext,
  extension: { id: string; baseUrl: string },
): Promise<Reply<RequestType>> {
  try {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
      throw new ProtocolError('protocol/unknown-request', 'Unknown request.', { key: 'error_protocol_unknown_request' });
    }
    const from = classifySender(sender, extension.id, extension.baseUrl);
    if (from.kind === 'content' && !CONTENT_REQUEST_TYPES.has(type)) {
      throw new ProtocolError('protocol/forbidden', 'Web pages cannot make this request.', { key: 'error_protocol_forbidden' });
    }
    const handler = handlers[type as RequestType] as unknown as HandlerSpec<Request, unknown>;
    const value = await handler.run(message as Request, context, from);
    if (handler.changesBindings) {
      await createSiteIndex(context.browser.storage.local).rebuild(await context.vault.list());
    }
    // A person's action in the popup or options page counts as activity for auto-lock; polling does not. The reply
    // does not wait for the write: nothing in it depends on the time, and a failed write only means the clock was
    // not reset.
    if (from.kind === 'page' && handler.activity) void recordActivity(context).catch(() => undefined);
    return { ok: true, value } as Reply<RequestType>;
  } catch (error) {
    // An error we did not raise on purpose is a bug: leave a trace for whoever debugs it, without its message,
    // which could quote data the error came from.
    if (!(error instanceof PortalError)) {
      const where = error instanceof Error ? `${error.name}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}` : typeof error;
      console.error('Portal Authenticator: unexpected error', where);
    }
    // A frame the background will not serve (a sandboxed document) still leaves a trace in the diagnostics log.
    const type = (message as { type?: unknown } | null)?.type;
    if (error instanceof PortalError && error.code === 'protocol/unknown-frame' && (type === 'fill.request' || type === 'fill.decided')) {
      const where = { url: sender.url ?? '', tabId: sender.tab?.id ?? -1, frameId: sender.frameId ?? 0 };
      await context.decisions.record(where, { outcome: 'refused', reason: 'unknown-frame', detail: '' }).catch(() => undefined);
    }
    return { ok: false, error: describeError(error) };
  }
}
