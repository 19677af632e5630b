import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule axe found broken, with the elements that break it. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The WCAG 2.0/2.1/2.2 A and AA rules, the level procurement checks. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core over the page as it is now (open shadow roots included) and returns the serious and critical
 * findings. axe is evaluated through the driver, which an extension page's CSP does not restrict.
 */
export async function findSeriousViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(axeSource);
  const findings = await page.evaluate(async (tags: string[]) => {
    type Result = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> };
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return violations.map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, WCAG_AA);
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}
