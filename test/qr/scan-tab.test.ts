import { describe, expect, it } from 'vitest';
import { QrError } from '../../src/errors';
import type { RgbaImage } from '../../src/qr/luma';
import type { PageScanResult } from '../../src/qr/page-scan-result';
import { screenshotFromPixels } from '../../src/qr/image-data';
import { toLumaImage } from '../../src/qr/luma';
import { scanTab, type ScanTabBrowser } from '../../src/qr/scan-tab';
import { FIXTURE_MIGRATION_BATCH, FIXTURE_OTPAUTH, FIXTURE_URL } from '../fixtures/qr/payloads';
import { blankImage, pasteImage, renderQrRgba } from '../fixtures/qr/render';
import { english } from '../english-messages';

const viewport = { devicePixelRatio: 2, innerWidth: 800, innerHeight: 500, scrollX: 0, scrollY: 0 };

/** What scanner.js sends for a readable element showing `payload`: its luminance pixels. */
function pixelsOf(payload: string, elementKind: 'img' | 'canvas' | 'svg') {
  return { image: toLumaImage(renderQrRgba(payload, { moduleSize: 3 })), elementKind };
}

function pageResult(partial: Partial<PageScanResult> = {}): PageScanResult {
  return { pixels: [], needsCrop: [], viewport, candidateCount: 1, notes: [], ...partial };
}

interface FakeOptions {
  frames?: Array<{ frameId: number; result: unknown }>;
  injectFails?: 'all-frames' | 'always';
  /** The screenshot, or one per capture in turn (the last one repeats). */
  shot?: RgbaImage | RgbaImage[];
  /** Reading the decoded screenshot's pixels fails (no canvas, out of memory). */
  readFails?: boolean;
  active?: boolean;
  captureErrors?: string[];
  /** What the page answers when asked to scroll to its first unreadable element. */
  remeasure?: unknown;
}

function fake(options: FakeOptions) {
  const calls = { inject: [] as unknown[], capture: 0, load: 0, closed: 0, waited: [] as number[], remeasure: [] as unknown[] };
  const captureErrors = [...(options.captureErrors ?? [])];
  const browser: ScanTabBrowser = {
    scripting: {
      async executeScript(injection) {
        if ('func' in injection) {
          calls.remeasure.push({ target: injection.target, args: injection.args });
          return [{ frameId: 0, result: options.remeasure }];
        }
        calls.inject.push(injection.target);
        if (options.injectFails === 'always') throw new Error('Cannot access a chrome:// URL');
        if (options.injectFails === 'all-frames' && injection.target.allFrames) throw new Error('Frame blocked');
        return options.frames ?? [];
      },
    },
    tabs: {
      async get() {
        return { windowId: 7, active: options.active ?? true };
      },
      async captureVisibleTab(windowId, format) {
        calls.capture++;
        expect(windowId).toBe(7);
        expect(format).toEqual({ format: 'jpeg', quality: 92 });
        const error = captureErrors.shift();
        if (error) throw new Error(error);
        return 'data:image/png;base64,shot';
      },
    },
  };
  const loadScreenshot = async (dataUrl: string) => {
    calls.load++;
    expect(dataUrl).toBe('data:image/png;base64,shot');
    if (!options.shot) throw new Error('no screenshot in this test');
    const shots = Array.isArray(options.shot) ? options.shot : [options.shot];
    const screenshot = screenshotFromPixels(shots[Math.min(calls.load, shots.length) - 1]!);
    return {
      ...screenshot,
      read: (rect?: Parameters<typeof screenshot.read>[0]) => {
        if (options.readFails) throw new Error('canvas unavailable');
        return screenshot.read(rect);
      },
      close: () => void calls.closed++,
    };
  };
  const wait = async (ms: number) => void calls.waited.push(ms);
  return { deps: { browser, loadScreenshot, wait }, calls };
}

// A 2x screenshot (1600x1000 device px for an 800x500 CSS viewport) with codes at the given CSS positions.
function screenshotWith(codes: Array<{ text: string; x: number; y: number }>): RgbaImage {
  const shot = blankImage(1600, 1000);
  for (const { text, x, y } of codes) pasteImage(shot, renderQrRgba(text, { moduleSize: 6 }), x * 2, y * 2);
  return shot;
}

describe('scanTab', () => {
  it('returns codes decoded from page elements without taking a screenshot', async () => {
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult({ pixels: [pixelsOf(FIXTURE_OTPAUTH, 'img')] }) }] });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([{ payload: FIXTURE_OTPAUTH, kind: 'otpauth', source: 'element' }]);
    expect(calls.capture).toBe(0);
    expect(calls.inject).toEqual([{ tabId: 3, allFrames: true }]);
  });

  it('decodes element pixels the page sent, whether as typed arrays or bare buffers', async () => {
    const first = toLumaImage(renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 3 }));
    const second = toLumaImage(renderQrRgba(FIXTURE_URL, { moduleSize: 3 }));
    const pixels = [
      { image: first, elementKind: 'img' as const },
      { image: toLumaImage(blankImage(300, 300)), elementKind: 'canvas' as const },
      { image: { width: 9, height: 9, luma: 'junk' }, elementKind: 'img' as const },
      { image: { ...second, luma: second.luma.buffer }, elementKind: 'svg' as const },
      { image: first, elementKind: 'background' as const },
    ];
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult({ pixels: pixels as never }) }] });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([
      { payload: FIXTURE_OTPAUTH, kind: 'otpauth', source: 'element' },
      { payload: FIXTURE_URL, kind: 'url', source: 'element' },
    ]);
    expect(calls.capture).toBe(0);
  });

  it('asks the page to scroll to an unreadable code below the fold when its readable pixels held none', async () => {
    const side = renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 6 }).width / 2;
    const shot = screenshotWith([{ text: FIXTURE_OTPAUTH, x: 300, y: 100 }]);
    const below = { rect: { x: 300, y: 900, width: side, height: side }, elementKind: 'img' as const, reason: 'tainted' };
    const inView = { ...below, rect: { ...below.rect, y: 100 } };
    const pixels = [{ image: toLumaImage(blankImage(300, 300)), elementKind: 'img' as const }];
    const { deps, calls } = fake({
      frames: [{ frameId: 0, result: pageResult({ pixels, needsCrop: [below] }) }],
      remeasure: { needsCrop: [inView], viewport: { ...viewport, scrollY: 800 } },
      shot,
    });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([{ payload: FIXTURE_OTPAUTH, kind: 'otpauth', source: 'crop' }]);
    expect(calls.remeasure).toEqual([{ target: { tabId: 3, frameIds: [0] }, args: [expect.any(String)] }]);
  });

  it('does not scroll the page when its pixels held a code or the unreadable element is already in view', async () => {
    const offscreen = { rect: { x: 0, y: 900, width: 100, height: 100 }, elementKind: 'img' as const, reason: 'tainted' };
    const onscreen = { ...offscreen, rect: { ...offscreen.rect, y: 100 } };
    const qr = [{ image: toLumaImage(renderQrRgba(FIXTURE_OTPAUTH, { moduleSize: 3 })), elementKind: 'img' as const }];
    const blank = [{ image: toLumaImage(blankImage(300, 300)), elementKind: 'img' as const }];
    for (const result of [pageResult({ pixels: qr, needsCrop: [offscreen] }), pageResult({ pixels: blank, needsCrop: [onscreen] })]) {
      const { deps, calls } = fake({ frames: [{ frameId: 0, result }], shot: blankImage(1600, 1000) });
      await scanTab(3, deps);
      expect(calls.remeasure).toEqual([]);
    }
  });

  it('crops every unreadable element from one screenshot (a two-code export batch)', async () => {
    const [first, second] = FIXTURE_MIGRATION_BATCH;
    const side = renderQrRgba(first, { moduleSize: 6 }).width / 2;
    const shot = screenshotWith([{ text: first, x: 40, y: 60 }, { text: second, x: 420, y: 60 }]);
    const needsCrop = [
      { rect: { x: 40, y: 60, width: side, height: side }, elementKind: 'img' as const, reason: 'tainted' },
      { rect: { x: 420, y: 60, width: side, height: side }, elementKind: 'background' as const, reason: 'cross-origin' },
    ];
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult({ needsCrop }) }], shot });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([
      { payload: first, kind: 'otpauth-migration', source: 'crop' },
      { payload: second, kind: 'otpauth-migration', source: 'crop' },
    ]);
    expect(calls.capture).toBe(1);
  });

  it('falls back to the whole screenshot only when nothing else was found', async () => {
    const shot = screenshotWith([{ text: FIXTURE_URL, x: 300, y: 100 }]);
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult() }], shot });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([{ payload: FIXTURE_URL, kind: 'url', source: 'screenshot' }]);
    expect(calls.capture).toBe(1);
  });

  it('captures once more when no crop held a code, and reads that screenshot whole as the last resort', async () => {
    const shot = screenshotWith([{ text: FIXTURE_OTPAUTH, x: 300, y: 100 }]);
    // The rect is wrong (the page moved), so the crop misses and the full shot must find the code.
    const needsCrop = [{ rect: { x: 0, y: 380, width: 100, height: 100 }, elementKind: 'img' as const, reason: 'tainted' }];
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult({ needsCrop }) }], shot });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([{ payload: FIXTURE_OTPAUTH, kind: 'otpauth', source: 'screenshot' }]);
    expect(calls.capture).toBe(2);
    expect(calls.waited).toEqual([600]);
    expect(calls.closed).toBe(2);
  });

  it('reads the crop from a second screenshot when the first was drawn before the image', async () => {
    const needsCrop = [{ rect: { x: 100, y: 100, width: 150, height: 150 }, elementKind: 'img' as const, reason: 'tainted' }];
    const shot = [blankImage(1600, 1000), screenshotWith([{ text: FIXTURE_OTPAUTH, x: 100, y: 100 }])];
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult({ needsCrop }) }], shot });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([{ payload: FIXTURE_OTPAUTH, kind: 'otpauth', source: 'crop' }]);
    expect(calls.capture).toBe(2);
  });

  it('notes a screenshot whose pixels cannot be read, once, tries every route, and frees the screenshot', async () => {
    const needsCrop = [
      { rect: { x: 100, y: 100, width: 150, height: 150 }, elementKind: 'img' as const, reason: 'tainted' },
      { rect: { x: 400, y: 100, width: 150, height: 150 }, elementKind: 'img' as const, reason: 'tainted' },
    ];
    const shot = screenshotWith([{ text: FIXTURE_OTPAUTH, x: 100, y: 100 }]);
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult({ needsCrop }) }], shot, readFails: true });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([]);
    expect(result.notes.map(english).filter((n) => n.startsWith('The screenshot could not be read'))).toEqual(['The screenshot could not be read (canvas unavailable).']);
    expect(calls.capture).toBe(1);
    expect(calls.closed).toBe(1);
  });

  it('collects codes from subframes and notes their unreadable images', async () => {
    const frames = [
      { frameId: 0, result: pageResult() },
      { frameId: 5, result: pageResult({ pixels: [pixelsOf(FIXTURE_OTPAUTH, 'canvas')], needsCrop: [{ rect: { x: 0, y: 0, width: 100, height: 100 }, elementKind: 'img', reason: 'tainted' }] }) },
      { frameId: 6, result: undefined },
    ];
    const { deps, calls } = fake({ frames });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([{ payload: FIXTURE_OTPAUTH, kind: 'otpauth', source: 'element' }]);
    expect(result.notes.map(english).join(' ')).toMatch(/^1 image in an embedded frame could not be read directly\./);
    expect(calls.capture).toBe(0);
  });

  it('removes duplicates found by several routes', async () => {
    const pixels = [pixelsOf(FIXTURE_OTPAUTH, 'img')];
    const { deps } = fake({ frames: [{ frameId: 0, result: pageResult({ pixels }) }, { frameId: 2, result: pageResult({ pixels }) }] });
    expect((await scanTab(3, deps)).found).toHaveLength(1);
  });

  it('retries the top frame alone when a subframe blocks injection', async () => {
    const pixels = [pixelsOf(FIXTURE_OTPAUTH, 'svg')];
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult({ pixels }) }], injectFails: 'all-frames' });
    expect((await scanTab(3, deps)).found).toHaveLength(1);
    expect(calls.inject).toEqual([{ tabId: 3, allFrames: true }, { tabId: 3 }]);
  });

  it('still tries a screenshot when the page cannot be injected', async () => {
    const shot = screenshotWith([{ text: FIXTURE_OTPAUTH, x: 100, y: 100 }]);
    const { deps } = fake({ injectFails: 'always', shot });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([{ payload: FIXTURE_OTPAUTH, kind: 'otpauth', source: 'screenshot' }]);
    expect(result.notes.map(english).join(' ')).toMatch(/could not be searched/);
  });

  it('throws a QrError when neither the page nor a screenshot can be read', async () => {
    const { deps } = fake({ injectFails: 'always', captureErrors: ['Cannot capture'] });
    await expect(scanTab(3, deps)).rejects.toBeInstanceOf(QrError);
    await expect(scanTab(3, fake({ injectFails: 'always', captureErrors: ['x'] }).deps)).rejects.toMatchObject({ code: 'qr/cannot-read-page' });
  });

  it('does not screenshot a tab that is not in front', async () => {
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult() }], active: false });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([]);
    expect(calls.capture).toBe(0);
    expect(result.notes.map(english).join(' ')).toMatch(/not in front/);
  });

  it('waits out the capture rate limit once', async () => {
    const shot = screenshotWith([{ text: FIXTURE_OTPAUTH, x: 100, y: 100 }]);
    const captureErrors = ['This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.'];
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult() }], shot, captureErrors });
    expect((await scanTab(3, deps)).found).toHaveLength(1);
    expect(calls.capture).toBe(2);
    expect(calls.waited).toEqual([600]);
  });

  it('finds nothing on a screenshot without a code', async () => {
    const { deps } = fake({ frames: [{ frameId: 0, result: pageResult() }], shot: blankImage(1600, 1000) });
    const result = await scanTab(3, deps);
    expect(result.found).toEqual([]);
  });

  it('for a scan the page triggered itself, reads the top frame only and never the whole screenshot', async () => {
    // The screenshot shows a code, as an embedded portal frame would; the top page itself has none.
    const shot = screenshotWith([{ text: FIXTURE_OTPAUTH, x: 300, y: 100 }]);
    const { deps, calls } = fake({ frames: [{ frameId: 0, result: pageResult() }], shot });
    const result = await scanTab(3, deps, { topFrameOnly: true });
    expect(calls.inject).toEqual([{ tabId: 3, allFrames: false }]);
    expect(result.found).toEqual([]);
    expect(calls.capture).toBe(0);
    // The same tab scanned on the user's request does read the screenshot.
    const onRequest = fake({ frames: [{ frameId: 0, result: pageResult() }], shot });
    expect((await scanTab(3, onRequest.deps)).found).toEqual([{ payload: FIXTURE_OTPAUTH, kind: 'otpauth', source: 'screenshot' }]);
  });
});
