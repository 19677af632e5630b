import { QrError } from '../errors';
import type { Translatable } from '../translatable';
import { cropRectForElement, type PixelRect } from './crop';
import { decodeQrPixels } from './decode';
import type { RgbaImage } from './luma';
import { loadScreenshot, type Screenshot } from './image-data';
import { lumaToRgba, readLumaImage } from './luma';
import { SCROLL_TO_UNREADABLE_KEY, type PageRemeasure, type PageScanResult } from './page-scan-result';
import { classifyQrPayload, type QrPayloadKind } from './payload';

/** Where a payload was read: straight from a page element, from a screenshot crop of one, or from the whole screenshot. */
export type QrSource = 'element' | 'crop' | 'screenshot';

/** Everything found in one tab, raw payloads plus kind; notes explain what could not be read and never hold payloads. */
export interface ScanResult {
  found: Array<{ payload: string; kind: QrPayloadKind; source: QrSource }>;
  notes: Translatable[];
}

/** The slice of the extension API scanTab uses (webextension-polyfill's `browser` fits). */
export interface ScanTabBrowser {
  scripting: {
    executeScript(
      injection:
        | { target: { tabId: number; allFrames?: boolean }; files: string[] }
        | { target: { tabId: number; frameIds: number[] }; func: (key: string) => unknown; args: [string] },
    ): Promise<
      Array<{ frameId?: number; result?: unknown; error?: unknown }>
    >;
  };
  tabs: {
    get(tabId: number): Promise<{ windowId?: number; active?: boolean }>;
    captureVisibleTab(windowId: number, options: { format: 'png' | 'jpeg'; quality?: number }): Promise<string>;
  };
}

/** Dependencies of scanTab, replaceable in tests. */
export interface ScanTabDeps {
  browser: ScanTabBrowser;
  loadScreenshot?: (dataUrl: string) => Promise<Screenshot>;
  wait?: (ms: number) => Promise<void>;
}

/** How far a scan reaches. */
export interface ScanTabOptions {
  /**
   * Read the top page only, never its embedded frames (nor a whole screenshot, which shows them): for the offer a
   * page triggers itself, whose accounts are bound to the top page's origin — a page must not get the QR code of a
   * portal it embeds.
   */
  topFrameOnly?: boolean;
}

/** Path of the built scanner script inside the extension. */
export const SCANNER_SCRIPT = '/scanner.js';

/** Finds and decodes QR codes in a tab: page elements first, screenshot crops for unreadable ones, the whole screenshot as the last resort. */
export async function scanTab(tabId: number, deps: ScanTabDeps, options: ScanTabOptions = {}): Promise<ScanResult> {
  const { browser } = deps;
  const found: ScanResult['found'] = [];
  const notes: Translatable[] = [];
  const add = (payload: string, source: QrSource) => {
    if (!found.some((f) => f.payload === payload)) found.push({ payload, kind: classifyQrPayload(payload).kind, source });
  };

  const frames = await injectScanner(browser, tabId, notes, options.topFrameOnly === true);
  let topDecodedAny = false;
  for (const frame of frames) {
    // The page only reads pixels; jsQR lives here so the injected script stays small.
    for (const item of frame.result.pixels) {
      const image = readLumaImage(item?.image);
      const payload = image ? decodeQrPixels(lumaToRgba(image)) : undefined;
      if (payload === undefined) continue;
      add(payload, 'element');
      if (frame.frameId === 0) topDecodedAny = true;
    }
  }
  let top = frames.find((frame) => frame.frameId === 0)?.result;
  // The page scrolls an unreadable code into view itself only when it had no pixels to send; when the pixels held
  // no code either, the scroll is asked for now, before the screenshot.
  if (top && !topDecodedAny && top.pixels.length > 0 && top.needsCrop.length > 0 && isOffscreen(top.needsCrop[0]!.rect, top.viewport)) {
    top = { ...top, ...(await scrollToUnreadable(browser, tabId)) };
  }
  const subframeCrops = frames.filter((f) => f.frameId !== 0).reduce((n, f) => n + f.result.needsCrop.length, 0);
  if (subframeCrops > 0) notes.push({ plural: 'scan_note_frame_images', count: subframeCrops });

  let shot: Screenshot | undefined;
  const takeShot = async (): Promise<Screenshot | undefined> => {
    shot ??= await captureTab(deps, tabId, notes);
    return shot;
  };
  try {
    if (top && top.needsCrop.length > 0) {
      const page = top;
      // How many crops were read whole but held no code.
      const readCrops = (image: Screenshot): number => {
        let blank = 0;
        for (const item of page.needsCrop) {
          const rect = cropRectForElement(item.rect, {
            devicePixelRatio: page.viewport.devicePixelRatio,
            screenshotWidth: image.width,
            screenshotHeight: image.height,
            viewportWidth: page.viewport.innerWidth,
          });
          const pixels = rect ? readShot(image, notes, rect) : undefined;
          const payload = pixels ? decodeQrPixels(pixels) : undefined;
          if (payload !== undefined) add(payload, 'crop');
          else if (pixels) blank++;
        }
        return blank;
      };
      const image = await takeShot();
      // A busy machine can hand out a frame drawn before the image was rasterised: when no crop held a code, one
      // more screenshot, once the capture quota allows.
      if (image && readCrops(image) === page.needsCrop.length) {
        shot = undefined;
        image.close();
        await (deps.wait ?? delay)(RECAPTURE_DELAY_MS);
        const again = await takeShot();
        if (again) readCrops(again);
      }
    }

    // The whole screenshot shows embedded frames too; a scan for the top page alone must not read theirs.
    if (found.length === 0 && !options.topFrameOnly) {
      const image = await takeShot();
      const pixels = image ? readShot(image, notes) : undefined;
      const payload = pixels ? decodeQrPixels(pixels) : undefined;
      if (payload !== undefined) add(payload, 'screenshot');
      if (frames.length === 0 && !image) {
        throw new QrError(
          'qr/cannot-read-page',
          'This page cannot be scanned: the browser does not let extensions read it (for example browser settings pages or extension stores). Open the enrolment page of your portal and try again.',
          { key: 'error_qr_cannot_read_page' },
        );
      }
    }
  } finally {
    shot?.close();
  }
  return { found, notes };
}

async function injectScanner(
  browser: ScanTabBrowser,
  tabId: number,
  notes: Translatable[],
  topFrameOnly: boolean,
): Promise<Array<{ frameId: number; result: PageScanResult }>> {
  let results: Array<{ frameId?: number; result?: unknown; error?: unknown }>;
  try {
    results = await browser.scripting.executeScript({ target: { tabId, allFrames: !topFrameOnly }, files: [SCANNER_SCRIPT] });
  } catch {
    // One restricted frame can fail the whole call; the top frame alone is still worth scanning.
    try {
      results = await browser.scripting.executeScript({ target: { tabId }, files: [SCANNER_SCRIPT] });
    } catch {
      notes.push({ key: 'scan_note_not_searched' });
      return [];
    }
  }
  const frames: Array<{ frameId: number; result: PageScanResult }> = [];
  for (const entry of results) {
    if (isPageScanResult(entry.result)) frames.push({ frameId: entry.frameId ?? 0, result: entry.result });
    else if (entry.frameId === 0 || entry.frameId === undefined) notes.push({ key: 'scan_note_no_answer' });
  }
  for (const frame of frames) notes.push(...frame.result.notes);
  return frames;
}

async function scrollToUnreadable(browser: ScanTabBrowser, tabId: number): Promise<PageRemeasure | undefined> {
  try {
    const [entry] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      // Runs in the page, in the same isolated world where scanner.js left the function.
      func: (key: string) => (globalThis as unknown as Record<string, (() => unknown) | undefined>)[key]?.(),
      args: [SCROLL_TO_UNREADABLE_KEY],
    });
    const result = entry?.result as Partial<PageRemeasure> | undefined;
    return result && Array.isArray(result.needsCrop) && typeof result.viewport === 'object' ? (result as PageRemeasure) : undefined;
  } catch {
    // The page navigated or closed meanwhile: the rects measured first are the best there is.
    return undefined;
  }
}

function isOffscreen(rect: PageScanResult['needsCrop'][number]['rect'], viewport: PageScanResult['viewport']): boolean {
  return rect.x < 0 || rect.y < 0 || rect.x + rect.width > viewport.innerWidth || rect.y + rect.height > viewport.innerHeight;
}

/** Pixels of the whole screenshot or of one rectangle; a failure becomes a note (once), as a failed capture does. */
function readShot(image: Screenshot, notes: Translatable[], rect?: PixelRect): RgbaImage | undefined {
  try {
    return image.read(rect);
  } catch (error) {
    const note = failureNote(error, UNREADABLE_SHOT);
    if (!notes.some((seen) => 'key' in seen && (UNREADABLE_SHOT as readonly string[]).includes(seen.key))) notes.push(note);
    return undefined;
  }
}

// A failed step's note without and with the browser's reason.
const UNREADABLE_SHOT = ['scan_note_unreadable_shot', 'scan_note_unreadable_shot_why'] as const;
const NO_SHOT = ['scan_note_no_shot', 'scan_note_no_shot_why'] as const;

/** A note that a step failed, with the browser's own words for why when it gave any (they are not translated). */
function failureNote(error: unknown, [plain, withWhy]: typeof UNREADABLE_SHOT | typeof NO_SHOT): Translatable {
  const why = error instanceof Error && error.message ? error.message.slice(0, 120) : '';
  return why ? { key: withWhy, subs: [why] } : { key: plain };
}

const CAPTURE_ATTEMPTS = 3;
// Chrome allows two captures a second.
const RECAPTURE_DELAY_MS = 600;

function delay(ms: number): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

/**
 * JPEG at high quality: a QR code's modules survive it as well as PNG's, and a 1920×1080 shot is encoded and decoded
 * in about two thirds of the time (20–30 ms less per scan in the bench).
 */
const SCREENSHOT_FORMAT = { format: 'jpeg', quality: 92 } as const;

async function captureTab(
  deps: ScanTabDeps,
  tabId: number,
  notes: Translatable[],
): Promise<Screenshot | undefined> {
  const load = deps.loadScreenshot ?? loadScreenshot;
  const wait = deps.wait ?? delay;
  try {
    const tab = await deps.browser.tabs.get(tabId);
    // captureVisibleTab shows whichever tab is in front; a background tab would give someone else's page.
    if (!tab.active || tab.windowId === undefined) {
      notes.push({ key: 'scan_note_tab_behind' });
      return undefined;
    }
    // Chrome allows two captures a second and refuses one while the tab is busy (a navigation, a drag):
    // a couple of retries once that window passes.
    for (let attempt = 1; ; attempt++) {
      try {
        return await load(await deps.browser.tabs.captureVisibleTab(tab.windowId, SCREENSHOT_FORMAT));
      } catch (error) {
        if (attempt >= CAPTURE_ATTEMPTS) throw error;
        await wait(RECAPTURE_DELAY_MS);
      }
    }
  } catch (error) {
    notes.push(failureNote(error, NO_SHOT));
    return undefined;
  }
}

function isPageScanResult(value: unknown): value is PageScanResult {
  const v = value as Partial<PageScanResult> | null;
  return (
    typeof v === 'object' && v !== null && Array.isArray(v.pixels) && Array.isArray(v.needsCrop) && typeof v.viewport === 'object'
  );
}
