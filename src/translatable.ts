import type enMessages from '../public/_locales/en/messages.json';

/** A key of public/_locales/en/messages.json; a typo is a type error. */
export type MessageKey = keyof typeof enMessages;

/** The base of a counted message: every key `<base>_other` in messages.json (one key per plural category). */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

/** A value put into a message: text as it is, a number formatted for the language, or another message translated first. */
export type TextSub = string | number | Translatable;

/**
 * A message for a person, kept as its `_locales` key and its `$1`..`$9` values so that the page which shows it
 * translates it (the background and pure code never pick a language). A counted message names its plural base;
 * its count is `$1` and `subs` follow as `$2`...
 */
export type Translatable = { key: MessageKey; subs?: TextSub[] } | { plural: PluralBase; count: number; subs?: TextSub[] };

/** The same message with its values as plain data (strings, numbers, messages), as it crosses between contexts. */
export function normalizeTranslatable(text: Translatable): Translatable {
  const subs = (text.subs ?? []).map((sub): TextSub => (typeof sub === 'object' ? normalizeTranslatable(sub) : typeof sub === 'number' ? sub : String(sub)));
  return 'plural' in text ? { plural: text.plural, count: text.count, subs } : { key: text.key, subs };
}
