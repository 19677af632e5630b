import { PORTAL_CSS } from './css';
import { DIGIT_SCRIPT, DIGIT_SCRIPT_HASH } from './digit-script';
import { html, SafeHtml } from './html';

/** What a page template hands to the shared layout. */
export interface PageContent {
  /** The page heading, also used in the document title. */
  title: string;
  body: SafeHtml;
  /** Wider card, for tables. */
  wide?: boolean;
  /** Include the six-digit-box behaviour script. */
  digitScript?: boolean;
}

/** A full portal document: header with the Acme mark, one card with the heading and the body. */
export function renderPage({ title, body, wide, digitScript }: PageContent): string {
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Acme Corp User Portal</title>
<style>${new SafeHtml(PORTAL_CSS)}</style>
</head>
<body>
<header class="topbar"><span class="mark" aria-hidden="true">A</span><span class="brand">Acme Corp<span class="sep">·</span>User Portal</span></header>
<main class="${wide ? 'wide' : ''}">
<h1>${title}</h1>
${body}
</main>
${digitScript ? html`<script>${new SafeHtml(DIGIT_SCRIPT)}</script>` : ''}
</body>
</html>`;
  return doc.value;
}

/** Strict policy: only our inline style, data-URL images and the hashed digit script; forms post to this origin only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "img-src 'self' data:",
  "style-src 'unsafe-inline'",
  `script-src ${DIGIT_SCRIPT_HASH}`,
  "form-action 'self'",
  "base-uri 'none'",
].join('; ');
