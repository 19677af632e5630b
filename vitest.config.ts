import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { jsqrWithoutKanjiTable } from './scripts/build/jsqr-without-kanji-table';

// Unit tests run in parallel; end-to-end tests drive real browsers, so they run one file at a time.
export default defineConfig({
  // jsQR as the extension ships it (without its Shift JIS table), inlined so that the plugin applies to it.
  plugins: [WxtVitest(), jsqrWithoutKanjiTable()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/**/*.e2e.test.ts'],
          setupFiles: ['test/english-messages.ts'],
          // The popup's styles are served as text: tests see the real text rather than an empty stand-in.
          css: { include: [/src\/ui\/.*\.css/] },
          testTimeout: 30_000,
          server: { deps: { inline: ['jsqr'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
