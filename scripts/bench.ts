/**
 * `npm run bench`: measures speed and size figures and prints them as a table; also writes
 * bench-results/bench.json. Figures, not assertions: the machine is shared, so read them as indications.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { withExtension, withPlainChromium } from './bench/browsers';
import { benchCore } from './bench/core';
import { benchFieldDetection } from './bench/field-detection';
import { benchFillLatency } from './bench/fill-latency';
import type { Figure } from './bench/measure';
import { benchMutationCost } from './bench/mutation-cost';
import { benchPopup } from './bench/popup-paint';
import { benchQrDecodeNode } from './bench/qr-decode-node';
import { benchQrRoutes } from './bench/qr-routes';
import { benchSizes } from './bench/sizes';

const groups: Array<[string, () => Promise<Figure[]> | Figure[]]> = [
  ['core', benchCore],
  // Builds the extension (npm run zip): the browser groups below load that build.
  ['sizes', benchSizes],
  ['popup first paint', () => withExtension(benchPopup)],
  ['field detection', () => withPlainChromium(benchFieldDetection)],
  ['mutation observer cost', () => withPlainChromium(benchMutationCost)],
  ['field-to-fill latency', () => withExtension(benchFillLatency)],
  ['QR routes', async () => [...(await withExtension(benchQrRoutes)), ...(await benchQrDecodeNode())]],
];

const figures: Figure[] = [];
for (const [name, run] of groups) {
  process.stderr.write(`running ${name}…\n`);
  figures.push(...(await run()));
}

const width = Math.max(...figures.map((f) => f.name.length));
console.log(`| ${'figure'.padEnd(width)} | value | target |`);
console.log(`|${'-'.repeat(width + 2)}|---|---|`);
for (const f of figures) console.log(`| ${f.name.padEnd(width)} | ${f.value} ${f.unit} | ${f.target ?? ''} |`);

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ date: new Date().toISOString(), figures }, null, 2));
