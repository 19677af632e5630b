import type { RgbaImage } from './decode';

/** Turns an image data URL (a captureVisibleTab screenshot) into RGBA pixels; works in Chrome's service worker and Firefox's background page. */
export async function loadImageDataFromDataUrl(dataUrl: string): Promise<RgbaImage> {
  const blob = await (await fetch(dataUrl)).blob();
  const bitmap = await createImageBitmap(blob);
  try {
    const { width, height } = bitmap;
    const context = createContext2d(width, height);
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, width, height);
    return { data: data.data, width, height };
  } finally {
    bitmap.close();
  }
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
  throw new Error('No 2d canvas is available to read the screenshot.');
}
