import { cropImageData, type PixelRect } from './crop';
import type { RgbaImage } from './luma';

/** A decoded screenshot whose pixels are copied out only where they are needed. */
export interface Screenshot {
  width: number;
  height: number;
  /** RGBA pixels of `rect` (inside the image, as cropRectForElement guarantees), or of the whole image. */
  read(rect?: PixelRect): RgbaImage;
  /** Frees the decoded image. */
  close(): void;
}

/**
 * Decodes an image (a screenshot, an imported image file); works in Chrome's service worker, Firefox's background
 * page and the extension's pages. Reading a crop copies only its pixels: a whole 1920×1080 shot is 8 MB, a QR crop
 * a few hundred KB.
 */
export async function loadImage(blob: Blob): Promise<Screenshot> {
  const bitmap = await createImageBitmap(blob);
  const { width, height } = bitmap;
  return {
    width,
    height,
    read(rect = { x: 0, y: 0, width, height }) {
      const context = createContext2d(rect.width, rect.height);
      context.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
      return { data: context.getImageData(0, 0, rect.width, rect.height).data, width: rect.width, height: rect.height };
    },
    close: () => bitmap.close(),
  };
}

/** Decodes an image data URL (a captureVisibleTab screenshot); see loadImage. */
export async function loadScreenshot(dataUrl: string): Promise<Screenshot> {
  return loadImage(await (await fetch(dataUrl)).blob());
}

/** A Screenshot over pixels already in memory. */
export function screenshotFromPixels(image: RgbaImage): Screenshot {
  return { width: image.width, height: image.height, read: (rect) => (rect ? cropImageData(image, rect) : image), close: () => undefined };
}

function createContext2d(width: number, height: number): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D {
  if (typeof OffscreenCanvas === 'function') {
    const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (context) return context;
  }
  // Older Firefox background pages have a DOM but no OffscreenCanvas.
  if (typeof document === 'object') {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context) return context;
  }
  throw new Error('No 2d canvas is available to read the image.');
}
