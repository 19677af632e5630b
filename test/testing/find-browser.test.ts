import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFound, findBrowserExecutable } from '../../packages/testing/src/find-browser';

const nothing = () => false;
const noDirs = () => [];

describe('findBrowserExecutable', () => {
  it('prefers the explicit path, then the environment variable, then the usual places', () => {
    const exists = (path: string) => ['/opt/mine/chrome', '/opt/env/chrome', '/usr/bin/chromium'].includes(path);
    expect(findBrowserExecutable('chromium', '/opt/mine/chrome', { CHROME_PATH: '/opt/env/chrome' }, exists, noDirs)).toBe('/opt/mine/chrome');
    expect(findBrowserExecutable('chromium', undefined, { CHROME_PATH: '/opt/env/chrome' }, exists, noDirs)).toBe('/opt/env/chrome');
    expect(findBrowserExecutable('chromium', undefined, {}, exists, noDirs)).toBe('/usr/bin/chromium');
  });

  it("finds Chrome for Testing where Puppeteer's installer puts it, newest build first", () => {
    const cache = '/cache/puppeteer';
    const list = (dir: string) => (dir === join(cache, 'chrome') ? ['linux-139.0.1', 'linux-141.0.2'] : []);
    const newest = join(cache, 'chrome', 'linux-141.0.2', 'chrome-linux64', 'chrome');
    const older = join(cache, 'chrome', 'linux-139.0.1', 'chrome-linux64', 'chrome');
    const exists = (path: string) => path === newest || path === older;
    expect(findBrowserExecutable('chromium', undefined, { PUPPETEER_CACHE_DIR: cache }, exists, list)).toBe(newest);
  });

  it('says what to install when there is no browser: Chrome for Testing, Chromium, Firefox', () => {
    const chromium = (() => {
      try {
        return findBrowserExecutable('chromium', undefined, {}, nothing, noDirs);
      } catch (error) {
        return error;
      }
    })();
    expect(chromium).toBeInstanceOf(BrowserNotFound);
    expect((chromium as BrowserNotFound).userMessage).toMatch(/Chrome for Testing.*@puppeteer\/browsers install chrome@stable/);
    expect((chromium as BrowserNotFound).userMessage).toContain('apt-get install chromium');
    expect(() => findBrowserExecutable('firefox', undefined, {}, nothing, noDirs)).toThrow(/apt-get install firefox-esr/);
    expect(() => findBrowserExecutable('firefox', undefined, { FIREFOX_PATH: '/nowhere/firefox' }, nothing, noDirs)).toThrow(/FIREFOX_PATH points to \/nowhere\/firefox/);
  });
});
