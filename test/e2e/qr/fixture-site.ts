import * as pages from '../../fixtures/qr/pages';
import { FIXTURE_MIGRATION_BATCH, FIXTURE_OTPAUTH } from '../../fixtures/qr/payloads';
import { startFixtureServer, type FixtureServer } from '../../qr/harness/fixture-server';

/** An account as accounts.list shows it, without the fields a test does not pin down. */
export interface ExpectedAccount {
  issuer: string;
  accountName: string;
}

/** A fixture page served on the pages origin; `html` gets the second (image) origin. */
export interface QrPage {
  path: string;
  html: (imageOrigin: string) => string;
  deviceScaleFactor?: number;
}

/** The account every single-code fixture carries (FIXTURE_OTPAUTH). */
export const JUMPCLOUD_ALICE: ExpectedAccount = { issuer: 'JumpCloud', accountName: 'alice@example.com' };

/** The two accounts of FIXTURE_MIGRATION_BATCH, one per QR code. */
export const MIGRATION_ACCOUNTS: ExpectedAccount[] = [
  { issuer: 'Example Mail', accountName: 'alice@example.com' },
  { issuer: 'Example Chat', accountName: 'alice' },
];

/** A key URI whose secret is not base32: the OTP engine refuses it. */
export const INVALID_OTPAUTH = 'otpauth://totp/X?secret=0000';

const IMAGE_PATH = '/qr.png';
const MIGRATION_IMAGE_PATHS = FIXTURE_MIGRATION_BATCH.map((_, i) => `/migration-${i}.png`);

function crossOriginBackgroundsPage(imageUrls: string[]): string {
  const boxes = imageUrls
    .map((url, i) => `<div role="img" aria-label="QR code ${i + 1}" style="display:inline-block;margin:8px;width:220px;height:220px;background:#fff url('${url}') center/contain no-repeat"></div>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Export accounts</title></head>
<body style="font-family:sans-serif;margin:24px"><h1>Transfer accounts</h1><p>Scan these QR codes with your new authenticator.</p>${boxes}</body></html>`;
}

/** Enrolment pages whose QR code holds an authenticator account, and the accounts each must yield. */
export const enrolmentPages: Array<QrPage & { name: string; accounts: ExpectedAccount[] }> = [
  { name: 'PNG data-URL image', path: '/png', html: () => pages.pngImagePage(), accounts: [JUMPCLOUD_ALICE] },
  { name: 'canvas', path: '/canvas', html: () => pages.canvasPage(), accounts: [JUMPCLOUD_ALICE] },
  { name: 'inline SVG', path: '/svg', html: () => pages.inlineSvgPage(), accounts: [JUMPCLOUD_ALICE] },
  { name: 'CSS background', path: '/css', html: () => pages.cssBackgroundPage(), accounts: [JUMPCLOUD_ALICE] },
  { name: 'cross-origin CSS background', path: '/css-xo', html: (o) => pages.cssBackgroundPage(FIXTURE_OTPAUTH, o + IMAGE_PATH), accounts: [JUMPCLOUD_ALICE] },
  { name: 'cross-origin image', path: '/img-xo', html: (o) => pages.crossOriginImagePage(o + IMAGE_PATH), accounts: [JUMPCLOUD_ALICE] },
  { name: 'inverted colours', path: '/inverted', html: () => pages.invertedColoursPage(), accounts: [JUMPCLOUD_ALICE] },
  { name: '2x device scale, cross-origin image', path: '/img-xo-2x', html: (o) => pages.crossOriginImagePage(o + IMAGE_PATH), deviceScaleFactor: 2, accounts: [JUMPCLOUD_ALICE] },
  { name: 'modal', path: '/modal', html: () => pages.modalPage(), accounts: [JUMPCLOUD_ALICE] },
  { name: 'below the fold', path: '/below', html: () => pages.belowFoldPage(), accounts: [JUMPCLOUD_ALICE] },
  { name: 'below the fold, cross-origin', path: '/below-xo', html: (o) => pages.belowFoldPage(FIXTURE_OTPAUTH, o + IMAGE_PATH), accounts: [JUMPCLOUD_ALICE] },
  { name: 'migration batch of two QR codes', path: '/migration', html: () => pages.migrationBatchPage(), accounts: MIGRATION_ACCOUNTS },
];

/** Pages that show no authenticator QR code, so no offer may appear. */
export const nonEnrolmentPages = {
  noQr: { path: '/no-qr', html: () => pages.noQrPage() },
  urlQr: { path: '/url-qr', html: () => pages.urlQrPage() },
  invalidOtpauth: { path: '/invalid', html: () => pages.pngImagePage(INVALID_OTPAUTH) },
} satisfies Record<string, QrPage>;

/** Other pages the suite needs. */
export const extraPages = {
  /** Only part 1 of a two-part Google Authenticator export. */
  migrationPart1: { path: '/migration-part-1', html: () => pages.migrationBatchPage([FIXTURE_MIGRATION_BATCH[0]]) },
  /** The set-up page asks for the first code right under the QR image. */
  withConfirmField: {
    path: '/confirm',
    html: () =>
      pages.pngImagePage().replace(
        "<p>Can't scan it?",
        '<form><label for="code">Enter the 6-digit code from your authenticator app</label> <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"><button>Verify</button></form><p>Can\'t scan it?',
      ),
  },
  /**
   * Both codes of a migration batch as cross-origin CSS backgrounds on a 2x display: only screenshot crops at the right
   * scale read both (the whole-screenshot fallback finds one code at most, which would be reported as a missing part).
   */
  migrationCrossOrigin2x: { path: '/migration-xo-2x', html: (o: string) => crossOriginBackgroundsPage(MIGRATION_IMAGE_PATHS.map((p) => o + p)), deviceScaleFactor: 2 },
} satisfies Record<string, QrPage>;

/** The fixture site: pages on one origin, the QR image they load cross-origin on a second one. */
export interface QrFixtureSite {
  origin: string;
  imageOrigin: string;
  url(page: QrPage): string;
  close(): Promise<void>;
}

/** Serves every fixture page on one port and the cross-origin QR image on another. */
export async function startQrFixtureSite(): Promise<QrFixtureSite> {
  const images: FixtureServer = await startFixtureServer({
    [IMAGE_PATH]: () => pages.qrPngBytes(FIXTURE_OTPAUTH, { moduleSize: 5 }),
    ...Object.fromEntries(MIGRATION_IMAGE_PATHS.map((path, i) => [path, () => pages.qrPngBytes(FIXTURE_MIGRATION_BATCH[i]!, { moduleSize: 5 })])),
  });
  const all: QrPage[] = [...enrolmentPages, ...Object.values(nonEnrolmentPages), ...Object.values(extraPages)];
  const site = await startFixtureServer(Object.fromEntries(all.map((p) => [p.path, () => p.html(images.origin)])));
  return {
    origin: site.origin,
    imageOrigin: images.origin,
    url: (page) => site.origin + page.path,
    close: async () => {
      await site.close();
      await images.close();
    },
  };
}
