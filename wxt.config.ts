import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export const GECKO_ID = 'portal-authenticator@portal-authenticator.dev';

// See the README ("Permissions") for why each permission is needed.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Portal Authenticator',
    description: 'Fills one-time codes into your company portal from an encrypted vault in your browser.',
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'contextMenus', 'idle'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['test-results/**', 'bench-results/**', '.output/**'] },
});
