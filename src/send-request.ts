import { PortalError } from './errors';
import type { Reply, RequestOf, RequestType, Responses } from './messages';

/** Raised in the sender when the background refused or failed a request; carries the background's message. */
export class RequestFailed extends PortalError {}

/** The one browser call a sender needs: the content script passes the browser's own API, the pages the polyfill's. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/** A typed request function over `runtime`: it unwraps the background's reply, throwing `RequestFailed` on an error reply. */
export function createRequestSender(runtime: MessageRuntime) {
  return async <T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]> =>
    unwrapReply((await runtime.sendMessage(request)) as Reply<T> | undefined);
}

/** The value of a background reply, or `RequestFailed` for an error reply or none at all. */
export function unwrapReply<T extends RequestType>(reply: Reply<T> | undefined): Responses[T] {
  if (!reply) throw new RequestFailed('protocol/no-answer', 'Portal Authenticator did not answer. Reload the page and try again.', { key: 'error_no_answer' });
  if (!reply.ok) throw new RequestFailed(reply.error.code, reply.error.message, reply.error.text);
  return reply.value;
}
