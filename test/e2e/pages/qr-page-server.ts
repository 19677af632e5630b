import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';

/** A local web page showing one QR code image, like a portal's enrolment step. */
export interface QrPageServer {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Serves `/` (a page with `<img src="/qr.png">`) and the PNG of `text` on 127.0.0.1 at a free port. */
export async function startQrPageServer(text: string): Promise<QrPageServer> {
  const png = await QRCode.toBuffer(text, { type: 'png', margin: 4, width: 240 });
  const server = createServer((request, response) => {
    if (request.url === '/qr.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(png);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<!doctype html><title>Set up two-step verification</title><h1>Scan this code with your authenticator</h1>' +
        '<img id="qr" src="/qr.png" alt="QR code" width="240" height="240">',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser keeps idle keep-alive sockets open; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}
