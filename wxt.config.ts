import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { CHROME_MANIFEST_KEY, GECKO_ID } from './src/extension-ids';

// See the README ("Permissions") for why each permission is needed.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The always-on content script uses the browser's own API instead of the polyfill (src/content/native-browser).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'content')) return;
      const nativeBrowser = fileURLToPath(new URL('./src/content/native-browser.ts', import.meta.url));
      const alias = config.resolve?.alias;
      const entries = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [{ find: /^webextension-polyfill$/, replacement: nativeBrowser }, ...entries] };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: ['<all_urls>'],
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
