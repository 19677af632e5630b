import type { Plugin } from 'vite';

/** The Shift JIS → Unicode table jsQR 1.4 carries for its Kanji mode, as its bundle declares it. */
const TABLE_START = 'exports.shiftJISTable = {';

/**
 * Builds jsQR without its 140 KB Shift JIS table (36 KB of the zip, gzipped): `src/qr/decode.ts` reads Kanji-mode
 * segments from their raw bytes with the platform's own Shift JIS decoder instead, so nothing is lost. A jsQR whose
 * bundle no longer declares the table this way stops the build, rather than shipping the table again unnoticed.
 */
export function jsqrWithoutKanjiTable(): Plugin {
  return {
    name: 'jsqr-without-kanji-table',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]jsqr[\\/]dist[\\/]jsQR\.js$/.test(id)) return undefined;
      const start = code.indexOf(TABLE_START);
      const end = start < 0 ? -1 : code.indexOf('\n};', start);
      if (start < 0 || end < 0) throw new Error('jsqr-without-kanji-table: jsQR no longer declares its Shift JIS table as expected; update the plugin.');
      return { code: `${code.slice(0, start)}exports.shiftJISTable = {};${code.slice(end + 3)}`, map: null };
    },
  };
}
