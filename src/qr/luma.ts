/** RGBA pixels as in ImageData: 4 bytes per pixel, row by row. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** One luminance byte per pixel, row by row: a quarter of the RGBA bytes, all a QR decoder looks at. */
export interface LumaImage {
  width: number;
  height: number;
  luma: Uint8Array;
}

/**
 * The luminance of the RGBA pixel at byte offset `i`, with the weights jsQR binarises with (ITU-R BT.709), so every
 * grey copy made before decoding holds the values the decoder would compute itself.
 */
export function lumaAt(data: ArrayLike<number>, i: number): number {
  return 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
}

/** Reduces RGBA pixels to luminance (`lumaAt`), a quarter of the bytes to carry and keep. */
export function toLumaImage(image: RgbaImage): LumaImage {
  const { width, height, data } = image;
  // A clamped array rounds exactly as jsQR's own greyscale matrix does.
  const grey = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) grey[i] = lumaAt(data, j);
  return { width, height, luma: new Uint8Array(grey.buffer) };
}

/** Expands luminance back to opaque grey RGBA pixels for decodeQrPixels. */
export function lumaToRgba(image: LumaImage): RgbaImage {
  const { width, height, luma } = image;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < luma.length; i++, j += 4) {
    data[j] = data[j + 1] = data[j + 2] = luma[i]!;
    data[j + 3] = 255;
  }
  return { width, height, data };
}

/**
 * Accepts a LumaImage that crossed executeScript: Firefox structured-clones the typed array, Chrome hands back a bare
 * ArrayBuffer. Anything malformed (wrong length, odd types) is undefined, as it cannot hold a readable code.
 */
export function readLumaImage(value: unknown): LumaImage | undefined {
  const v = value as { width?: unknown; height?: unknown; luma?: unknown } | null;
  if (typeof v !== 'object' || v === null) return undefined;
  const { width, height, luma } = v;
  if (typeof width !== 'number' || typeof height !== 'number' || !Number.isInteger(width) || !Number.isInteger(height)) return undefined;
  if (width <= 0 || height <= 0) return undefined;
  const bytes = toBytes(luma);
  if (!bytes || bytes.length !== width * height) return undefined;
  return { width, height, luma: bytes };
}

function toBytes(value: unknown): Uint8Array | undefined {
  // Tags rather than instanceof: the array may come from another realm.
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object ArrayBuffer]') return new Uint8Array(value as ArrayBuffer);
  if (tag === '[object Uint8Array]' || tag === '[object Uint8ClampedArray]') {
    const view = value as Uint8Array;
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }
  return undefined;
}
