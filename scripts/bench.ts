/**
 * `npm run bench`: measures speed and size figures and prints them as a table; also writes
 * bench-results/bench.json. Figures, not assertions: the machine is shared, so read them as indications.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchCore } from './bench/core';
import type { Figure } from './bench/measure';
import { benchSizes } from './bench/sizes';

const groups: Array<[string, () => Promise<Figure[]> | Figure[]]> = [
  ['core', benchCore],
  ['sizes', benchSizes],
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
