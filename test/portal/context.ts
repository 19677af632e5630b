import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCookie, redirect, SESSION_COOKIE, sessionCookie } from './http';
import { createToken, type PortalSession, type PortalState, type PortalUser, type SessionStage } from './state';

/** One request as the route handlers see it. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  state: PortalState;
  /** Whether `/api/reset` reseeds the demo users. */
  seeded: boolean;
}

/** A route handler; `params` holds `:name` segments of the route path. */
export type Handler = (ctx: RequestContext, params: Record<string, string>) => void | Promise<void>;

/** Route table keyed by `"METHOD /path/:param"`. */
export type Routes = Record<string, Handler>;

/** The session behind the request's cookie, with its user, if it is at the given stage. */
export function findSession(
  ctx: RequestContext,
  stage: SessionStage,
): { id: string; session: PortalSession; user: PortalUser | undefined } | undefined {
  const id = readCookie(ctx.req, SESSION_COOKIE);
  const session = id === undefined ? undefined : ctx.state.sessions.get(id);
  if (id === undefined || session === undefined || session.stage !== stage) return undefined;
  return { id, session, user: ctx.state.users.get(session.email) };
}

/**
 * Moves the browser to the next login stage under a fresh session id (the old one is dropped), so an id
 * seen before authentication is never the one that ends up signed in.
 */
export function moveSession(ctx: RequestContext, email: string, stage: SessionStage, location: string): void {
  dropSession(ctx);
  const id = createToken();
  ctx.state.sessions.set(id, { email, stage });
  redirect(ctx.res, location, sessionCookie(id));
}

/** Forgets the request's session, if any. */
export function dropSession(ctx: RequestContext): void {
  const id = readCookie(ctx.req, SESSION_COOKIE);
  if (id !== undefined) ctx.state.sessions.delete(id);
}

/** Logs out and sends the browser to a login page. */
export function endSession(ctx: RequestContext, location: string): void {
  dropSession(ctx);
  redirect(ctx.res, location, sessionCookie(''));
}
