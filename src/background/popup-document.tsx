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

/**
 * popup.html with its opening answer in a JSON data block (which never runs as script) in place of the early
 * script that would otherwise ask for it, its styles, and its first screen already drawn, so the browser paints
 * it without waiting for any script. If drawing fails, the page goes out with the answer only and the script
 * draws it. Undefined when the template has no early script tag to replace (it then goes out as packaged).
 */
export function servedPopup(template: string, overview: VaultOverview, now: number, version: string): string | undefined {
  if (!EARLY_SCRIPT_TAG.test(template) || !template.includes(EMPTY_ROOT)) return undefined;
  let html = template.replace(
    EARLY_SCRIPT_TAG,
    () => `<script type="application/json" id="${EMBEDDED_OVERVIEW_ID}">${scriptSafeJson(overview)}</script>`,
  );
  try {
    const screen = renderToString(<PopupRoot client={drawingClient(drawingTime(overview, now), version)} overview={overview} />);
    html = html
      .replace('</head>', () => `<style id="${POPUP_STYLE_ID}">${POPUP_CSS}</style></head>`)
      .replace(EMPTY_ROOT, () => `<div id="app">${screen}</div>`);
  } catch {
    // The script draws the screen from the answer instead.
  }
  return html;
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
 * The response for the popup's navigation (see `servedPopup`). When the answer is an error, the page goes out as
 * packaged and asks by message itself, which shows the error the usual way.
 */
export async function popupDocument(source: PopupDocumentSource): Promise<Response> {
  const [template, reply] = await Promise.all([source.template(), source.overview()]);
  const html = reply.ok ? servedPopup(template, reply.value, source.now(), source.version) : undefined;
  return new Response(html ?? template, { headers: POPUP_HEADERS });
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
