import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ExtensionSession } from '../../src/testing';
import { extensionOutputDir } from '../../src/testing/extension-build';
import { type Figure, median, round } from './measure';
import { type PaintProbeResult, paintProbeSource } from './paint-probe';

const OPENS = 10;
/** A static extension page with one heading and no script, written for the bench only and removed after. */
const FLOOR_PAGE = 'bench-static.html';
const PASSPHRASE = 'correct horse battery staple';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `count` distinct otpauth URIs, one a line, as an export would hold them. */
export function manyOtpauthUris(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    let secret = '';
    for (let k = 0; k < 32; k++) secret += BASE32[(i * 31 + k * 7 + ((i * k) % 13)) % 32];
    lines.push(`otpauth://totp/Service%20${i}:user${i}%40example.com?secret=${secret}&issuer=Service%20${i}`);
  }
  return lines.join('\n');
}

/** Ms from navigation start until the page at `path` paints an element matching `selector` with matching text. */
async function timeOnePaint(session: ExtensionSession, path: string, selector: string, textPattern: string): Promise<number> {
  const page = await session.browser.newPage();
  try {
    await page.evaluateOnNewDocument(paintProbeSource(selector, textPattern));
    await page.goto(`${session.extensionBaseUrl}${path}`);
    const handle = await page.waitForFunction('window.__benchPaint', { timeout: 20_000 });
    const probe = (await handle.jsonValue()) as PaintProbeResult;
    // The browser's own render time when it painted the finished text; else the frame after it was in the DOM.
    return probe.element !== undefined && probe.element >= probe.dom ? probe.element : probe.frame;
  } finally {
    await page.close();
  }
}

/** The popup's and the static page's paint times, opened in turns so both meet the same moments of a busy machine. */
interface PairedPaints {
  popup: number[];
  floor: number[];
}

async function timePopupPaint(session: ExtensionSession, selector: string, textPattern: string): Promise<PairedPaints> {
  const times: PairedPaints = { popup: [], floor: [] };
  for (let i = 0; i <= OPENS; i++) {
    const floor = await timeOnePaint(session, FLOOR_PAGE, '#static', 'Static');
    const popup = await timeOnePaint(session, 'popup.html', selector, textPattern);
    if (i === 0) continue; // the first opens warm the extension's process
    times.floor.push(floor);
    times.popup.push(popup);
  }
  return times;
}

/** The JS files popup.html loads on open: its module script, preloads and their static imports (not lazy chunks). */
export function popupScriptFiles(root = extensionOutputDir('chromium')): string[] {
  const html = readFileSync(join(root, 'popup.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(root, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(dir + m[1]);
  }
  return [...seen];
}

/** Popup first paint with a new vault, an empty unlocked vault and 500 accounts, and the gzipped JS it loads. */
export async function benchPopup(session: ExtensionSession): Promise<Figure[]> {
  const figures: Figure[] = [];
  const paint = (name: string, value: number, target?: string) =>
    figures.push({ group: 'popup', name: `popup first paint: ${name}`, value: round(value), unit: 'ms', ...(target ? { target } : {}) });

  // The floor: the same measure on a static extension page, opened in turns with the popup. The popup's own cost
  // is its time above the floor, paired open by open.
  const floorPage = join(extensionOutputDir('chromium'), FLOOR_PAGE);
  writeFileSync(floorPage, '<!doctype html><html><body><h1 id="static">Static page</h1></body></html>');
  // The targets are the popup's time above the floor: what the popup itself adds to any extension page's opening.
  const runs: Array<{ name: string; target: string; times: PairedPaints }> = [];
  try {
    runs.push({ name: 'first run (create-vault form)', target: '≤ 25 ms above the floor', times: await timePopupPaint(session, '[data-testid="create-vault"]', '.') });
    await session.provision({ passphrase: PASSPHRASE });
    runs.push({ name: 'unlocked, 0 accounts (empty list)', target: '≤ 25 ms above the floor', times: await timePopupPaint(session, '[data-testid="empty-list"]', '.') });
    const preview = await session.request({ type: 'import.preview', text: manyOtpauthUris(500) });
    const { added } = await session.request({ type: 'import.commit', token: preview.token, sites: [] });
    if (added !== 500) throw new Error(`popup bench: 500 accounts expected, ${added} imported`);
    runs.push({ name: 'unlocked, 500 accounts (first code shown)', target: '≤ 50 ms above the floor', times: await timePopupPaint(session, '[data-testid="account-code"]', '\\d{3}') });
  } finally {
    rmSync(floorPage, { force: true });
  }
  const line = (name: string, value: number, target?: string) =>
    figures.push({ group: 'popup', name, value: round(value), unit: 'ms', ...(target ? { target } : {}) });
  for (const run of runs) {
    paint(run.name, median(run.times.popup));
    line('  a static extension page, opened in turns with it (the floor)', median(run.times.floor));
    line(`  the popup above the floor (median of ${OPENS} paired opens)`, median(run.times.popup.map((t, i) => t - run.times.floor[i]!)), run.target);
  }

  const root = extensionOutputDir('chromium');
  const gz = popupScriptFiles(root).reduce((sum, file) => sum + gzipSync(readFileSync(join(root, file)), { level: 9 }).length, 0);
  figures.push({ group: 'popup', name: 'JS the popup loads on open (gzipped)', value: Math.round((gz / 1024) * 10) / 10, unit: 'KB', target: '≤ 30 KB' });
  return figures;
}
