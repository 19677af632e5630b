import type { Page } from 'puppeteer-core';
import type { ExtensionSession } from '../../src/testing';
import { FIXTURE_OTPAUTH } from '../../test/fixtures/qr/payloads';
import { qrPngBytes, qrPngDataUrl } from '../../test/fixtures/qr/render';
import { type Figure, median, round } from './measure';
import { startPageServer } from './page-server';

const RUNS = 7;
// The first scans after the extension starts run the decoder's loops before the engine has optimised them (the
// very first one is reported on its own); the timed runs follow these.
const WARM_UP = 3;
// Chrome allows two tab captures a second; runs that take a screenshot are spaced out (outside the timing).
const CAPTURE_GAP_MS = 600;

// Neutral wording, so the always-on content script does not offer (and scan) by itself.
function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Team portal</title>
<style>body{font-family:sans-serif;margin:24px}</style></head><body><h1>Welcome to the team</h1><p>Your badge is below.</p>${body}</body></html>`;
}

function routes(imageUrl: string, dataUrl: string): Record<string, string | Buffer> {
  const img = (src: string) => `<img alt="badge" width="300" height="300" src="${src}">`;
  return {
    '/qr.png': qrPngBytes(FIXTURE_OTPAUTH, { moduleSize: 6 }),
    '/element': page(img(dataUrl)),
    '/crop': page(img(imageUrl)),
    // A closed shadow root hides the image from the page scan: only the whole screenshot can find it.
    '/screenshot': page(`<div id="host"></div><script>document.getElementById('host').attachShadow({ mode: 'closed' }).innerHTML = ${JSON.stringify(img(dataUrl))};</script>`),
  };
}

/** Times `qr.scanTab` from an extension page (no test-side round trip) and checks the account was found. */
async function timeScan(requester: Page, tabId: number): Promise<number> {
  const { ms, reply } = (await requester.evaluate(`(async () => {
    const start = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'qr.scanTab', tabId: ${tabId} });
    return { ms: performance.now() - start, reply };
  })()`)) as { ms: number; reply: { ok: boolean; value?: { accounts: unknown[] } } };
  if (!reply.ok || reply.value?.accounts.length !== 1) throw new Error(`QR route bench: scan did not find the code (${JSON.stringify(reply)})`);
  return ms;
}

const ROUTES = [
  { path: '/element', label: 'element route (same-origin data-URL image)', target: '≤ 25 ms', captures: false },
  { path: '/crop', label: 'crop route (cross-origin image → screenshot crop)', target: '≤ 100 ms', captures: true },
  { path: '/screenshot', label: 'whole-screenshot route (image in a closed shadow root)', target: undefined, captures: true },
];

/** QR find-and-decode per route on a 1920×1080 page with the real extension: element, screenshot crop, whole screenshot. */
export async function benchQrRoutes(session: ExtensionSession): Promise<Figure[]> {
  const served: Record<string, string | Buffer> = {};
  const server = await startPageServer(served);
  // The image is served to the page's origin (127.0.0.1) from another origin (localhost), so its pixels are off limits.
  Object.assign(served, routes(`http://localhost:${server.port}/qr.png`, qrPngDataUrl(FIXTURE_OTPAUTH, { moduleSize: 6 })));
  const requester = await session.openExtensionPage('popup.html');
  const target = await session.browser.newPage();
  try {
    await target.setViewport({ width: 1920, height: 1080 });
    await target.goto(`${server.origin}/element`);
    const tabId = (await requester.evaluate(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => (t.url || '').startsWith(${JSON.stringify(server.origin)}))?.id)`)) as number;
    const figures: Figure[] = [];
    for (const route of ROUTES) {
      await target.goto(server.origin + route.path, { waitUntil: 'load' });
      // captureVisibleTab shows the tab in front.
      await target.bringToFront();
      const times: number[] = [];
      for (let i = 0; i < WARM_UP + RUNS; i++) {
        if (route.captures) await new Promise((resolve) => setTimeout(resolve, CAPTURE_GAP_MS));
        times.push(await timeScan(requester, tabId));
      }
      if (route === ROUTES[0]) {
        figures.push({ group: 'qr', name: `qr.scanTab, the first scan after the extension starts (${route.path.slice(1)} route)`, value: round(times[0]!), unit: 'ms' });
      }
      const timed = times.slice(WARM_UP);
      figures.push({ group: 'qr', name: `qr.scanTab at 1920×1080, ${route.label}`, value: round(median(timed)), unit: 'ms', ...(route.target ? { target: route.target } : {}) });
    }
    return figures;
  } finally {
    await target.close();
    await requester.close();
    await server.close();
  }
}
