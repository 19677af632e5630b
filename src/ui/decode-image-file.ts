import { QrError } from '../errors';
import type { RgbaImage } from '../qr/decode';
import { type Screenshot, loadImage } from '../qr/image-data';
import { classifyQrPayload } from '../qr/payload';
import { t } from './i18n';

/** RGBA pixels of an image file, at its natural size; says which step failed. */
async function readPixels(file: File): Promise<RgbaImage> {
  let image: Screenshot;
  try {
    image = await loadImage(file);
  } catch {
    throw new QrError('qr/bad-image', t('image_not_image', file.name));
  }
  try {
    return image.read();
  } catch {
    // Decoded, but its pixels could not be had (no canvas here, or too large an image for memory).
    throw new QrError('qr/unreadable', t('image_unreadable'));
  } finally {
    image.close();
  }
}

/** Decodes the QR code (ISO/IEC 18004) in an image file, e.g. a screenshot of an enrolment page; jsQR is loaded only now. */
export async function decodeImageFile(file: File): Promise<string> {
  const pixels = await readPixels(file);
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
