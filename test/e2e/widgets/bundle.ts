import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'pages');
/** Shared modules of the pages, not pages themselves. */
const SHARED = new Set(['report.ts', 'react-mfa.ts']);

/** The widget pages' names (their file names without `.ts`). */
export async function listWidgetPages(): Promise<string[]> {
  return (await readdir(PAGES_DIR)).filter((f) => f.endsWith('.ts') && !SHARED.has(f)).map((f) => f.slice(0, -3));
}

/**
 * Bundles every widget page with the real libraries (esbuild, as vite and wxt already ship it) into a fresh temp
 * folder: `<name>.js` and, for pages importing a stylesheet, `<name>.css`. Kept out of the extension's build.
 */
export async function bundleWidgetPages(): Promise<string> {
  const outdir = await mkdtemp(join(tmpdir(), 'widget-pages-'));
  const pages = await listWidgetPages();
  await build({
    entryPoints: pages.map((name) => join(PAGES_DIR, `${name}.ts`)),
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  return outdir;
}
