import type { SkippedEntry } from '../src/import/types';
import type { TextSub } from '../src/translatable';
import { setMessageLookup, translateValue } from '../src/ui/i18n';
import messagesJson from '../public/_locales/en/messages.json';

/** The English messages as the browser would serve them. */
export const englishMessages: Record<string, { message: string }> = messagesJson;

/** Makes `t()` read public/_locales/en/messages.json, substituting $1..$9 like browser.i18n.getMessage. */
export function useEnglishMessages(): void {
  setMessageLookup((key, subs) => (englishMessages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? ''));
}

// Loaded before every unit test file (vitest.config.ts): Node has no extension runtime to serve messages.
useEnglishMessages();

/** A message carried as key and values (an error's, a skip reason, a scan note) in English, as the pages show it. */
export function english(text: TextSub): string {
  return translateValue(text);
}

/** Skipped or refused entries with their label and reason in English. */
export function englishEntries(entries: readonly SkippedEntry[]): Array<{ label: string; reason: string }> {
  return entries.map((entry) => ({ label: english(entry.label), reason: english(entry.reason) }));
}
