import { renderToString } from 'preact-render-to-string';
import type { Reply, VaultOverview } from '../messages';
import type { UiClient } from '../ui/client';
import { EMBEDDED_OVERVIEW_ID, drawingTime } from '../ui/first-screen';
import { POPUP_CSS, POPUP_STYLE_ID, PopupRoot } from '../ui/popup/popup-root';

/** The early script tag of the packaged popup.html, which a page served with its answer no longer needs. */
const EARLY_SCRIPT_TAG = /<script\b[^>]*\bsrc="\/popup-ask\.js"[^>]*><\/script>/;
const EMPTY_ROOT = '<div id="app"></div>';

/**
 * Headers of a served popup: never cached (it holds codes), never framed, and scripts from the package only. The
 * browser applies the extension's own default policy to its pages anyway; this says the same for the page the
 * worker builds, so it holds even where a browser would not.
 */
const POPUP_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

/** Whether a request the service worker sees is the browser opening our popup (the toolbar popup or a tab). */
export function isPopupNavigation(request: { url: string; mode: string }, extensionBaseUrl: string): boolean {
  return request.mode === 'navigate' && request.url.split(/[?#]/, 1)[0] === `${extensionBaseUrl}popup.html`;
}

/** JSON that can stand inside a script element: `<`, `>` and `&` escaped, so no account name can end the element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/**
 * The client the first screen is drawn with: drawing only reads the time and the version; anything else (which
 * only runs once the page has taken over) is refused.
 */
function drawingClient(now: number, version: string): UiClient {
  const refuse = () => Promise.reject(new Error('Not available while the popup is being served.'));
  return { request: refuse, activeTab: refuse, openOptions: refuse, copyText: refuse, now: () => now, version: () => version };
}

/** The packaged popup.html split around its empty root, its early script dropped and its styles added. */
export interface PopupTemplate {
  before: string;
  after: string;
}

/**
 * Prepares the packaged page for serving: the early script that would ask for the opening answer goes (the answer
 * comes with the page), the styles go into the head, and the page is cut where the drawn screen goes. Undefined
 * when the page is not the one expected (it then goes out as packaged).
 */
export function splitPopupTemplate(template: string): PopupTemplate | undefined {
  if (!EARLY_SCRIPT_TAG.test(template)) return undefined;
  const html = template
    .replace(EARLY_SCRIPT_TAG, '')
    .replace('</head>', () => `<style id="${POPUP_STYLE_ID}">${POPUP_CSS}</style></head>`);
  const at = html.indexOf(EMPTY_ROOT);
  if (at < 0) return undefined;
  return { before: html.slice(0, at), after: html.slice(at + EMPTY_ROOT.length) };
}

/**
 * The popup's root with its first screen already drawn, followed by the answer it was drawn from as a JSON data
 * block (which never runs as script), so the browser paints the screen without waiting for any script. If drawing
 * fails the root is empty and the page's script draws it from the answer; without an answer (the background could
 * not give one) the script asks for it and shows what went wrong.
 */
export function drawnRoot(overview: VaultOverview | undefined, now: number, version: string): string {
  if (!overview) return EMPTY_ROOT;
  let screen = '';
  try {
    screen = renderToString(<PopupRoot client={drawingClient(drawingTime(overview, now), version)} overview={overview} />);
  } catch {
    // The script draws the screen from the answer instead.
  }
  return `<div id="app">${screen}</div><script type="application/json" id="${EMBEDDED_OVERVIEW_ID}">${scriptSafeJson(overview)}</script>`;
}

/** What serving the popup needs from the worker. */
export interface PopupDocumentSource {
  /** The packaged popup.html's text. */
  template(): Promise<string>;
  /** The opening answer, as the popup would be given it by message. */
  overview(): Promise<Reply<'vault.overview'>>;
  now(): number;
  version: string;
}

/**
 * The response for the popup's navigation. The page's head goes out at once, so the browser sets the page up while
 * the worker reads the vault; the drawn screen follows (see drawnRoot).
 */
export async function popupDocument(source: PopupDocumentSource): Promise<Response> {
  const overview = source.overview().catch(() => undefined);
  const template = await source.template();
  const parts = splitPopupTemplate(template);
  if (!parts) return new Response(template, { headers: POPUP_HEADERS });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(parts.before));
      const reply = await overview;
      controller.enqueue(encoder.encode(drawnRoot(reply?.ok ? reply.value : undefined, source.now(), source.version) + parts.after));
      controller.close();
    },
  });
  return new Response(body, { headers: POPUP_HEADERS });
}

/** `read`, remembered once it succeeds (a packaged file cannot change while the worker lives); failures retry. */
export function rememberSuccess<T>(read: () => Promise<T>): () => Promise<T> {
  let remembered: Promise<T> | undefined;
  return () => {
    const current = (remembered ??= read());
    current.catch(() => {
      if (remembered === current) remembered = undefined;
    });
    return current;
  };
}
