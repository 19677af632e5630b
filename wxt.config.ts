import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { CHROME_MANIFEST_KEY, GECKO_ID } from './src/extension-ids';
import { jsqrWithoutKanjiTable } from './scripts/build/jsqr-without-kanji-table';

// See the README ("Permissions") for why each permission is needed.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({
    plugins: [preact(), jsqrWithoutKanjiTable()],
    // Rolldown's constant inlining copies tldts's 70 KB public-suffix label string into each place it is read: three
    // copies, 110 KB of the background's gzipped size instead of 45 KB.
    build: { rolldownOptions: { optimization: { inlineConst: false } } },
  }),
  hooks: {
    // JSON ships without its indentation: the three message files are a fifth of the zip.
    'build:publicAssets': (_wxt, files) => {
      files.forEach((file, index) => {
        if ('absoluteSrc' in file && file.relativeDest.endsWith('.json')) {
          files[index] = { relativeDest: file.relativeDest, contents: JSON.stringify(JSON.parse(readFileSync(file.absoluteSrc, 'utf8'))) };
        }
      });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: ['<all_urls>'],
    // The one content script: every http(s) page and frame, once the page is idle (entrypoints/content-script.ts).
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], all_frames: true, run_at: 'document_idle', js: ['content-script.js'] }],
    commands: {
      'fill-code': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_commandFillCode__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          key: CHROME_MANIFEST_KEY,
          // The organisation's managed settings (docs/policies); Firefox reads them from policies.json instead.
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
  // The tester kit's build (it carries a copy of the extension) is no source of the extension.
  zip: { excludeSources: ['test-results/**', 'bench-results/**', '.output/**', 'packages/testing/dist/**', 'packages/testing/extension/**'] },
});
