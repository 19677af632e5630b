import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The in-page panels' modules (fill controller, enrolment offer) bundled for a plain test page, with the panel
 * messages served from public/_locales by a stand-in for the extension API. Returns the script's text.
 */
export async function bundlePanelPage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./panel-page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    alias: { 'wxt/browser': fileURLToPath(new URL('./stub-browser.ts', import.meta.url)) },
  });
  return result.outputFiles[0]!.text;
}
