import { describe, expect, it } from 'vitest';
import { cropImageData, cropRectForElement, measureScreenshotScale } from '../../src/qr/crop';
import { decodeQrPixels } from '../../src/qr/decode';
import { FIXTURE_OTPAUTH } from '../fixtures/qr/payloads';
import { blankImage, pasteImage, renderQrRgba } from '../fixtures/qr/render';

const rect = { x: 100, y: 50, width: 200, height: 200 };

describe('cropRectForElement', () => {
  it.each([
    ['1x display', { devicePixelRatio: 1, screenshotWidth: 1280, screenshotHeight: 720, viewportWidth: 1280 }, { x: 50, y: 0, width: 300, height: 300 }],
    ['2x display', { devicePixelRatio: 2, screenshotWidth: 2560, screenshotHeight: 1440, viewportWidth: 1280 }, { x: 100, y: 0, width: 600, height: 600 }],
    // 125 % zoom on a 1x display: 1024 CSS px wide viewport in a 1280 px shot.
    ['125 % zoom', { devicePixelRatio: 1.25, screenshotWidth: 1280, screenshotHeight: 720, viewportWidth: 1024 }, { x: 62, y: 0, width: 376, height: 375 }],
    // The measured ratio wins over a stale devicePixelRatio.
    ['ratio from widths', { devicePixelRatio: 1, screenshotWidth: 2560, screenshotHeight: 1440, viewportWidth: 1280 }, { x: 100, y: 0, width: 600, height: 600 }],
    ['no viewport width: dpr × zoom', { devicePixelRatio: 2, zoom: 1.5, screenshotWidth: 4000, screenshotHeight: 4000 }, { x: 150, y: 0, width: 900, height: 900 }],
  ] as const)('%s', (_, geometry, expected) => {
    expect(cropRectForElement(rect, geometry)).toEqual(expected);
  });

  it('clamps at the right and bottom edges', () => {
    const geometry = { devicePixelRatio: 1, screenshotWidth: 800, screenshotHeight: 600, viewportWidth: 800 };
    expect(cropRectForElement({ x: 700, y: 500, width: 200, height: 200 }, geometry)).toEqual({ x: 650, y: 450, width: 150, height: 150 });
  });

  it('uses the margin asked for', () => {
    const geometry = { devicePixelRatio: 1, screenshotWidth: 1000, screenshotHeight: 1000, viewportWidth: 1000 };
    expect(cropRectForElement({ x: 100, y: 100, width: 100, height: 100 }, geometry, 0)).toEqual({ x: 100, y: 100, width: 100, height: 100 });
    expect(cropRectForElement({ x: 100, y: 100, width: 100, height: 100 }, geometry, 0.5)).toEqual({ x: 50, y: 50, width: 200, height: 200 });
  });

  it('is undefined for an element outside the shot (scrolled away)', () => {
    const geometry = { devicePixelRatio: 1, screenshotWidth: 800, screenshotHeight: 600, viewportWidth: 800 };
    expect(cropRectForElement({ x: 10, y: 2000, width: 200, height: 200 }, geometry)).toBeUndefined();
    expect(cropRectForElement({ x: -500, y: 10, width: 200, height: 200 }, geometry)).toBeUndefined();
  });

  it('measures the scale from the screenshot width', () => {
    expect(measureScreenshotScale({ devicePixelRatio: 1, screenshotWidth: 1500, screenshotHeight: 1, viewportWidth: 1000 })).toBe(1.5);
    expect(measureScreenshotScale({ devicePixelRatio: 0, screenshotWidth: 1500, screenshotHeight: 1 })).toBe(1);
  });
});

describe('cropImageData', () => {
  it('copies the right pixels', () => {
    const image = { data: new Uint8ClampedArray(4 * 4 * 4).map((_, i) => i), width: 4, height: 4 };
    const crop = cropImageData(image, { x: 1, y: 2, width: 2, height: 1 });
    expect(crop.width).toBe(2);
    expect(crop.height).toBe(1);
    expect([...crop.data]).toEqual([36, 37, 38, 39, 40, 41, 42, 43]);
  });

  it('cuts a decodable code out of a 2x screenshot', () => {
    const shot = blankImage(1600, 1000);
    // Element at CSS (300, 200), 164 CSS px; drawn at 2 device px per CSS px.
    const qr = renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 8 });
    pasteImage(shot, qr, 600, 400);
    const pixelRect = cropRectForElement(
      { x: 300, y: 200, width: qr.width / 2, height: qr.height / 2 },
      { devicePixelRatio: 2, screenshotWidth: 1600, screenshotHeight: 1000, viewportWidth: 800 },
    );
    expect(pixelRect).toBeDefined();
    expect(decodeQrPixels(cropImageData(shot, pixelRect!))).toBe(FIXTURE_OTPAUTH);
  });
});
