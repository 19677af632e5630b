import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from './layout/page';

/** Largest request body accepted; the portal's forms are tiny. */
const MAX_BODY_BYTES = 64 * 1024;

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'acme_portal_session';

/** A request body the portal cannot read; answered with 400 or 413. */
export class BadRequest extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

/** Reads the whole body as text, refusing anything over 64 KiB. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('Request body too large.', 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a urlencoded form post into single string values (the last one wins). */
export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await readBody(req)));
}

/** Parses a JSON object body. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new BadRequest('Expected a JSON object body, e.g. {"email":"alice@example.com"}.');
}

/** Sends a rendered page with the portal's security headers. */
export function sendHtml(res: ServerResponse, status: number, page: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(page);
}

/** Sends JSON, marked as coming from a demo-only test endpoint. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Demo-Only': 'test endpoint, not part of the portal',
  });
  res.end(JSON.stringify(body));
}

/** 303 See Other, so a browser follows a form post with a GET. */
export function redirect(res: ServerResponse, location: string, cookie?: string): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', ...(cookie ? { 'Set-Cookie': cookie } : {}) });
  res.end();
}

/** Reads one cookie value from the request. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** A Set-Cookie value for the session; an empty id clears it. */
export function sessionCookie(id: string): string {
  const expiry = id === '' ? '; Max-Age=0' : '';
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${expiry}`;
}
