import { decodeQrPixels } from '../../src/qr/decode';
import { FIXTURE_OTPAUTH } from '../../test/fixtures/qr/payloads';
import { blankImage, pasteImage, renderQrRgba } from '../../test/fixtures/qr/render';
import { type Figure, round, timeMedian } from './measure';

/** Reference: the extension's decode (half-size try, then jsQR at full size) alone, in Node, on an element-sized image and on a whole 1920×1080 screenshot. */
export async function benchQrDecodeNode(): Promise<Figure[]> {
  const element = renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 6 });
  const screenshot = blankImage(1920, 1080);
  pasteImage(screenshot, element, 820, 390);
  const figures: Figure[] = [];
  for (const [label, image, runs] of [['element', element, 20], ['screenshot', screenshot, 5]] as const) {
    if (decodeQrPixels(image) !== FIXTURE_OTPAUTH) throw new Error(`QR decode bench: the ${label} image did not decode`);
    const ms = await timeMedian(runs, () => decodeQrPixels(image));
    figures.push({ group: 'qr', name: `decodeQrPixels in Node, ${image.width}×${image.height} ${label} (reference)`, value: round(ms), unit: 'ms' });
  }
  return figures;
}
