import ar from '../../../public/_locales/ar/messages.json';
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';

// Stands in for wxt/browser in the panel test page (a plain web page has no extension API): messages of the
// language the test chose, with the browser's own $1..$9 substitution and predefined @@bidi_dir.
const LOCALES: Record<string, Record<string, { message: string }>> = { ar, de, en };
const lang = (globalThis as { PANEL_LANG?: string }).PANEL_LANG ?? 'en';

/** The part of the extension API the panels use. */
export const browser = {
  i18n: {
    getUILanguage: () => lang,
    getMessage: (key: string, subs: string[] = []) => {
      if (key === '@@bidi_dir') return lang === 'ar' ? 'rtl' : 'ltr';
      return (LOCALES[lang]![key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    },
  },
};
