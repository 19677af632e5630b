import type { ViewportRect } from './crop';
import { measureElementBox, type MeasureElement } from './measure';

/** How a candidate draws its pixels, which decides how they are read. */
export type QrCandidateKind = 'img' | 'canvas' | 'svg' | 'background';

/** An element that may show a QR code. */
export interface QrCandidate {
  element: Element;
  kind: QrCandidateKind;
  /** Viewport CSS pixels at the time of the search. */
  rect: ViewportRect;
  /** True when the pixels can be read in the page (same-origin or data: image, untainted canvas, inline svg). */
  readable: boolean;
  /** For `background`: the image URL, resolved against the document. */
  imageUrl?: string;
  /** Higher is more likely to be the enrolment code. */
  score: number;
}

/** Options for findQrCandidates. */
export interface FindQrCandidatesOptions {
  measure?: MeasureElement;
  /** Decides whether a canvas can be read; the default probes for a tainted canvas. */
  isCanvasReadable?: (canvas: HTMLCanvasElement) => boolean;
  /** Origin of the page, to tell same-origin images apart; defaults to the document's. */
  pageOrigin?: string;
  /** Viewport size in CSS pixels, to prefer what is on screen. */
  viewport?: { width: number; height: number };
}

const MIN_SIZE = 64;
const MAX_SIZE = 1200;
const NEARBY_WORDING = /\b(scan|qr|authenticator|two[- ]?factor|multi[- ]?factor|2fa|mfa|totp|otp|set ?up|enrol|enroll)/i;

/** Finds visible, roughly square img, canvas, inline svg and CSS-background elements of 64–1200 CSS px, open shadow roots included, most likely first. */
export function findQrCandidates(root: ParentNode = document, options: FindQrCandidatesOptions = {}): QrCandidate[] {
  const measure = options.measure ?? measureElementBox;
  const isCanvasReadable = options.isCanvasReadable ?? probeCanvasReadable;
  const ownerDocument = (root as Node).ownerDocument ?? (root as Document);
  const pageOrigin = options.pageOrigin ?? safeOrigin(ownerDocument.URL);
  const baseUrl = ownerDocument.baseURI;
  const viewport = options.viewport ?? readViewport(ownerDocument);
  const found: QrCandidate[] = [];
  for (const element of walkElements(root)) {
    const tag = element.tagName.toLowerCase();
    let kind: QrCandidateKind | undefined;
    let imageUrl: string | undefined;
    if (tag === 'img') kind = 'img';
    else if (tag === 'canvas') kind = 'canvas';
    else if (tag === 'svg') {
      if (element.parentElement?.closest('svg')) continue;
      kind = 'svg';
    } else {
      imageUrl = readBackgroundUrl(element, baseUrl);
      if (imageUrl) kind = 'background';
    }
    if (!kind) continue;
    const { rect, visible } = measure(element);
    if (!visible || !isQrShaped(rect)) continue;
    const readable = isReadable(kind, element, imageUrl, pageOrigin, baseUrl, isCanvasReadable);
    const score = scoreCandidate(element, rect, viewport);
    found.push({ element, kind, rect, readable, ...(imageUrl ? { imageUrl } : {}), score });
  }
  return found.sort((a, b) => b.score - a.score);
}

function isQrShaped(rect: ViewportRect): boolean {
  const { width, height } = rect;
  if (width < MIN_SIZE || height < MIN_SIZE || width > MAX_SIZE || height > MAX_SIZE) return false;
  const aspect = width / height;
  return aspect >= 0.8 && aspect <= 1.25;
}

/** Yields every element under root, descending into open shadow roots (closed ones are only reachable by screenshot). */
function* walkElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    const shadow = (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) yield* walkElements(shadow);
  }
}

function readBackgroundUrl(element: Element, baseUrl: string): string | undefined {
  const view = element.ownerDocument.defaultView;
  const value = view?.getComputedStyle(element).backgroundImage ?? '';
  const match = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/.exec(value);
  const raw = match?.[1] ?? match?.[2] ?? match?.[3];
  if (!raw) return undefined;
  try {
    return new URL(raw, baseUrl).href;
  } catch {
    return undefined;
  }
}

function isReadable(
  kind: QrCandidateKind,
  element: Element,
  imageUrl: string | undefined,
  pageOrigin: string,
  baseUrl: string,
  isCanvasReadable: (canvas: HTMLCanvasElement) => boolean,
): boolean {
  if (kind === 'svg') return true;
  if (kind === 'canvas') return isCanvasReadable(element as HTMLCanvasElement);
  if (kind === 'background') return isSameOriginUrl(imageUrl ?? '', pageOrigin, baseUrl);
  const img = element as HTMLImageElement;
  const src = img.currentSrc || img.getAttribute('src') || '';
  // A CORS-mode image that loaded at all does not taint a canvas.
  return isSameOriginUrl(src, pageOrigin, baseUrl) || img.getAttribute('crossorigin') !== null;
}

/** data: and blob: images never taint a canvas; http(s) ones only when they come from the page's own origin. */
export function isSameOriginUrl(url: string, pageOrigin: string, baseUrl: string): boolean {
  if (/^(data|blob):/i.test(url.trim())) return true;
  if (!url) return false;
  return safeOrigin(url, baseUrl) === pageOrigin && pageOrigin !== 'null';
}

function safeOrigin(url: string, base?: string): string {
  try {
    return new URL(url, base).origin;
  } catch {
    return 'null';
  }
}

// Drawing a tainted canvas onto a 1x1 one taints it too, so reading that single pixel is a side-effect-free probe.
function probeCanvasReadable(canvas: HTMLCanvasElement): boolean {
  try {
    const probe = canvas.ownerDocument.createElement('canvas');
    probe.width = 1;
    probe.height = 1;
    const context = probe.getContext('2d');
    if (!context) return false;
    context.drawImage(canvas, 0, 0, 1, 1);
    context.getImageData(0, 0, 1, 1);
    return true;
  } catch {
    return false;
  }
}

function readViewport(doc: Document): { width: number; height: number } {
  const view = doc.defaultView;
  return { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
}

function scoreCandidate(element: Element, rect: ViewportRect, viewport: { width: number; height: number }): number {
  // Enrolment codes are usually shown at 150–400 px; smaller ones are often icons, larger ones banners.
  const side = Math.min(rect.width, rect.height);
  let score = side >= 120 && side <= 500 ? 30 : side >= 90 ? 15 : 5;
  score += 10 * (1 - Math.abs(1 - rect.width / rect.height) * 4);
  if (viewport.width > 0 && viewport.height > 0) {
    const onScreen = rect.x < viewport.width && rect.y < viewport.height && rect.x + rect.width > 0 && rect.y + rect.height > 0;
    score += onScreen ? 20 : 0;
  }
  if (NEARBY_WORDING.test(describeElement(element))) score += 25;
  if (NEARBY_WORDING.test(readNearbyText(element))) score += 20;
  return score;
}

function describeElement(element: Element): string {
  const src = element.getAttribute('src') ?? '';
  const names = ['alt', 'title', 'aria-label', 'id', 'class', 'data-testid'].map((name) => element.getAttribute(name) ?? '');
  // A data: URL is base64 noise that could spell "qr" by chance.
  return [...names, src.startsWith('data:') ? '' : src.slice(0, 200)].join(' ');
}

// The nearest ancestor with a sentence of text, at most four levels up and never the whole body: the card around
// the code, not the page.
function readNearbyText(element: Element): string {
  let text = '';
  let node: Element | null = element.parentElement;
  for (let depth = 0; node && depth < 4; depth++) {
    if (node.tagName === 'BODY' || node.tagName === 'HTML') break;
    const content = node.textContent ?? '';
    if (content.length > 2000) break;
    text = content;
    if (content.trim().length >= 40) break;
    node = node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host ?? null);
  }
  return text;
}
