// DEMO-ONLY TEST ENDPOINTS. A real portal has nothing like this: they exist so tests can set up users and
// read state without clicking through the admin pages. Responses carry an `X-Demo-Only` header.
import type { RequestContext, Routes } from '../context';
import { BadRequest, readJson, sendJson } from '../http';
import { buildOtpauthUri } from '../qr';
import { addUser, clearPortalState, describeUser, normalizeEmail, seedDemoUsers, unlockUser, type PortalUser } from '../state';

function requireUser(ctx: RequestContext, email: string | undefined): PortalUser | undefined {
  const user = ctx.state.users.get(normalizeEmail(email ?? ''));
  if (!user) sendJson(ctx.res, 404, { error: `No user ${email}. Create one with POST /api/users {"email":"…"}.` });
  return user;
}

function optional<T>(body: Record<string, unknown>, key: string, type: 'string' | 'boolean'): T | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw new BadRequest(`"${key}" must be a ${type}.`);
  return value as T;
}

/** JSON endpoints for test setup and inspection. */
export const apiRoutes: Routes = {
  /** Empties the portal; reseeds alice and bob when the portal was started with the demo seed or `{"seed":true}`. */
  'POST /api/reset': async (ctx) => {
    const seed = optional<boolean>(await readJson(ctx.req), 'seed', 'boolean') ?? ctx.seeded;
    clearPortalState(ctx.state);
    if (seed) seedDemoUsers(ctx.state);
    sendJson(ctx.res, 200, { ok: true, users: [...ctx.state.users.keys()] });
  },

  /** Creates (or replaces) a user: `{email, password?, mfa?, flow?: 'classic'|'console', enrolled?}`. */
  'POST /api/users': async (ctx) => {
    const body = await readJson(ctx.req);
    const email = optional<string>(body, 'email', 'string');
    if (!email || !/^[^@\s]+@[^@\s]+$/.test(email.trim())) throw new BadRequest('"email" must be an address such as carol@example.com.');
    const flow = optional<string>(body, 'flow', 'string') ?? 'classic';
    if (flow !== 'classic' && flow !== 'console') throw new BadRequest('"flow" must be "classic" or "console".');
    const mfa = optional<boolean>(body, 'mfa', 'boolean') ?? false;
    const user = addUser(ctx.state, { email, password: optional<string>(body, 'password', 'string') ?? null, mfa, flow });
    if (mfa && optional<boolean>(body, 'enrolled', 'boolean')) user.enrolled = true;
    sendJson(ctx.res, 201, describeUser(user));
  },

  'GET /api/outbox': (ctx) => sendJson(ctx.res, 200, ctx.state.outbox),

  /** The codes the portal checked, in order: `[{email, ok, at}]` (`at` is the portal's own, possibly skewed, clock). */
  'GET /api/code-checks': (ctx) => sendJson(ctx.res, 200, ctx.state.codeChecks),

  'GET /api/users/:email': (ctx, params) => {
    const user = requireUser(ctx, params.email);
    if (user) sendJson(ctx.res, 200, describeUser(user));
  },

  /** The only endpoint that reveals a secret, for tests that play the authenticator app. */
  'GET /api/users/:email/secret': (ctx, params) => {
    const user = requireUser(ctx, params.email);
    if (!user) return;
    if (!user.totpSecret) return sendJson(ctx.res, 409, { error: 'MFA is not enabled for this user, so there is no secret yet.' });
    sendJson(ctx.res, 200, { secret: user.totpSecret, uri: buildOtpauthUri(user.email, user.totpSecret) });
  },

  'POST /api/users/:email/unlock': (ctx, params) => {
    const user = requireUser(ctx, params.email);
    if (!user) return;
    unlockUser(user);
    sendJson(ctx.res, 200, describeUser(user));
  },
};
