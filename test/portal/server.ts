/**
 * A local imitation of the JumpCloud User Portal, for demos and end-to-end tests of the extension.
 *
 * Stable selectors (the extension's detector and e2e suites rely on them; change them only together):
 *   every page      header.topbar ("Acme Corp · User Portal"), main > h1 (page heading), #form-error (role=alert), #form-notice
 *   /admin          tr[data-email="…"], button.enable-mfa[data-email="…"], button.unlock, #add-user-form [name=email|password|flow]
 *   /outbox         article.mail, .mail-to, .mail-subject, a.mail-link (href /reset-password?token=…)
 *   /reset-password #reset-form, input#password[name=password], input#confirm[name=confirm], button#change-password
 *   /mfa/setup      img#totp-qr.qr (PNG data URL), code#totp-key (key in groups of 4), #setup-form button#continue
 *   /login          #login-form, input#email[name=email], input#password[name=password],
 *                   input#otp[name=otp][inputmode=numeric][autocomplete=off] labelled "One-Time Password", button#login
 *   /console/login  #username-form input#email[name=email], button#continue
 *   /console/password #password-form input#password[name=password], button#login
 *   /console/method #method-form button#method-totp[name=method][value=totp], button#method-push[disabled]
 *   /console/totp   form#totp-form[data-digit-form]: input.otp-digit#digit-1…#digit-6 [name=digit1…digit6][maxlength=1]
 *                   [inputmode=numeric] [aria-label="Digit N of 6"], autocomplete=one-time-code on #digit-1 only,
 *                   hidden input#otp-value[name=otp], button#verify
 *   /console/enrol  img#totp-qr, code#totp-key, form#enrol-form[data-digit-form] with the same six boxes
 *   /home, /console/home  h1 "Welcome, <email>", #signed-in-as, form#logout-form button#logout
 *
 * Clock skew (demo mode): `?skew=-47` on any address sets the portal's clock 47 s behind real time (`?skew=0` sets it
 * right); codes are checked by that clock and every response's `Date` header tells it, like a server whose clock
 * drifted. `GET /api/code-checks` lists the codes checked and whether they were accepted.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handler, RequestContext, Routes } from './context';
import { BadRequest, sendHtml, sendJson } from './http';
import { renderIndexPage, renderMessagePage } from './pages/common';
import { adminRoutes } from './routes/admin';
import { apiRoutes } from './routes/api';
import { classicRoutes } from './routes/classic';
import { consoleRoutes } from './routes/console';
import { createPortalState, MAX_SKEW_SECONDS, seedDemoUsers, type PortalState } from './state';

export type { PortalState, PortalUser, OutboxMessage, PortalFlow } from './state';

/** How to start the portal. */
export interface PortalOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Seed alice@example.com (classic, MFA off) and bob@example.com (console, MFA pending); default false. */
  seed?: boolean;
  /** Real time for the portal (its clock adds any skew), for tests that need exact time steps. */
  now?: () => number;
}

/** A running portal. */
export interface Portal {
  /** e.g. `http://127.0.0.1:8417`, no trailing slash. */
  url: string;
  origin: string;
  close(): Promise<void>;
  /** Live state: tests may read and change users, outbox and failure counts directly. */
  state: PortalState;
}

interface CompiledRoute {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

function compileRoutes(routes: Routes): CompiledRoute[] {
  return Object.entries(routes).map(([key, handler]) => {
    const [method = '', path = ''] = key.split(' ');
    const names: string[] = [];
    const source = path.replace(/:([a-z]+)/g, (_, name: string) => (names.push(name), '([^/]+)'));
    return { method, pattern: new RegExp(`^${source}$`), names, handler };
  });
}

const ROUTES = compileRoutes({
  'GET /': (ctx) => sendHtml(ctx.res, 200, renderIndexPage()),
  'GET /favicon.ico': (ctx) => void ctx.res.writeHead(204).end(),
  ...classicRoutes,
  ...consoleRoutes,
  ...adminRoutes,
  ...apiRoutes,
});

function sendError(ctx: RequestContext, status: number, message: string): void {
  if (ctx.url.pathname.startsWith('/api/')) return sendJson(ctx.res, status, { error: message });
  sendHtml(ctx.res, status, renderMessagePage(status === 404 ? 'Page not found' : 'Request refused', message, { href: '/', label: 'Back to the portal' }));
}

/** `?skew=N` (whole seconds, at most an hour either way) puts the portal's clock N seconds off real time. */
function applySkew(ctx: RequestContext): void {
  const raw = ctx.url.searchParams.get('skew');
  if (raw === null) return;
  const seconds = Number(raw);
  if (!/^-?\d+$/.test(raw) || Math.abs(seconds) > MAX_SKEW_SECONDS) {
    throw new BadRequest(`"skew" must be a whole number of seconds from -${MAX_SKEW_SECONDS} to ${MAX_SKEW_SECONDS}, e.g. ?skew=-47.`);
  }
  ctx.state.skewSeconds = seconds;
}

async function handleRequest(ctx: RequestContext): Promise<void> {
  try {
    applySkew(ctx);
  } catch (error) {
    return sendError(ctx, 400, error instanceof Error ? error.message : 'Bad request.');
  }
  // A skewed portal tells its own time on every answer, as a server whose clock drifted does.
  if (ctx.state.skewSeconds !== 0) ctx.res.setHeader('Date', new Date(ctx.state.now()).toUTCString());
  const matches = ROUTES.map((route) => ({ route, match: route.pattern.exec(ctx.url.pathname) })).filter((m) => m.match);
  // HEAD is answered as GET without the body (Node leaves it out): clocks are compared with HEAD requests.
  const method = ctx.req.method === 'HEAD' ? 'GET' : ctx.req.method;
  const hit = matches.find((m) => m.route.method === method);
  if (!hit?.match) {
    return matches.length ? sendError(ctx, 405, 'That page does not accept this kind of request.') : sendError(ctx, 404, 'There is no page at this address.');
  }
  const params = Object.fromEntries(hit.route.names.map((name, i) => [name, decodeURIComponent(hit.match?.[i + 1] ?? '')]));
  try {
    await hit.route.handler(ctx, params);
  } catch (error) {
    if (error instanceof BadRequest) return sendError(ctx, error.status, error.message);
    console.error('portal: request failed:', ctx.req.method, ctx.url.pathname, error instanceof Error ? error.message : 'unknown error');
    if (!ctx.res.headersSent) sendError(ctx, 500, 'Something went wrong on the portal. Try again.');
  }
}

/** Starts the demo portal on a local port and resolves once it is listening. */
export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  const host = options.host ?? '127.0.0.1';
  const seeded = options.seed ?? false;
  const state = createPortalState(options.now);
  if (seeded) seedDemoUsers(state);
  let base = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    void handleRequest({ req, res, url, state, seeded });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: base,
    origin: base,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
