import { findQrCandidates, type FindQrCandidatesOptions, type QrCandidate } from './candidates';
import { decodeQrPixels } from './decode';
import type { PageScanResult } from './page-scan-result';
import { measureElementBox } from './measure';
import { readElementPixels } from './read-element';

// Beyond this many QR-shaped elements the rest are avatars and logos; each decode costs 10–25 ms.
const MAX_CANDIDATES = 12;
const TIME_BUDGET_MS = 2500;
const PAINT_TIMEOUT_MS = 200;

/** Finds QR-shaped elements in a document, decodes those the page lets us read and reports the rects of the others. */
export async function scanPage(
  doc: Document = document,
  options: FindQrCandidatesOptions & { now?: () => number } = {},
): Promise<PageScanResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const view = doc.defaultView;
  const candidates = findQrCandidates(doc, options).slice(0, MAX_CANDIDATES);
  const decoded: PageScanResult['decoded'] = [];
  const unreadable: Array<{ candidate: QrCandidate; reason: string }> = [];
  const notes: string[] = [];
  for (const candidate of candidates) {
    if (now() - started > TIME_BUDGET_MS) {
      notes.push('Stopped early: the page has many images.');
      break;
    }
    if (!candidate.readable && candidate.kind !== 'img' && candidate.kind !== 'canvas') {
      unreadable.push({ candidate, reason: 'image from another site' });
      continue;
    }
    // Cross-origin images are still tried: CORS-enabled servers let them be read.
    const pixels = await readElementPixels(candidate);
    if (pixels.status === 'needs-crop') {
      unreadable.push({ candidate, reason: pixels.reason });
      continue;
    }
    const payload = decodeQrPixels(pixels.image);
    if (payload !== undefined && !decoded.some((d) => d.payload === payload)) {
      decoded.push({ payload, elementKind: candidate.kind });
    }
  }
  if (unreadable.length > 0 && decoded.length === 0) scrollIntoViewIfOffscreen(unreadable[0]!.candidate, view);
  // Whatever was scrolled or loaded for the crops must be on screen before the background takes the screenshot.
  if (unreadable.length > 0) await waitForPaint(view);
  const measure = options.measure ?? measureElementBox;
  const needsCrop = unreadable.map(({ candidate, reason }) => ({
    // Measured again: the page may have scrolled or laid out since the search.
    rect: measure(candidate.element).rect,
    elementKind: candidate.kind,
    reason,
  }));
  return {
    decoded,
    needsCrop,
    viewport: {
      devicePixelRatio: view?.devicePixelRatio ?? 1,
      innerWidth: view?.innerWidth ?? 0,
      innerHeight: view?.innerHeight ?? 0,
      scrollX: view?.scrollX ?? 0,
      scrollY: view?.scrollY ?? 0,
    },
    candidateCount: candidates.length,
    notes,
  };
}

// A screenshot only shows the viewport, so an unreadable code below the fold is brought into view first.
function scrollIntoViewIfOffscreen(candidate: QrCandidate, view: Window | null): void {
  if (!view) return;
  const { rect } = measureElementBox(candidate.element);
  const inside = rect.y >= 0 && rect.x >= 0 && rect.y + rect.height <= view.innerHeight && rect.x + rect.width <= view.innerWidth;
  if (!inside) candidate.element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
}

// A scroll or a loaded image is applied at once but painted later: a screenshot taken before the next frames shows the old state.
// Two frames make sure one has been drawn after the change; the timer covers tabs that draw no frames at all.
function waitForPaint(view: Window | null): Promise<void> {
  return new Promise((resolve) => {
    if (!view) return resolve();
    const timer = setTimeout(resolve, PAINT_TIMEOUT_MS);
    view.requestAnimationFrame(() => view.requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    }));
  });
}
