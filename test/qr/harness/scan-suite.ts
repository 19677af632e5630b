import * as pages from '../../fixtures/qr/pages';
import { FIXTURE_MIGRATION_BATCH, FIXTURE_OTPAUTH, FIXTURE_URL } from '../../fixtures/qr/payloads';
import type { ScanResult } from '../../../src/qr/scan-tab';

/** One end-to-end case: a page and what scanTab must report for it. */
export interface ScanCase {
  name: string;
  html: (imageOrigin: string) => string;
  expected: ScanResult['found'];
  deviceScaleFactor?: number;
  /** Firefox lets a content script whose extension holds host permission for the image's origin read it directly. */
  firefoxSource?: 'element';
}

const IMAGE_PATH = '/qr.png';
const AVATAR_SVG = '<svg width="120" height="120" viewBox="0 0 120 120"><circle cx="60" cy="60" r="50" fill="#36c"/><circle cx="60" cy="48" r="18" fill="#fff"/></svg>';
const otpauth = (source: 'element' | 'crop' | 'screenshot') => [{ payload: FIXTURE_OTPAUTH, kind: 'otpauth' as const, source }];

/** Routes the second origin serves: the QR image that pages load cross-origin. */
export const imageRoutes = { [IMAGE_PATH]: () => pages.qrPngBytes(FIXTURE_OTPAUTH, { moduleSize: 5 }) };

/** The fixture pages and the expected result of scanning each. */
export const scanCases: ScanCase[] = [
  { name: 'png data-URL image', html: () => pages.pngImagePage(), expected: otpauth('element') },
  { name: 'canvas', html: () => pages.canvasPage(), expected: otpauth('element') },
  { name: 'inline svg styled by page CSS', html: () => pages.inlineSvgPage(), expected: otpauth('element') },
  { name: 'CSS background (data URL)', html: () => pages.cssBackgroundPage(), expected: otpauth('element') },
  { name: 'CSS background from another origin', html: (o) => pages.cssBackgroundPage(FIXTURE_OTPAUTH, o + IMAGE_PATH), expected: otpauth('crop') },
  { name: 'cross-origin image', html: (o) => pages.crossOriginImagePage(o + IMAGE_PATH), expected: otpauth('crop'), firefoxSource: 'element' },
  { name: 'cross-origin image on a 2x display', html: (o) => pages.crossOriginImagePage(o + IMAGE_PATH), expected: otpauth('crop'), deviceScaleFactor: 2, firefoxSource: 'element' },
  { name: 'inverted colours', html: () => pages.invertedColoursPage(), expected: otpauth('element') },
  { name: 'modal', html: () => pages.modalPage(), expected: otpauth('element') },
  { name: 'below the fold', html: () => pages.belowFoldPage(), expected: otpauth('element') },
  { name: 'below the fold, cross-origin', html: (o) => pages.belowFoldPage(FIXTURE_OTPAUTH, o + IMAGE_PATH), expected: otpauth('crop'), firefoxSource: 'element' },
  {
    // The avatar is read and sent but holds no code, so the background must have the page scroll to the QR before cropping.
    name: 'below the fold, cross-origin, under a readable avatar',
    html: (o) => pages.belowFoldPage(FIXTURE_OTPAUTH, o + IMAGE_PATH).replace('<h1>Security</h1>', `<h1>Security</h1>${AVATAR_SVG}`),
    expected: otpauth('crop'),
    firefoxSource: 'element',
  },
  { name: 'web link QR', html: () => pages.urlQrPage(), expected: [{ payload: FIXTURE_URL, kind: 'url', source: 'element' }] },
  {
    name: 'migration batch of two codes',
    html: () => pages.migrationBatchPage(),
    expected: FIXTURE_MIGRATION_BATCH.map((payload) => ({ payload, kind: 'otpauth-migration' as const, source: 'element' as const })),
  },
  { name: 'no QR code', html: () => pages.noQrPage(), expected: [] },
];

/** Report written into the page by the test extension's background. */
export type ScanReport = { ok: true; result: ScanResult; ms: number } | { ok: false; error: { code: string; message: string }; raw: string };
