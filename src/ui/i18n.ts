import { browser } from 'wxt/browser';
import type { MessageKey, PluralBase, TextSub, Translatable } from '../translatable';

export type { MessageKey, PluralBase };

/** The plural categories of Intl.PluralRules; a counted message has one key per category (`<base>_<category>`). */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** Looks up one message with its `$1`..`$9` substitutions already applied. */
export type MessageLookup = (key: string, substitutions: string[]) => string;

const lookupFromBrowser: MessageLookup = (key, substitutions) =>
  (browser.i18n as unknown as { getMessage(name: string, subs?: string[]): string }).getMessage(key, substitutions);

let lookup: MessageLookup = lookupFromBrowser;
let language: (() => string) | undefined;

/** Replaces where messages come from (tests read messages.json directly, since there is no extension runtime). */
export function setMessageLookup(next: MessageLookup = lookupFromBrowser, uiLanguage?: () => string): void {
  lookup = next;
  language = uiLanguage;
}

/** The user-visible text for `key` in the browser's language, with `$1`, `$2`... replaced by `subs` (numbers in its digits). */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  // A missing message shows its key rather than an empty control: visible in review, never silent.
  return lookup(key, subs.map((sub) => (typeof sub === 'number' ? formatNumber(sub) : sub))) || key;
}

/** The browser's UI language (the one its messages are in), as a BCP 47 tag for Intl. */
export function uiLanguage(): string {
  if (language) return language();
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** A counted message in the right plural form of the UI language ("1 minute", "14 minutes"); `$1` is the count, `subs` follow. */
export function tPlural(base: PluralBase, count: number, ...subs: Array<string | number>): string {
  const category = new Intl.PluralRules(uiLanguage()).select(count) as PluralCategory;
  return t(`${base}_${category}` as MessageKey, formatNumber(count), ...subs);
}

/** A number in the UI language's digits and grouping ("1,234", "1.234", "١٬٢٣٤"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}

/** A message carried as key and values (an error's, a scan note, a skip reason) in the UI language. */
export function translate(text: Translatable): string {
  const subs = (text.subs ?? []).map(translateValue);
  return 'plural' in text ? tPlural(text.plural, text.count, ...subs) : t(text.key, ...subs);
}

/** A value put into a message, as text: a number in the UI language's digits, a message translated, text as it is. */
export function translateValue(sub: TextSub): string {
  if (typeof sub === 'number') return formatNumber(sub);
  return typeof sub === 'string' ? sub : translate(sub);
}

/** The UI language's writing direction, from the browser's predefined `@@bidi_dir` message. */
export function textDirection(): 'ltr' | 'rtl' {
  return lookup('@@bidi_dir', []) === 'rtl' ? 'rtl' : 'ltr';
}

/** Sets the page's language and writing direction (`@@bidi_dir`: "rtl" for Arabic) from the browser's UI language. */
export function applyPageLanguage(doc: Document = document): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = textDirection();
}

/** A moment as date and time in the UI language's own format. */
export function formatDateTime(at: Date | number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
}

/** A moment as a date in the UI language's own format. */
export function formatDate(at: Date | number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(at);
}

/** A moment as a time of day in the UI language's own format. */
export function formatTime(at: Date | number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'medium' }).format(at);
}
