import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';

/** A tour step that did not complete: names the step and, when one could be taken, its screenshot. */
export class TourStepFailed extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
    readonly screenshot?: string,
  ) {
    super(`Step "${step}" failed: ${reason}`);
    this.name = 'TourStepFailed';
  }
}

/** Where and how the tour reports. */
export interface ReporterOptions {
  /** Folder for the screenshots (created; earlier screenshots with the same prefix are removed). */
  dir: string;
  /** File name prefix, e.g. the browser name. */
  prefix: string;
  log?: (line: string) => void;
  now?: () => Date;
}

/** Turns a step title into a short file-name part: lower-case words joined by dashes. */
export function slugifyTitle(title: string, maxLength = 48): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'step';
}

/** Local wall-clock time as HH:MM:SS, the stamp in front of each printed step. */
export function formatClock(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return (error as Error & { userMessage?: string }).userMessage ?? error.message;
  return String(error);
}

/**
 * Runs the tour's steps one by one: each prints a timestamped ✓ line (or ✗ and stops) and saves a screenshot of
 * the page it ends on, numbered in order, so the folder reads as a storyboard of the journey.
 */
export async function createTourReporter(options: ReporterOptions) {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  await mkdir(options.dir, { recursive: true });
  for (const name of await readdir(options.dir)) {
    if (name.startsWith(`${options.prefix}-`) && name.endsWith('.png')) await rm(join(options.dir, name), { force: true });
  }
  let count = 0;
  const shots: string[] = [];

  const screenshot = async (page: Page, title: string): Promise<string> => {
    count += 1;
    const file = join(options.dir, `${options.prefix}-${String(count).padStart(2, '0')}-${slugifyTitle(title)}.png`);
    await page.screenshot({ path: file as `${string}.png` });
    shots.push(file);
    return file;
  };

  return {
    /** Every screenshot saved so far, in order. */
    shots,
    /** Prints a timestamped line that is not a step (e.g. why the tour pauses). */
    note(text: string): void {
      log(`[${formatClock(now())}] · ${text}`);
    },
    /** Prints a heading line between the two flows. */
    section(title: string): void {
      log(`\n${title}`);
    },
    /**
     * Runs one step on `page`; the action may return a detail to print after the title. On failure it saves a
     * screenshot of where the page stood and throws {@link TourStepFailed}.
     */
    async step(title: string, page: Page, action: () => Promise<string | void>): Promise<string> {
      const started = Date.now();
      let detail: string | void;
      try {
        detail = await action();
      } catch (error) {
        const file = await screenshot(page, `failed-${title}`).catch(() => undefined);
        log(`[${formatClock(now())}] ✗ ${title}`);
        throw new TourStepFailed(title, reasonOf(error), file);
      }
      const file = await screenshot(page, title);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      log(`[${formatClock(now())}] ✓ ${title}${detail ? ` — ${detail}` : ''} (${seconds} s)`);
      return file;
    },
  };
}

export type TourReporter = Awaited<ReturnType<typeof createTourReporter>>;
