import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composedPages } from './composed-pages';

const FORMS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'forms');

/** A form the browser posted to the fixture server. */
export interface Submission {
  path: string;
  fields: Record<string, string>;
  /** Server time the form arrived, ms since the epoch. */
  at: number;
}

/** A running fixture server on 127.0.0.1. */
export interface FixtureServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The same server under another host name, hence another origin: `http://localhost:<port>`. */
  lookAlikeOrigin: string;
  /** Every form posted so far, oldest first. */
  submissions: Submission[];
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(req: IncomingMessage, res: ServerResponse, submissions: Submission[]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fixture.invalid');
  if (req.method === 'POST') {
    const fields = Object.fromEntries(new URLSearchParams(await readBody(req)));
    submissions.push({ path: url.pathname, fields, at: Date.now() });
    send(res, 200, '<!doctype html><title>Signed in</title><h1 id="done">Signed in</h1>');
    return;
  }
  if (url.pathname.startsWith('/forms/')) {
    // basename keeps requests inside the fixture folder.
    const name = basename(url.pathname);
    if (!name.endsWith('.html')) return send(res, 404, 'not found');
    const html = await readFile(join(FORMS_DIR, name), 'utf8').catch(() => undefined);
    return html === undefined ? send(res, 404, 'not found') : send(res, 200, html);
  }
  const page = composedPages[url.pathname];
  if (page) return send(res, 200, page(url.searchParams));
  send(res, 404, 'not found');
}

/**
 * Serves the fixture form pages (`/forms/<file>.html`) and the composed pages of `composed-pages.ts`, and
 * records every posted form, so tests can see what a submit sent. Port 0 picks a free port.
 */
export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const submissions: Submission[] = [];
  const server = createServer((req, res) => {
    handle(req, res, submissions).catch((error: Error) => send(res, 500, error.message));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    origin: `http://127.0.0.1:${actual}`,
    lookAlikeOrigin: `http://localhost:${actual}`,
    submissions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
