import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves fixed routes (HTML pages, PNG images) on 127.0.0.1 at a free port. */
export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}

/** Starts a server whose routes map a path to a body; the content type follows the path's ending. */
export async function startFixtureServer(routes: Record<string, string | Buffer | (() => string | Buffer)>): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const route = routes[path];
    if (route === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    const body = typeof route === 'function' ? route() : route;
    const type = path.endsWith('.png') ? 'image/png' : 'text/html; charset=utf-8';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
