import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { runScanSuite } from './harness/run-scan-suite';

// Real Chromium: scanner.js from `wxt build` is injected with scripting.executeScript({ files }), its Promise result
// comes back to a service worker running scanTab, which crops captureVisibleTab screenshots when needed.
runScanSuite('scanner.js in Chromium (MV3)', 'chrome', async (extensionDir) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'qr-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const id = await browser.installExtension(extensionDir);
  await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().includes(id));
  return { browser, cleanUp: () => rmSync(userDataDir, { recursive: true, force: true }) };
});
