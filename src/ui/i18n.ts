import { browser } from 'wxt/browser';
import type enMessages from '../../public/_locales/en/messages.json';

/** A key of public/_locales/en/messages.json; a typo is a type error. */
export type MessageKey = keyof typeof enMessages;

/** The plural categories of Intl.PluralRules; a counted message has one key per category (`<base>_<category>`). */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** The base of a counted message: every key `<base>_other` in messages.json. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

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

/** The user-visible text for `key` in the browser's language, with `$1`, `$2`... replaced by `subs`. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  // A missing message shows its key rather than an empty control: visible in review, never silent.
  return lookup(key, subs.map(String)) || key;
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

/** A counted message in the right plural form of the UI language ("1 minute", "14 minutes"); `$1` is the count. */
export function tPlural(base: PluralBase, count: number): string {
  const category = new Intl.PluralRules(uiLanguage()).select(count) as PluralCategory;
  return t(`${base}_${category}` as MessageKey, new Intl.NumberFormat(uiLanguage()).format(count));
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
