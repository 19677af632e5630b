import type { Browser } from 'puppeteer-core';
import { type Figure, median, round } from './measure';
import { bundleForPage } from './page-bundle';
import { syntheticPageHtml } from './synthetic-page';

// The content script's watcher with what it does on a page whose fields are not code fields: detection, nothing
// filled. Its observer callback and its batched checks are timed, so its own share can be told from the noise of
// a shared machine.
const ENTRY = `import { watchForCandidates } from './src/content/watch';
import { findOtpFields } from './src/fill/content-api';
const stats = { checks: 0, ms: 0 };
const timed = (fn: (...args: any[]) => void) => (...args: any[]) => {
  const start = performance.now();
  try { fn(...args); } finally { stats.ms += performance.now() - start; }
};
const RealObserver = MutationObserver;
const realSetTimeout = setTimeout;
(globalThis as any).__portalBench = { stats, start: () => {
  (globalThis as any).MutationObserver = class extends RealObserver { constructor(cb: MutationCallback) { super(timed(cb)); } };
  (globalThis as any).setTimeout = (cb: () => void, ms?: number) => realSetTimeout(timed(cb), ms);
  watchForCandidates(document, { onFields: () => { stats.checks++; findOtpFields(document); }, onEnrolmentCue: () => {} });
} };`;

const ROUNDS = 20;
const NODES = 10_000;
const BATCH = 100;

type Run = { ms: number; checks: number; watcherMs: number; cpuMs: number };

// In-page source, kept as text: the TypeScript runner would add helper calls the page does not have.
const WORKLOAD = `async (nodes, batch) => {
  const container = document.createElement('div');
  document.querySelector('.content').prepend(container);
  const channel = new MessageChannel();
  const yieldTask = () => new Promise((resolve) => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const stats = globalThis.__portalBench?.stats;
  const before = { checks: stats?.checks ?? 0, ms: stats?.ms ?? 0 };
  const start = performance.now();
  for (let done = 0; done < nodes; done += batch) {
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < batch; i++) {
      const row = document.createElement('div');
      row.className = 'row';
      row.textContent = 'row ' + (done + i);
      fragment.append(row);
    }
    container.append(fragment);
    while (container.childElementCount > 1000) container.firstElementChild.remove();
    void container.offsetHeight;
    await yieldTask();
  }
  return { ms: performance.now() - start, checks: (stats?.checks ?? 0) - before.checks, watcherMs: (stats?.ms ?? 0) - before.ms };
}`;

/**
 * Appends NODES elements in batches of BATCH (removing old ones to keep the page's size steady), with a layout
 * after each batch as rendering would do, yielding between batches without timer clamping.
 */
async function runWorkload(browser: Browser, script: string | undefined): Promise<Run> {
  const page = await browser.newPage();
  try {
    await page.setContent(syntheticPageHtml({ elements: 3000 }));
    if (script) {
      await page.addScriptTag({ content: script });
      await page.evaluate(() => (globalThis as unknown as { __portalBench: { start(): void } }).__portalBench.start());
    }
    // Thread ticks: main-thread CPU time, which other processes on a busy machine do not inflate the way they do wall time.
    // Let the page settle first (compiling the injected script, collecting its garbage), so that work is not
    // counted against the watcher: both pages are measured from a quiet start.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 150)));
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpu = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
    const cpuBefore = await cpu();
    const run = (await page.evaluate(`(${WORKLOAD})(${NODES}, ${BATCH})`)) as Run;
    return { ...run, cpuMs: (await cpu()) - cpuBefore };
  } finally {
    await page.close();
  }
}

/**
 * A page that mutates 10,000 nodes, with and without the content script's watcher: main-thread CPU time, the
 * overhead from paired runs, and the part spent in the watcher's own callbacks (the rest is the browser recording
 * mutations for the observer).
 */
export async function benchMutationCost(browser: Browser): Promise<Figure[]> {
  const script = await bundleForPage(ENTRY);
  const plain: Run[] = [];
  const watched: Run[] = [];
  await runWorkload(browser, script);
  for (let i = 0; i < ROUNDS; i++) {
    // The order alternates: a page that runs right after another is closed shares the machine with that
    // page's teardown, and always putting the watched page second would charge that to the watcher.
    if (i % 2 === 0) {
      plain.push(await runWorkload(browser, undefined));
      watched.push(await runWorkload(browser, script));
    } else {
      watched.push(await runWorkload(browser, script));
      plain.push(await runWorkload(browser, undefined));
    }
  }
  if (watched.every((r) => r.checks === 0)) throw new Error('mutation bench: the watcher never checked the page');
  // Paired rounds (back to back) cancel most of the drift in the machine's load.
  const overhead = median(watched.map((r, i) => (r.cpuMs / plain[i]!.cpuMs - 1) * 100));
  // Both wall times, measured in the page.
  const ownShare = median(watched.map((r) => (r.watcherMs / (r.ms - r.watcherMs)) * 100));
  const cpu = (runs: Run[]) => round(median(runs.map((r) => r.cpuMs)));
  return [
    { group: 'watch', name: `page mutating ${NODES} nodes in batches of ${BATCH}: main-thread CPU, no extension`, value: cpu(plain), unit: 'ms' },
    { group: 'watch', name: `same page with the content script's watcher (${median(watched.map((r) => r.checks))} checks)`, value: cpu(watched), unit: 'ms' },
    { group: 'watch', name: `watcher overhead (median of ${ROUNDS} paired runs)`, value: round(overhead), unit: '%', target: '≤ 5 %' },
    { group: 'watch', name: "  of which in the watcher's own callbacks (observer, batched checks)", value: round(ownShare), unit: '%' },
  ];
}
