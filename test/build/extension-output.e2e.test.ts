import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../src/extension-ids';
import { extensionOutputDir, PACKAGE_ROOT } from '../../src/testing/extension-build';

// Checks the built extensions (npm test builds them first): manifest hygiene and the Firefox linter.

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

describe.each(['chromium', 'firefox'] as const)('the %s build', (browser) => {
  const dir = extensionOutputDir(browser);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('exposes no web-accessible resources and keeps the default content security policy', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('loads no remote code: every script a page loads is a file of the extension', () => {
    for (const page of listFiles(dir).filter((f) => f.endsWith('.html'))) {
      const sources = [...readFileSync(page, 'utf8').matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
      expect(sources.length, page).toBeGreaterThan(0);
      for (const src of sources) expect(src, page).not.toMatch(/^(https?:)?\/\//);
    }
  });

  it('asks only for the permissions the README explains', () => {
    const permissions = [...((manifest.permissions as string[]) ?? []), ...((manifest.host_permissions as string[]) ?? [])].sort();
    expect(permissions).toEqual(['<all_urls>', 'activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
  });
});

describe('the popup page', () => {
  it('sends its opening request from a small script ahead of its module, and serves no page from the background', () => {
    const html = readFileSync(join(extensionOutputDir('chromium'), 'popup.html'), 'utf8');
    expect(html.indexOf('popup-ask.js')).toBeGreaterThan(0);
    expect(html.indexOf('popup-ask.js')).toBeLessThan(html.indexOf('<script type="module"'));
    const worker = readFileSync(join(extensionOutputDir('chromium'), 'background.js'), 'utf8');
    expect(worker).not.toMatch(/respondWith|addRoutes/);
  });
});

describe('bundling', () => {
  it.each(['chromium', 'firefox'] as const)('the %s background carries the public suffix list once', (browser) => {
    const worker = readFileSync(join(extensionOutputDir(browser), 'background.js'), 'utf8');
    // A label only the list's private section has: a bundler that inlines the list's string at each use copies it.
    expect(worker.split('is-a-techie').length - 1).toBe(1);
  });

  it.each(['chromium', 'firefox'] as const)('the %s background carries jsQR without its Shift JIS table, and the decoder that replaces it', (browser) => {
    const worker = readFileSync(join(extensionOutputDir(browser), 'background.js'), 'utf8');
    // The table's first Kanji entry (0x8140 → U+3000), as a minifier writes it; the platform decoder reads them instead.
    expect(worker).not.toMatch(/33088:12288|0x8140:\s*0x3000/i);
    expect(worker).toContain('shift_jis');
  });

  it.each(['chromium', 'firefox'] as const)('the %s build ships its JSON (the message files) without indentation', (browser) => {
    const messages = readFileSync(join(extensionOutputDir(browser), '_locales', 'en', 'messages.json'), 'utf8');
    expect(messages).not.toContain('\n');
    expect(JSON.parse(messages)).toEqual(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'public', '_locales', 'en', 'messages.json'), 'utf8')));
  });
});

describe('build identity', () => {
  it('the Chromium build carries the key that fixes its id, and Firefox its add-on id', () => {
    const chrome = JSON.parse(readFileSync(join(extensionOutputDir('chromium'), 'manifest.json'), 'utf8'));
    const firefox = JSON.parse(readFileSync(join(extensionOutputDir('firefox'), 'manifest.json'), 'utf8'));
    const hash = createHash('sha256').update(Buffer.from(chrome.key, 'base64')).digest('hex').slice(0, 32);
    expect([...hash].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('')).toBe(CHROME_EXTENSION_ID);
    expect(firefox.browser_specific_settings.gecko.id).toBe('portal-authenticator@portal-authenticator.dev');
    expect(firefox.key).toBeUndefined();
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    expect(chrome.version).toBe(pkg.version);
    expect(firefox.version).toBe(pkg.version);
  });

  it('the Firefox build passes web-ext lint without errors', () => {
    const out = execFileSync('npx', ['web-ext', 'lint', '-s', extensionOutputDir('firefox'), '--output', 'json'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    const report = JSON.parse(out) as { errors: Array<{ code: string }> };
    expect(report.errors.map((e) => e.code)).toEqual([]);
  });
});
