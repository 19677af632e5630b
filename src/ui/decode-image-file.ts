import { QrError } from '../errors';
import { classifyQrPayload } from '../qr/payload';
import { t } from './i18n';

/** RGBA pixels of an image file, drawn at its natural size. */
async function readPixels(file: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(file);
  try {
    const { width, height } = bitmap;
    const canvas: OffscreenCanvas | HTMLCanvasElement =
      typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!context) throw new QrError('qr/no-canvas', t('image_unreadable'));
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}

/** Decodes the QR code (ISO/IEC 18004) in an image file, e.g. a screenshot of an enrolment page; jsQR is loaded only now. */
export async function decodeImageFile(file: File): Promise<string> {
  let pixels: ImageData;
  try {
    pixels = await readPixels(file);
  } catch (error) {
    if (error instanceof QrError) throw error;
    throw new QrError('qr/bad-image', t('image_not_image', file.name));
  }
  // The same decoder the scanner uses, loaded (with jsQR) only when an image is imported.
  const { decodeQrPixels } = await import('../qr/decode');
  const found = decodeQrPixels(pixels);
  if (!found) throw new QrError('qr/not-found', t('image_no_qr', file.name));
  return found.trim();
}

/** Whether decoded QR text is a Google Authenticator export link rather than a single account. */
export function isMigrationLink(text: string): boolean {
  return classifyQrPayload(text.trim()).kind === 'otpauth-migration';
}
