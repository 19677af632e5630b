import type { QrCandidate } from './candidates';
import type { RgbaImage } from './luma';

/** Pixels read from an element, or the reason the page would not give them (then a screenshot crop is needed). */
export type ElementPixels = { status: 'pixels'; image: RgbaImage } | { status: 'needs-crop'; reason: string };

// Thin modules blur when an image is drawn smaller than this; integer upscaling keeps them sharp.
const MIN_SIDE = 300;
// The pixels travel to the background: 1200 px still gives every module of the densest code six pixels.
const MAX_SIDE = 1200;
const LOAD_TIMEOUT_MS = 3000;
const SVG_STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'fill-opacity', 'stroke-opacity', 'opacity', 'display', 'visibility'];

/** Reads a candidate's pixels at natural resolution inside the page; cross-origin and tainted sources come back as needs-crop. */
export async function readElementPixels(candidate: QrCandidate): Promise<ElementPixels> {
  const doc = candidate.element.ownerDocument;
  try {
    switch (candidate.kind) {
      case 'img':
        return await readImage(doc, candidate.element as HTMLImageElement, candidate);
      case 'canvas':
        return drawToPixels(doc, candidate.element as HTMLCanvasElement, candidate.element as HTMLCanvasElement);
      case 'svg':
        return await readSvg(doc, candidate.element as SVGSVGElement, candidate);
      case 'background':
        if (!candidate.imageUrl) return needsCrop('background image without an address');
        if (!candidate.readable) {
          // The crop only shows the code once the page has it: a background still loading would crop as a blank box.
          await loadImage(doc, candidate.imageUrl).catch(() => undefined);
          return needsCrop('background image from another site');
        }
        return await readImage(doc, await loadImage(doc, candidate.imageUrl), candidate);
    }
  } catch (error) {
    return needsCrop(isSecurityError(error) ? 'tainted by another site' : 'could not be drawn');
  }
}

async function readImage(doc: Document, img: HTMLImageElement, candidate: QrCandidate): Promise<ElementPixels> {
  if (!img.complete) await waitForLoad(img);
  const width = img.naturalWidth || Math.round(candidate.rect.width * 2);
  const height = img.naturalHeight || Math.round(candidate.rect.height * 2);
  if (width === 0 || height === 0) return needsCrop('image has no pixels');
  return drawToPixels(doc, img, { width, height });
}

async function readSvg(doc: Document, svg: SVGSVGElement, candidate: QrCandidate): Promise<ElementPixels> {
  // At least twice the CSS size so one-pixel modules survive rasterising.
  const width = Math.max(Math.round(candidate.rect.width * 2), MIN_SIDE);
  const height = Math.max(Math.round(candidate.rect.height * 2), MIN_SIDE);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (!clone.hasAttribute('viewBox') && candidate.rect.width > 0) {
    clone.setAttribute('viewBox', `0 0 ${candidate.rect.width} ${candidate.rect.height}`);
  }
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const background = doc.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of [['x', '-50%'], ['y', '-50%'], ['width', '200%'], ['height', '200%'], ['fill', '#fff']]) {
    background.setAttribute(name as string, value as string);
  }
  clone.insertBefore(background, clone.firstChild);
  const xml = new XMLSerializer().serializeToString(clone);
  const img = await loadImage(doc, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`);
  return drawToPixels(doc, img, { width, height });
}

// Page CSS does not travel with a serialised svg, so the colours that make the modules are written onto the copy.
function inlineComputedStyles(source: SVGSVGElement, clone: SVGSVGElement): void {
  const view = source.ownerDocument.defaultView;
  if (!view) return;
  const originals = source.querySelectorAll('*');
  const copies = clone.querySelectorAll('*');
  const count = Math.min(originals.length, copies.length, 20_000);
  for (let i = 0; i < count; i++) {
    const style = view.getComputedStyle(originals[i] as Element);
    const copy = copies[i] as SVGElement;
    for (const property of SVG_STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value) copy.style.setProperty(property, value);
    }
  }
}

function drawToPixels(
  doc: Document,
  source: CanvasImageSource,
  size: { width: number; height: number },
): ElementPixels {
  const factor = Math.max(1, Math.min(4, Math.ceil(MIN_SIDE / Math.max(1, Math.min(size.width, size.height)))));
  const shrink = Math.min(1, MAX_SIDE / Math.max(size.width * factor, size.height * factor));
  const width = Math.max(1, Math.round(size.width * factor * shrink));
  const height = Math.max(1, Math.round(size.height * factor * shrink));
  const canvas = doc.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return needsCrop('no 2d canvas available');
  // Transparent pixels read as black; a white backing keeps dark modules on a light ground.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = false;
  context.drawImage(source, 0, 0, width, height);
  const data = context.getImageData(0, 0, width, height);
  return { status: 'pixels', image: { data: data.data, width, height } };
}

async function loadImage(doc: Document, url: string): Promise<HTMLImageElement> {
  const img = doc.createElement('img');
  img.src = url;
  await waitForLoad(img);
  return img;
}

function waitForLoad(img: HTMLImageElement): Promise<void> {
  if (img.complete && img.naturalWidth > 0) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('image load timed out')), LOAD_TIMEOUT_MS);
  });
  // decode() settles for images already loaded or broken too, where a load event would never come.
  return Promise.race([img.decode(), timeout]).finally(() => clearTimeout(timer));
}

function needsCrop(reason: string): ElementPixels {
  return { status: 'needs-crop', reason };
}

function isSecurityError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: string }).name === 'SecurityError';
}
