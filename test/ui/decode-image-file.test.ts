// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from './helpers';

const loadImage = vi.fn();
vi.mock('../../src/qr/image-data', () => ({ loadImage: (blob: Blob) => loadImage(blob) }));
const { decodeImageFile } = await import('../../src/ui/decode-image-file');

const file = () => new File([new Uint8Array([1, 2, 3])], 'enrolment.png', { type: 'image/png' });

beforeEach(() => {
  useEnglishMessages();
  loadImage.mockReset();
});

describe('reading an imported image file', () => {
  it('says the file is not an image when it cannot be decoded as one', async () => {
    loadImage.mockRejectedValue(new DOMException('The source image could not be decoded.', 'InvalidStateError'));
    await expect(decodeImageFile(file())).rejects.toMatchObject({ code: 'qr/bad-image', userMessage: expect.stringContaining('“enrolment.png” could not be read as an image') });
  });

  it('says the pixels could not be read when the decoded image cannot be drawn, and frees it', async () => {
    const close = vi.fn();
    loadImage.mockResolvedValue({ width: 10, height: 10, read: () => { throw new Error('No 2d canvas is available to read the image.'); }, close });
    await expect(decodeImageFile(file())).rejects.toMatchObject({ code: 'qr/unreadable', userMessage: expect.stringContaining("could not read the image's pixels") });
    expect(close).toHaveBeenCalledOnce();
  });

  it('says there is no QR code when the pixels hold none', async () => {
    const close = vi.fn();
    loadImage.mockResolvedValue({ width: 4, height: 4, read: () => ({ width: 4, height: 4, data: new Uint8ClampedArray(64).fill(255) }), close });
    await expect(decodeImageFile(file())).rejects.toMatchObject({ code: 'qr/not-found' });
    expect(close).toHaveBeenCalledOnce();
  });
});
