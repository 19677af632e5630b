// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeImageFile } from '../../src/ui/decode-image-file';
import { RequestFailed } from '../../src/send-request';
import { useEnglishMessages } from './helpers';

const file = (size = 3) => new File([new Uint8Array(size)], 'enrolment.png', { type: 'image/png' });

beforeEach(() => {
  useEnglishMessages();
});

describe('reading an imported image file in a page', () => {
  it('sends the file as a data URL and answers with the text the background decoded', async () => {
    const request = vi.fn(async () => ({ text: 'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP' }));
    await expect(decodeImageFile(file(), request)).resolves.toBe('otpauth://totp/A?secret=JBSWY3DPEHPK3PXP');
    expect(request).toHaveBeenCalledWith({ type: 'qr.decodeImage', dataUrl: 'data:image/png;base64,AAAA' });
  });

  it.each([
    ['qr/bad-image', '“enrolment.png” could not be read as an image'],
    ['qr/unreadable', "could not read the image's pixels"],
    ['qr/not-found', 'No QR code was found in “enrolment.png”'],
  ])('names the file and the step when the background answers %s', async (code, words) => {
    const request = vi.fn(async () => {
      throw new RequestFailed(code, 'English fallback', { key: 'error_unexpected' });
    });
    await expect(decodeImageFile(file(), request)).rejects.toMatchObject({ code, userMessage: expect.stringContaining(words) });
  });

  it('refuses a file too large to be a screenshot without sending it', async () => {
    const request = vi.fn();
    const huge = { name: 'enrolment.png', size: 17 * 1024 * 1024 } as File;
    await expect(decodeImageFile(huge, request)).rejects.toMatchObject({ code: 'qr/bad-image' });
    expect(request).not.toHaveBeenCalled();
  });
});
