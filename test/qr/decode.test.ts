import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { decodeQrPixels, halfSize } from '../../src/qr/decode';
import { FIXTURE_OTPAUTH, FIXTURE_OTPAUTH_LONG, FIXTURE_URL } from '../fixtures/qr/payloads';
import { blankImage, createQrMatrix, pasteImage, renderQrRgba } from '../fixtures/qr/render';

describe('decodeQrPixels', () => {
  it.each([
    { moduleSize: 1, inverted: false },
    { moduleSize: 2, inverted: false },
    { moduleSize: 5, inverted: false },
    { moduleSize: 2, inverted: true },
    { moduleSize: 5, inverted: true },
  ])('reads an otpauth URI at $moduleSize px per module, inverted=$inverted', ({ moduleSize, inverted }) => {
    expect(decodeQrPixels(renderQrRgba(FIXTURE_OTPAUTH, { moduleSize, inverted }))).toBe(FIXTURE_OTPAUTH);
  });

  it('reads Kanji-mode segments from their Shift JIS bytes (the extension ships jsQR without its own table)', () => {
    const issuer = '東京銀行';
    const segments = [
      { data: Buffer.from('otpauth://totp/'), mode: 'byte' as const },
      { data: issuer, mode: 'kanji' as const },
      { data: Buffer.from(':alice?secret=JBSWY3DPEHPK3PXP'), mode: 'byte' as const },
    ];
    // The symbol really holds a Kanji segment: jsQR reports it as one.
    const image = renderQrRgba(segments, { moduleSize: 3 });
    const raw = jsQR(image.data, image.width, image.height);
    expect(raw?.chunks.map((chunk) => chunk.type)).toEqual(['byte', 'kanji', 'byte']);
    // This is the jsQR the extension ships (vitest.config.ts applies the same plugin): its own text lacks the issuer.
    expect(raw?.data).not.toContain(issuer);
    expect(decodeQrPixels(image)).toBe(`otpauth://totp/${issuer}:alice?secret=JBSWY3DPEHPK3PXP`);
  });

  it('reads a version-7 symbol', () => {
    expect(createQrMatrix(FIXTURE_OTPAUTH_LONG).version).toBe(7);
    const image = renderQrRgba(FIXTURE_OTPAUTH_LONG, { moduleSize: 3 });
    expect(decodeQrPixels(image)).toBe(FIXTURE_OTPAUTH_LONG);
  });

  it('keeps finding inverted codes after a normal one (jsQR 1.4 mutates its default options)', () => {
    expect(decodeQrPixels(renderQrRgba(FIXTURE_URL, { moduleSize: 3 }))).toBe(FIXTURE_URL);
    expect(decodeQrPixels(renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 3, inverted: true }))).toBe(FIXTURE_OTPAUTH);
    expect(decodeQrPixels(renderQrRgba(FIXTURE_URL, { moduleSize: 3, inverted: true }))).toBe(FIXTURE_URL);
  });

  it('finds a small code inside a larger image', () => {
    const shot = blankImage(640, 400);
    pasteImage(shot, renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 3 }), 300, 120);
    expect(decodeQrPixels(shot)).toBe(FIXTURE_OTPAUTH);
  });

  it('still reads a code with mild noise, as from a lossy screenshot', () => {
    const image = renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 4 });
    let seed = 7;
    for (let i = 0; i < image.data.length; i++) {
      if (i % 4 === 3) continue;
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      image.data[i] = image.data[i]! + ((seed % 61) - 30);
    }
    expect(decodeQrPixels(image)).toBe(FIXTURE_OTPAUTH);
  });

  it.each([
    { what: 'large modules (read from the half-size copy)', moduleSize: 6, inverted: false },
    { what: 'large modules, light on dark (half-size copy misses, full size reads)', moduleSize: 6, inverted: true },
    { what: 'one-pixel modules in a large image (too fine for half size)', moduleSize: 1, inverted: false },
  ])('reads a code in an image over 200 px with $what', ({ moduleSize, inverted }) => {
    const code = renderQrRgba(FIXTURE_OTPAUTH_LONG, { moduleSize, inverted });
    const image = blankImage(Math.max(260, code.width + 20), Math.max(260, code.height + 20), inverted ? 0 : 240);
    pasteImage(image, code, 10, 10);
    expect(decodeQrPixels(image)).toBe(FIXTURE_OTPAUTH_LONG);
  });

  it('halves an image to grey pixels, each the mean luminance of its 2×2 block', () => {
    const data = new Uint8ClampedArray(4 * 2 * 4);
    // Row 0: white, black, red, red; row 1: white, black, red, red.
    const pixels = [[255, 255, 255], [0, 0, 0], [255, 0, 0], [255, 0, 0]];
    for (let y = 0; y < 2; y++) for (let x = 0; x < 4; x++) data.set([...pixels[x]!, 255], (y * 4 + x) * 4);
    const half = halfSize({ data, width: 4, height: 2 });
    expect([half.width, half.height]).toEqual([2, 1]);
    // (255 + 255 + 0 + 0) / 4 and (54 × 4) / 4, to within the rounding of the weights.
    expect([...half.data].map((v, i) => (i % 4 === 3 ? v : Math.round(v / 2)))).toEqual([64, 64, 64, 255, 27, 27, 27, 255]);
  });

  it('returns undefined for an image without a code, an empty image and short data', () => {
    expect(decodeQrPixels(blankImage(200, 200))).toBeUndefined();
    expect(decodeQrPixels({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toBeUndefined();
    expect(decodeQrPixels({ data: new Uint8ClampedArray(16), width: 10, height: 10 })).toBeUndefined();
  });

  it('does not read a code whose finder patterns are wiped out', () => {
    const image = renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 4 });
    // Blank the top-left quarter, where a finder pattern sits.
    for (let y = 0; y < image.height / 2; y++) image.data.fill(255, y * image.width * 4, (y * image.width + image.width / 2) * 4);
    expect(decodeQrPixels(image)).toBeUndefined();
  });
});
