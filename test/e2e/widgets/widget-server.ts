import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import type { VerifyReport } from './pages/report';

/** A running widget page server on 127.0.0.1. */
export interface WidgetServer {
  origin: string;
  /** Every Verify report received, oldest first, with the server time it arrived. */
  reports: Array<VerifyReport & { at: number }>;
  close(): Promise<void>;
}

const shell = (name: string, css: boolean) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>` +
  (css ? `<link rel="stylesheet" href="/${name}.css">` : '') +
  `</head><body><div id="app"></div><script type="module" src="/${name}.js"></script></body></html>`;

async function handle(req: IncomingMessage, res: ServerResponse, dir: string, reports: WidgetServer['reports']): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://widgets.invalid');
  if (req.method === 'POST' && url.pathname === '/verify') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    reports.push({ ...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as VerifyReport), at: Date.now() });
    res.writeHead(204).end();
    return;
  }
  // basename keeps requests inside the bundle folder.
  const name = basename(url.pathname);
  const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : undefined;
  if (type) {
    const body = await readFile(join(dir, name)).catch(() => undefined);
    res.writeHead(body ? 200 : 404, { 'content-type': type }).end(body ?? 'not found');
    return;
  }
  const js = await readFile(join(dir, `${name}.js`)).catch(() => undefined);
  if (!js) return void res.writeHead(404).end('not found');
  const css = await readFile(join(dir, `${name}.css`)).then(() => true, () => false);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(shell(name, css));
}

/** Serves each bundled widget page at `/<name>` and records what its Verify handler posts to `/verify`. */
export async function startWidgetServer(dir: string): Promise<WidgetServer> {
  const reports: WidgetServer['reports'] = [];
  const server = createServer((req, res) => {
    handle(req, res, dir, reports).catch((error: Error) => res.writeHead(500).end(error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reports,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
