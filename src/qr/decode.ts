import jsQR, { type QRCode } from 'jsqr';
import { lumaAt, type RgbaImage } from './luma';

/** Images at least this many pixels on their shorter side are tried at half size first. */
const HALF_SIZE_FROM_PX = 200;

/**
 * Decodes the first QR code found in RGBA pixels (ISO/IEC 18004) and returns its text, or undefined when there is none.
 *
 * A code shown large enough decodes from a half-size copy at a quarter of the cost (the decoder's time grows with
 * the pixel count), so large images are tried that way first, dark on light only; the full-size image, both ways
 * round (light-on-dark codes too), is the fallback and the only try for small images.
 */
export function decodeQrPixels(image: RgbaImage): string | undefined {
  if (image.width <= 0 || image.height <= 0) return undefined;
  if (image.data.length < image.width * image.height * 4) return undefined;
  if (Math.min(image.width, image.height) >= HALF_SIZE_FROM_PX) {
    const fast = scan(halfSize(image), 'dontInvert');
    if (fast !== undefined) return fast;
  }
  return scan(image, 'attemptBoth');
}

function scan(image: RgbaImage, inversionAttempts: 'dontInvert' | 'attemptBoth'): string | undefined {
  // jsQR 1.4 writes each call's options into its shared defaults, so the option is always passed in full.
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts });
  // Clutter has been seen to "decode" as an empty string; that is not a code.
  if (!code) return undefined;
  const text = textOf(code);
  return text.length === 0 ? undefined : text;
}

/**
 * The code's text. Kanji-mode segments are read from their Shift JIS bytes with the platform's decoder: the build
 * leaves jsQR's own table out (scripts/build/jsqr-without-kanji-table.ts), and with it jsQR's text of them.
 */
function textOf(code: Pick<QRCode, 'data' | 'chunks'>): string {
  if (!code.chunks.some((chunk) => chunk.type === 'kanji')) return code.data;
  const shiftJis = new TextDecoder('shift_jis');
  return code.chunks
    .map((chunk) => {
      if (chunk.type === 'kanji' && 'bytes' in chunk) return shiftJis.decode(new Uint8Array(chunk.bytes));
      return 'text' in chunk ? chunk.text : '';
    })
    .join('');
}

/** A grey copy at half the width and height, each pixel the mean luminance of the 2×2 block it replaces. */
export function halfSize(image: RgbaImage): RgbaImage {
  const width = image.width >> 1;
  const height = image.height >> 1;
  const { data } = image;
  const rowBytes = image.width * 4;
  const out = new Uint8ClampedArray(width * height * 4);
  const luma = (i: number) => lumaAt(data, i);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 2 * y * rowBytes + 8 * x;
      const v = (luma(i) + luma(i + 4) + luma(i + rowBytes) + luma(i + rowBytes + 4)) / 4;
      const o = (y * width + x) * 4;
      out[o] = out[o + 1] = out[o + 2] = v;
      out[o + 3] = 255;
    }
  }
  return { data: out, width, height };
}
