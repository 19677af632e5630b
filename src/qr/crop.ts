import type { RgbaImage } from './luma';

/** A rectangle in CSS pixels relative to the viewport, as from getBoundingClientRect(). */
export interface ViewportRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An integer rectangle in screenshot pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is known about the screenshot and the page when it was taken. */
export interface CropGeometry {
  /** window.devicePixelRatio in the page (already includes page zoom in Chrome and Firefox). */
  devicePixelRatio: number;
  /** Extra page zoom factor, only for a devicePixelRatio measured without zoom; used when the ratio cannot be measured. */
  zoom?: number;
  screenshotWidth: number;
  screenshotHeight: number;
  /** window.innerWidth in CSS pixels when the screenshot was taken; 0 or absent when unknown. */
  viewportWidth?: number;
}

/** Device pixels per CSS pixel in the screenshot: measured from its width when possible, so page zoom and HiDPI displays crop right. */
export function measureScreenshotScale(geometry: CropGeometry): number {
  const { screenshotWidth, viewportWidth } = geometry;
  if (viewportWidth && viewportWidth > 0 && screenshotWidth > 0) return screenshotWidth / viewportWidth;
  const dpr = geometry.devicePixelRatio > 0 ? geometry.devicePixelRatio : 1;
  const zoom = geometry.zoom && geometry.zoom > 0 ? geometry.zoom : 1;
  return dpr * zoom;
}

/** How much of an element's size a crop takes in on each side (the QR code's quiet zone). */
export const CROP_MARGIN = 0.25;

/** `rect` grown by `margin` of its size on each side, in the same (CSS pixel) units. */
export function growRect(rect: ViewportRect, margin: number): ViewportRect {
  return { x: rect.x - rect.width * margin, y: rect.y - rect.height * margin, width: rect.width * (1 + 2 * margin), height: rect.height * (1 + 2 * margin) };
}

/** Screenshot pixels to cut out for an element: its rect grown by `margin` of its size on each side (QR quiet zone), clamped to the shot; undefined when nothing of it is in the shot. */
export function cropRectForElement(
  rect: ViewportRect,
  geometry: CropGeometry,
  margin = CROP_MARGIN,
): PixelRect | undefined {
  const scale = measureScreenshotScale(geometry);
  const padX = rect.width * margin;
  const padY = rect.height * margin;
  const left = Math.max(0, Math.floor((rect.x - padX) * scale));
  const top = Math.max(0, Math.floor((rect.y - padY) * scale));
  const right = Math.min(geometry.screenshotWidth, Math.ceil((rect.x + rect.width + padX) * scale));
  const bottom = Math.min(geometry.screenshotHeight, Math.ceil((rect.y + rect.height + padY) * scale));
  if (right <= left || bottom <= top) return undefined;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Copies a rectangle out of RGBA pixels; the rectangle must lie inside the image (as cropRectForElement guarantees). */
export function cropImageData(image: RgbaImage, rect: PixelRect): RgbaImage {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const width = Math.max(0, Math.min(image.width - x, Math.floor(rect.width)));
  const height = Math.max(0, Math.min(image.height - y, Math.floor(rect.height)));
  const data = new Uint8ClampedArray(width * height * 4);
  const rowBytes = width * 4;
  for (let row = 0; row < height; row++) {
    const start = ((y + row) * image.width + x) * 4;
    data.set(image.data.subarray(start, start + rowBytes), row * rowBytes);
  }
  return { data, width, height };
}
