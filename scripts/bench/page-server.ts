import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server for benchmark pages. */
export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** Serves fixed routes (path → HTML, or PNG bytes for paths ending in .png) on 127.0.0.1 at a free port. */
export async function startPageServer(routes: Record<string, string | Buffer>): Promise<PageServer> {
  const server = createServer((request, response) => {
    const body = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (body === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    const type = request.url?.endsWith('.png') ? 'image/png' : 'text/html; charset=utf-8';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
