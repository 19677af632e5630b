import type { RequestOf, RequestType, Responses } from '../../messages';
import type { Handler } from '../context';

/** One request's handler and what its request does besides answering, which the router acts on. */
export interface HandlerSpec<Req, Res> {
  run: Handler<Req, Res>;
  /** A person's action, not polling: from the extension's pages it resets the auto-lock idle time. */
  activity: boolean;
  /** It can change which sites accounts are bound to: the hashed site index is rebuilt after it. */
  changesBindings: boolean;
}

/** One handler per request type; the compiler checks every request type has exactly one, and says what it does. */
export type Handlers = { [T in RequestType]: HandlerSpec<RequestOf<T>, Responses[T]> };

/** A request that only reads or polls: no activity, no change of bindings. */
export const query = <Req, Res>(run: Handler<Req, Res>): HandlerSpec<Req, Res> => ({ run, activity: false, changesBindings: false });

/** A person's action that changes no site binding. */
export const act = <Req, Res>(run: Handler<Req, Res>): HandlerSpec<Req, Res> => ({ run, activity: true, changesBindings: false });

/** A person's action that can change which sites accounts are bound to. */
export const rebind = <Req, Res>(run: Handler<Req, Res>): HandlerSpec<Req, Res> => ({ run, activity: true, changesBindings: true });
