import { QrError } from '../errors';
import { decodeQrPixels } from './decode';
import type { RgbaImage } from './luma';
import { type Screenshot, loadImage } from './image-data';
import { MAX_IMAGE_BYTES } from './image-limits';

const badImage = () => new QrError('qr/bad-image', 'The file could not be read as an image.', { key: 'error_qr_bad_image' });

/** RGBA pixels of an image, at its natural size; says which step failed. */
async function readPixels(blob: Blob): Promise<RgbaImage> {
  let image: Screenshot;
  try {
    image = await loadImage(blob);
  } catch {
    throw badImage();
  }
  try {
    return image.read();
  } catch {
    // Decoded, but its pixels could not be had (no canvas here, or too large an image for memory).
    throw new QrError('qr/unreadable', "The image's pixels could not be read.", { key: 'error_qr_unreadable_pixels' });
  } finally {
    image.close();
  }
}

/**
 * Decodes the QR code (ISO/IEC 18004) in an image file given as a data URL, e.g. a screenshot of an enrolment page.
 * Runs in the background, where the decoder already is, so the pages do not carry a second copy of it.
 */
export async function decodeImageDataUrl(dataUrl: string): Promise<string> {
  if (typeof dataUrl !== 'string' || !dataUrl.startsWith('data:') || dataUrl.length > (MAX_IMAGE_BYTES * 4) / 3 + 100) throw badImage();
  let blob: Blob;
  try {
    blob = await (await fetch(dataUrl)).blob();
  } catch {
    throw badImage();
  }
  const found = decodeQrPixels(await readPixels(blob));
  if (!found) throw new QrError('qr/not-found', 'No QR code was found in the image.', { key: 'error_qr_not_found' });
  return found.trim();
}
