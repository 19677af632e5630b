import { findQrCandidates, type FindQrCandidatesOptions, type QrCandidate } from './candidates';
import { SCROLL_TO_UNREADABLE_KEY, type PageRemeasure, type PageScanResult } from './page-scan-result';
import { toLumaImage } from './luma';
import { measureElementBox } from './measure';
import { readElementPixels } from './read-element';
import { CROP_MARGIN, growRect, type ViewportRect } from './crop';
import { isPaintedOnTop } from './painted-on-top';
import type { Translatable } from '../translatable';

// Beyond this many QR-shaped elements the rest are avatars and logos.
const MAX_CANDIDATES = 12;
// Each image sent to the background is up to 1.4 MB; a page full of square pictures must not flood it.
const MAX_IMAGES = 6;
const TIME_BUDGET_MS = 2500;
// Frames are drawn within this in a visible tab, even on a busy machine; a hidden tab draws none.
const PAINT_TIMEOUT_MS = 500;
// How long an image still loading is waited for before its crop is taken anyway.
const IMAGE_LOAD_TIMEOUT_MS = 2000;

/** Finds QR-shaped elements in a document, reads the pixels of those the page lets us read and reports the rects of the others. */
export async function scanPage(
  doc: Document = document,
  options: FindQrCandidatesOptions & {
    now?: () => number;
    /** Whether a crop of the element would show it and nothing else (replaceable where there is no layout). */
    paintedOnTop?: (element: Element, rect: ViewportRect, area: ViewportRect) => boolean;
  } = {},
): Promise<PageScanResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const view = doc.defaultView;
  const stash = globalThis as Record<string, unknown>;
  delete stash[SCROLL_TO_UNREADABLE_KEY];
  const candidates = findQrCandidates(doc, options).slice(0, MAX_CANDIDATES);
  const pixels: NonNullable<PageScanResult['pixels']> = [];
  const unreadable: Array<{ candidate: QrCandidate; reason: string }> = [];
  const notes: Translatable[] = [];
  let skipped = 0;
  for (const candidate of candidates) {
    if (now() - started > TIME_BUDGET_MS) {
      notes.push({ key: 'scan_note_stopped_early' });
      break;
    }
    if (!candidate.readable && (pixels.length >= MAX_IMAGES || (candidate.kind !== 'img' && candidate.kind !== 'canvas'))) {
      unreadable.push({ candidate, reason: 'image from another site' });
      continue;
    }
    if (pixels.length >= MAX_IMAGES) {
      skipped++;
      continue;
    }
    // Cross-origin images are still tried: CORS-enabled servers let them be read.
    const read = await readElementPixels(candidate);
    if (read.status === 'needs-crop') {
      unreadable.push({ candidate, reason: read.reason });
      continue;
    }
    pixels.push({ image: toLumaImage(read.image), elementKind: candidate.kind });
  }
  if (skipped > 0) notes.push({ plural: 'scan_note_more_images', count: skipped });
  // Only the background knows whether the readable pixels held a code; when they did not, it asks for the scroll below.
  if (unreadable.length > 0 && pixels.length === 0) scrollIntoViewIfOffscreen(unreadable[0]!.candidate, view);
  const measureUnreadable = async (): Promise<PageRemeasure> => {
    // Whatever was scrolled or loaded for the crops must be on screen before the background takes the screenshot:
    // an image still loading (a cross-origin code the page has only just added) would be cropped blank.
    if (unreadable.length > 0) {
      await Promise.all(unreadable.map(({ candidate }) => whenImageReady(candidate.element)));
      await waitForPaint(view);
    }
    const measure = options.measure ?? measureElementBox;
    const onTop = options.paintedOnTop ?? isPaintedOnTop;
    const needsCrop: PageScanResult['needsCrop'] = [];
    let covered = 0;
    for (const { candidate, reason } of unreadable) {
      // Measured again: the page may have scrolled or laid out since the search.
      const rect = measure(candidate.element).rect;
      if (onTop(candidate.element, rect, growRect(rect, CROP_MARGIN))) needsCrop.push({ rect, elementKind: candidate.kind, reason });
      else covered++;
    }
    if (covered > 0) notes.push({ plural: 'scan_note_covered_images', count: covered });
    return {
      needsCrop,
      viewport: {
        devicePixelRatio: view?.devicePixelRatio ?? 1,
        innerWidth: view?.innerWidth ?? 0,
        innerHeight: view?.innerHeight ?? 0,
        scrollX: view?.scrollX ?? 0,
        scrollY: view?.scrollY ?? 0,
      },
    };
  };
  if (unreadable.length > 0 && pixels.length > 0) {
    stash[SCROLL_TO_UNREADABLE_KEY] = async (): Promise<PageRemeasure> => {
      delete stash[SCROLL_TO_UNREADABLE_KEY];
      scrollIntoViewIfOffscreen(unreadable[0]!.candidate, view);
      return measureUnreadable();
    };
  }
  return {
    pixels,
    ...(await measureUnreadable()),
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

/** Resolves once an image element has loaded and decoded (or failed, or the wait is over); other elements at once. */
function whenImageReady(element: Element): Promise<void> {
  const image = element as HTMLImageElement;
  // A loaded image scrolled into view may still be decoded later, off the main thread, and drawn blank until then:
  // decode() settles once it can be painted.
  if (element.tagName !== 'IMG') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, IMAGE_LOAD_TIMEOUT_MS);
    image.decode().then(
      () => resolve(),
      () => resolve(),
    ).finally(() => clearTimeout(timer));
  });
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
