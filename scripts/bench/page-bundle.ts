import { build } from 'esbuild';
import { PACKAGE_ROOT } from '../../src/testing/extension-build';

/**
 * Bundles a small entry module (source text, imports resolved from the package root) into one minified
 * classic script, so product code can be added to an ordinary web page with `page.addScriptTag`.
 */
export async function bundleForPage(entrySource: string): Promise<string> {
  const result = await build({
    stdin: { contents: entrySource, resolveDir: PACKAGE_ROOT, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
