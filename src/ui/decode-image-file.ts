import { QrError } from '../errors';
import type { RequestOf, Responses } from '../messages';
import { MAX_IMAGE_BYTES } from '../qr/image-limits';
import { classifyQrPayload } from '../qr/payload';
import { RequestFailed } from '../send-request';

type DecodeRequest = (request: RequestOf<'qr.decodeImage'>) => Promise<Responses['qr.decodeImage']>;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/**
 * Decodes the QR code in an image file, e.g. a screenshot of an enrolment page: the background decodes it (the
 * decoder lives there only) and answers with the code's text. Errors name the file and the step that failed.
 */
export async function decodeImageFile(file: File, request: DecodeRequest): Promise<string> {
  const notImage = () =>
    new QrError('qr/bad-image', `“${file.name}” could not be read as an image. Choose a PNG, JPEG, GIF or WebP file.`, { key: 'image_not_image', subs: [file.name] });
  if (file.size > MAX_IMAGE_BYTES) throw notImage();
  let dataUrl: string;
  try {
    dataUrl = await readAsDataUrl(file);
  } catch {
    throw notImage();
  }
  try {
    return (await request({ type: 'qr.decodeImage', dataUrl })).text;
  } catch (error) {
    // The background's words are about "the image"; the page names the file the person chose.
    const code = error instanceof RequestFailed ? error.code : '';
    if (code === 'qr/not-found') {
      throw new QrError(code, `No QR code was found in “${file.name}”. Use a sharper screenshot in which the whole code is visible.`, { key: 'image_no_qr', subs: [file.name] });
    }
    if (code === 'qr/unreadable') {
      throw new QrError(code, "This browser could not read the image's pixels. A smaller screenshot of just the QR code may work.", { key: 'image_unreadable' });
    }
    if (code === 'qr/bad-image') throw notImage();
    throw error;
  }
}

/** Whether decoded QR text is a Google Authenticator export link rather than a single account. */
export function isMigrationLink(text: string): boolean {
  return classifyQrPayload(text.trim()).kind === 'otpauth-migration';
}
