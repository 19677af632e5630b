import { describe, expect, it } from 'vitest';
import { decodeQrPixels } from '../../src/qr/decode';
import { lumaToRgba, readLumaImage, toLumaImage } from '../../src/qr/luma';
import { FIXTURE_OTPAUTH, FIXTURE_URL } from '../fixtures/qr/payloads';
import { renderQrRgba } from '../fixtures/qr/render';

describe('toLumaImage / lumaToRgba', () => {
  it('weights red, green and blue as BT.709 luminance, one byte per pixel', () => {
    const data = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 0]);
    const luma = toLumaImage({ width: 2, height: 2, data });
    expect([...luma.luma]).toEqual([54, 182, 18, 19]);
    expect(luma).toMatchObject({ width: 2, height: 2 });
  });

  it('expands back to opaque grey RGBA', () => {
    const rgba = lumaToRgba({ width: 2, height: 1, luma: new Uint8Array([7, 200]) });
    expect([...rgba.data]).toEqual([7, 7, 7, 255, 200, 200, 200, 255]);
  });

  it.each([{ inverted: false }, { inverted: true }])('keeps a code decodable through the round trip (inverted=$inverted)', ({ inverted }) => {
    const image = renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 2, inverted });
    expect(decodeQrPixels(lumaToRgba(toLumaImage(image)))).toBe(FIXTURE_OTPAUTH);
  });
});

describe('readLumaImage', () => {
  const luma = toLumaImage(renderQrRgba(FIXTURE_URL, { moduleSize: 3 }));

  it('accepts the typed array Firefox clones and the bare ArrayBuffer Chrome hands back', () => {
    expect(readLumaImage(luma)?.luma).toEqual(luma.luma);
    const fromBuffer = readLumaImage({ width: luma.width, height: luma.height, luma: luma.luma.slice().buffer });
    expect(decodeQrPixels(lumaToRgba(fromBuffer!))).toBe(FIXTURE_URL);
  });

  it.each([
    ['null', null],
    ['a string', 'pixels'],
    ['a plain number array', { width: 1, height: 1, luma: [0] }],
    ['too few bytes', { width: 4, height: 4, luma: new Uint8Array(15) }],
    ['a fractional size', { width: 1.5, height: 2, luma: new Uint8Array(3) }],
    ['a zero size', { width: 0, height: 0, luma: new Uint8Array(0) }],
  ])('refuses %s', (_, value) => {
    expect(readLumaImage(value)).toBeUndefined();
  });
});
