import browser from 'webextension-polyfill';
import type enMessages from '../../public/_locales/en/messages.json';

/** A key of public/_locales/en/messages.json; a typo is a type error. */
export type MessageKey = keyof typeof enMessages;

/** Looks up one message with its `$1`..`$9` substitutions already applied. */
export type MessageLookup = (key: string, substitutions: string[]) => string;

const lookupFromBrowser: MessageLookup = (key, substitutions) =>
  (browser.i18n.getMessage as (name: string, subs?: string[]) => string)(key, substitutions);

let lookup: MessageLookup = lookupFromBrowser;

/** Replaces where messages come from (tests read messages.json directly, since there is no extension runtime). */
export function setMessageLookup(next: MessageLookup = lookupFromBrowser): void {
  lookup = next;
}

/** The user-visible text for `key` in the browser's language, with `$1`, `$2`... replaced by `subs`. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  // A missing message shows its key rather than an empty control: visible in review, never silent.
  return lookup(key, subs.map(String)) || key;
}
