import { setMessageLookup } from '../src/ui/i18n';
import messagesJson from '../public/_locales/en/messages.json';

/** The English messages as the browser would serve them. */
export const englishMessages: Record<string, { message: string }> = messagesJson;

/** Makes `t()` read public/_locales/en/messages.json, substituting $1..$9 like browser.i18n.getMessage. */
export function useEnglishMessages(): void {
  setMessageLookup((key, subs) => (englishMessages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? ''));
}

// Loaded before every unit test file (vitest.config.ts): Node has no extension runtime to serve messages.
useEnglishMessages();
