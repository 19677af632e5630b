import type { RequestOf, RequestType, Responses } from '../../messages';
import type { Handler } from '../context';

/** One handler per request type; the compiler checks every request type has exactly one. */
export type Handlers = { [T in RequestType]: Handler<RequestOf<T>, Responses[T]> };
