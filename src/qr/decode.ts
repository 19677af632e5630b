import jsQR from 'jsqr';

/** RGBA pixels as in ImageData: 4 bytes per pixel, row by row. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Decodes the first QR code found in RGBA pixels (ISO/IEC 18004) and returns its text, or undefined when there is none. */
export function decodeQrPixels(image: RgbaImage): string | undefined {
  if (image.width <= 0 || image.height <= 0) return undefined;
  if (image.data.length < image.width * image.height * 4) return undefined;
  // jsQR 1.4 writes each call's options into its shared defaults, so the option is always passed in full.
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  // Clutter has been seen to "decode" as an empty string; that is not a code.
  if (!code || code.data.length === 0) return undefined;
  return code.data;
}
