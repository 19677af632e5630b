import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Runs `wxt build` for scanner.js alone into a temp folder (the shared .output is left alone) and returns the file. */
export function buildScanner(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'qr-scanner-build-'));
  execFileSync('npx', ['wxt', 'build', '-c', 'test/qr/harness/wxt.scanner.config.ts'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, QR_SCANNER_OUT_DIR: outDir },
  });
  return join(outDir, 'chrome-mv3/scanner.js');
}

/** Writes a throwaway extension holding the built scanner.js and a background that runs scanTab on #scan pages. */
export async function createTestExtension(target: 'chrome' | 'firefox'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `qr-ext-${target}-`));
  const scannerPath = buildScanner();
  copyFileSync(scannerPath, join(dir, 'scanner.js'));
  rmSync(resolve(scannerPath, '../..'), { recursive: true, force: true });
  await build({
    entryPoints: [join(import.meta.dirname, 'background-entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    outfile: join(dir, 'background.js'),
    logLevel: 'silent',
  });
  const manifest =
    target === 'chrome'
      ? {
          manifest_version: 3,
          name: 'QR scan test',
          version: '1.0',
          permissions: ['scripting', 'tabs'],
          host_permissions: ['<all_urls>'],
          background: { service_worker: 'background.js' },
        }
      : {
          manifest_version: 2,
          name: 'QR scan test',
          version: '1.0',
          permissions: ['scripting', 'tabs', '<all_urls>'],
          background: { scripts: ['background.js'] },
          browser_specific_settings: { gecko: { id: 'qr-scan-test@example.com', strict_min_version: '128.0' } },
        };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
