import { QrError } from '../errors';
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
  const { default: jsQR } = await import('jsqr');
  // jsQR 1.4 keeps each call's options as its new defaults, so the option is always passed in full.
  const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
  // Clutter can "decode" as an empty string; that is not a code.
  if (!found || !found.data) throw new QrError('qr/not-found', t('image_no_qr', file.name));
  return found.data.trim();
}

/** Whether decoded QR text is a Google Authenticator export link rather than a single account. */
export function isMigrationLink(text: string): boolean {
  return /^otpauth-migration:\/\//i.test(text.trim());
}
