import puppeteer from 'puppeteer-core';
import { runScanSuite } from './harness/run-scan-suite';

// Real Firefox: the same checks with an MV2 background page, where scripting.executeScript({ files }) must also
// resolve the Promise that scanner.js ends with.
runScanSuite('scanner.js in Firefox (MV2)', 'firefox', async (extensionDir) => {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
  await browser.installExtension(extensionDir);
  return { browser };
});
