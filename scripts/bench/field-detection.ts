import type { Browser } from 'puppeteer-core';
import { type Figure, median, round } from './measure';
import { bundleForPage } from './page-bundle';
import { syntheticPageHtml } from './synthetic-page';

const ENTRY = `import { findOtpFields } from './src/fill/content-api';
(globalThis as any).__portalBench = { findOtpFields };`;

const BLOCKS = 40;
const CALLS_PER_BLOCK = 5;

/** Median duration of one findOtpFields call on a page, timed in blocks (the page clock is coarse) after a warm-up. */
async function timeDetection(browser: Browser, script: string, otpField: boolean): Promise<{ ms: number; elements: number; kind: string }> {
  const page = await browser.newPage();
  try {
    await page.setContent(syntheticPageHtml({ elements: 5000, otpField }));
    await page.addScriptTag({ content: script });
    return await page.evaluate(
      (blocks: number, calls: number) => {
        const api = (globalThis as unknown as { __portalBench: { findOtpFields: (root: Document) => { kind: string } } }).__portalBench;
        const kind = api.findOtpFields(document).kind;
        const times: number[] = [];
        for (let b = 0; b < blocks; b++) {
          const start = performance.now();
          for (let c = 0; c < calls; c++) api.findOtpFields(document);
          times.push((performance.now() - start) / calls);
        }
        times.sort((x, y) => x - y);
        return { ms: times[Math.floor(times.length / 2)]!, elements: document.getElementsByTagName('*').length, kind };
      },
      BLOCKS,
      CALLS_PER_BLOCK,
    );
  } finally {
    await page.close();
  }
}

/** findOtpFields on a generated 5,000-element page, with and without a code field, in real Chromium. */
export async function benchFieldDetection(browser: Browser): Promise<Figure[]> {
  const script = await bundleForPage(ENTRY);
  const figures: Figure[] = [];
  for (const otpField of [true, false]) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await timeDetection(browser, script, otpField));
    const { elements, kind } = runs[0]!;
    const expected = otpField ? 'single' : 'none';
    if (kind !== expected) throw new Error(`field detection bench: expected ${expected} on the ${otpField ? 'code' : 'sign-in'} page, got ${kind}`);
    figures.push({
      group: 'detect',
      name: `findOtpFields, ${elements}-element page, ${otpField ? 'with a code field' : 'sign-in form, no code field'}`,
      value: round(median(runs.map((r) => r.ms))),
      unit: 'ms',
      target: '≤ 2 ms',
    });
  }
  return figures;
}
