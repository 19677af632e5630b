/**
 * Builds the package: the kit bundled to JavaScript (dist/*.js), its type declarations (dist/*.d.ts, with the
 * extension's own types it refers to under dist/extension-types), and a copy of the extension's Chromium and
 * Firefox builds from the repository's .output (extension/). Run `npm run pack:testing` at the root for all steps.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const repo = join(here, '..', '..');
const dist = join(here, 'dist');
const extension = join(here, 'extension');

rmSync(dist, { recursive: true, force: true });
rmSync(extension, { recursive: true, force: true });

for (const dir of ['chrome-mv3', 'firefox-mv2']) {
  const source = join(repo, '.output', dir);
  if (!existsSync(join(source, 'manifest.json'))) {
    throw new Error(`No extension build at ${source}: run \`npm run build && npm run build:firefox\` first (or \`npm run pack:testing\`).`);
  }
  cpSync(source, join(extension, dir), { recursive: true });
}

await build({
  entryPoints: [join(here, 'src', 'index.ts'), join(here, 'src', 'playwright.ts')],
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['puppeteer-core', 'playwright-core'],
  // Chunks beside the entries: the kit finds the extension at ../extension from its own file.
  chunkNames: 'shared-[hash]',
  logLevel: 'warning',
});

// Declarations: emitted under the repository's layout, then flattened so dist/index.d.ts sits beside dist/index.js.
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.build.json')], { stdio: 'inherit' });
const raw = join(dist, 'types-raw');
const kitTypes = join(raw, 'packages', 'testing', 'src');
for (const file of readdirSync(kitTypes)) renameSync(join(kitTypes, file), join(dist, file));
renameSync(join(raw, 'src'), join(dist, 'extension-types'));
rmSync(raw, { recursive: true });

// A JSON file the extension's types read (the message keys) becomes a declaration of its top-level keys, since a
// consumer's resolution (node16, no resolveJsonModule) cannot import JSON from a declaration file.
const jsonDeclaration = (file, specifier) => {
  const source = join(repo, 'src', relative(join(dist, 'extension-types'), dirname(file)), specifier);
  const keys = Object.keys(JSON.parse(readFileSync(source, 'utf8')));
  const name = relative(repo, source).replace(/\.json$/, '').replace(/[^a-z0-9]+/gi, '-');
  const target = join(dist, 'extension-types', 'json', `${name}.d.ts`);
  mkdirSync(dirname(target), { recursive: true });
  const members = keys.map((key) => `  readonly ${JSON.stringify(key)}: unknown;`).join('\n');
  writeFileSync(target, `declare const data: {\n${members}\n};\nexport default data;\n`);
  const path = relative(dirname(file), target).replace(/\.d\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
};

// ESM resolution (moduleResolution node16/nodenext) wants explicit extensions, also in declaration files.
const withExtension = (file, specifier) => {
  if (specifier.endsWith('.json')) return jsonDeclaration(file, specifier);
  const target = join(dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`${relative(here, file)} imports ${specifier}, which has no declaration file.`);
};
const declarations = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? declarations(path) : name.endsWith('.d.ts') ? [path] : [];
  });
for (const file of declarations(dist)) {
  const text = readFileSync(file, 'utf8')
    .replaceAll("'../../../src/", "'./extension-types/")
    .replace(/(from |import\()'(\.\.?\/[^']+)'/g, (_, keyword, specifier) => `${keyword}'${withExtension(file, specifier)}'`);
  writeFileSync(file, text);
}
console.log(`Built ${relative(repo, dist)} and ${relative(repo, extension)}.`);
