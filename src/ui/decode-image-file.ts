import { QrError } from '../errors';
import type { RequestOf, Responses } from '../messages';
import { MAX_IMAGE_BYTES } from '../qr/image-limits';
import { classifyQrPayload } from '../qr/payload';
import { RequestFailed } from '../send-request';
import { t } from './i18n';

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
  if (file.size > MAX_IMAGE_BYTES) throw new QrError('qr/bad-image', t('image_not_image', file.name));
  let dataUrl: string;
  try {
    dataUrl = await readAsDataUrl(file);
  } catch {
    throw new QrError('qr/bad-image', t('image_not_image', file.name));
  }
  try {
    return (await request({ type: 'qr.decodeImage', dataUrl })).text;
  } catch (error) {
    const code = error instanceof RequestFailed ? error.code : '';
    if (code === 'qr/not-found') throw new QrError(code, t('image_no_qr', file.name));
    if (code === 'qr/unreadable') throw new QrError(code, t('image_unreadable'));
    if (code === 'qr/bad-image') throw new QrError(code, t('image_not_image', file.name));
    throw error;
  }
}

/** Whether decoded QR text is a Google Authenticator export link rather than a single account. */
export function isMigrationLink(text: string): boolean {
  return classifyQrPayload(text.trim()).kind === 'otpauth-migration';
}
