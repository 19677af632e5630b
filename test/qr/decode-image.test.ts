import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toDataUrl } from './data-url';

const loadImage = vi.fn();
vi.mock('../../src/qr/image-data', () => ({ loadImage: (blob: Blob) => loadImage(blob) }));
const { decodeImageDataUrl } = await import('../../src/qr/decode-image');

const PNG = toDataUrl(new Uint8Array([1, 2, 3]), 'image/png');

beforeEach(() => {
  loadImage.mockReset();
});

describe('decoding an imported image in the background', () => {
  it('says the file is not an image when it cannot be decoded as one, or is no data URL', async () => {
    loadImage.mockRejectedValue(new DOMException('The source image could not be decoded.', 'InvalidStateError'));
    await expect(decodeImageDataUrl(PNG)).rejects.toMatchObject({ code: 'qr/bad-image' });
    await expect(decodeImageDataUrl('https://evil.test/x.png')).rejects.toMatchObject({ code: 'qr/bad-image' });
    expect(loadImage).toHaveBeenCalledOnce();
  });

  it('says the pixels could not be read when the decoded image cannot be drawn, and frees it', async () => {
    const close = vi.fn();
    loadImage.mockResolvedValue({ width: 10, height: 10, read: () => { throw new Error('No 2d canvas is available to read the image.'); }, close });
    await expect(decodeImageDataUrl(PNG)).rejects.toMatchObject({ code: 'qr/unreadable' });
    expect(close).toHaveBeenCalledOnce();
  });

  it('says there is no QR code when the pixels hold none', async () => {
    const close = vi.fn();
    loadImage.mockResolvedValue({ width: 4, height: 4, read: () => ({ width: 4, height: 4, data: new Uint8ClampedArray(64).fill(255) }), close });
    await expect(decodeImageDataUrl(PNG)).rejects.toMatchObject({ code: 'qr/not-found' });
    expect(close).toHaveBeenCalledOnce();
  });
});
