import { rmSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { imageRoutes, scanCases, type ScanReport } from './scan-suite';
import { createTestExtension } from './test-extension';

/** Runs every scan case in one browser: serves the pages on one origin and the QR image on another, loads the test extension and checks each report. */
export function runScanSuite(
  title: string,
  target: 'chrome' | 'firefox',
  launch: (extensionDir: string) => Promise<{ browser: Browser; cleanUp?: () => void }>,
  options: { skipDeviceScale?: boolean } = {},
): void {
  describe(title, () => {
    let browser: Browser | undefined;
    let cleanUp: (() => void) | undefined;
    let extensionDir: string | undefined;
    let pagesServer: FixtureServer;
    let imageServer: FixtureServer;
    const timings: string[] = [];

    beforeAll(async () => {
      imageServer = await startFixtureServer(imageRoutes);
      pagesServer = await startFixtureServer(Object.fromEntries(scanCases.map((c, i) => [`/case-${i}`, () => c.html(imageServer.origin)])));
      extensionDir = await createTestExtension(target);
      ({ browser, cleanUp } = await launch(extensionDir));
    });

    afterAll(async () => {
      await browser?.close();
      cleanUp?.();
      if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
      await pagesServer?.close();
      await imageServer?.close();
      if (timings.length) console.log(`scanTab timings, ${title}:\n${timings.join('\n')}`);
    });

    scanCases.forEach((scanCase, index) => {
      if (options.skipDeviceScale && scanCase.deviceScaleFactor) return;
      it(scanCase.name, async () => {
        const page = await browser!.newPage();
        try {
          await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: scanCase.deviceScaleFactor ?? 1 });
          await page.goto(`${pagesServer.origin}/case-${index}#scan`);
          await page.waitForFunction(() => document.documentElement.hasAttribute('data-scan-report'), { timeout: 20_000 });
          const json = await page.evaluate(() => document.documentElement.getAttribute('data-scan-report'));
          const report = JSON.parse(json!) as ScanReport;
          if (!report.ok) throw new Error(`scan failed: ${report.raw}`);
          timings.push(`  ${scanCase.name}: ${report.ms.toFixed(0)} ms`);
          const expected = target === 'firefox' && scanCase.firefoxSource
            ? scanCase.expected.map((f) => ({ ...f, source: scanCase.firefoxSource }))
            : scanCase.expected;
          expect(report.result.found, `notes: ${report.result.notes.join(' | ')}`).toEqual(expected);
        } finally {
          await page.close();
        }
      });
    });
  });
}
