import type { RequestOf, RequestType, Responses } from '../../../src/messages';

/** Sends one typed protocol request to the extension's background and resolves with its answer. */
export type Requester = <T extends RequestType>(request: RequestOf<T>) => Promise<Responses[T]>;
