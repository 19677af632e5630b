/** Renders public/icon/icon.svg to the PNG sizes the manifest needs, with headless Chromium. Run: npx tsx scripts/draw-icons.ts */
import { readFileSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { findBrowserExecutable } from '../packages/testing/src/find-browser';

const svg = readFileSync('public/icon/icon.svg', 'utf8');
const browser = await puppeteer.launch({ executablePath: findBrowserExecutable('chromium'), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewport({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true, type: 'png' }));
}
await browser.close();
