import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';

type Messages = Record<string, { message: string }>;

/** One locale's messages.json. */
export const readMessages = (locale: string): Messages => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;

/**
 * The pieces of English a page in `locale` must not show: each English message cut at its $1..$9, keeping the
 * pieces long enough to be words of a sentence and not also part of the locale's own text (product names).
 */
export function englishOnlyFragments(locale: string): string[] {
  const english = readMessages('en');
  const translated = Object.values(readMessages(locale)).map((m) => m.message).join('\n');
  const fragments = Object.values(english).flatMap(({ message }) => message.split(/\$[1-9]/).map((piece) => piece.trim()));
  return [...new Set(fragments)].filter((piece) => piece.length >= 5 && /[A-Za-z]{3}/.test(piece) && !translated.includes(piece));
}

/** Everything a person or a screen reader gets from the page: its text, title and the named attributes. */
export async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
}

/** The English pieces found in the page's readable text (none is the goal). */
export async function findEnglish(page: Page, locale: string): Promise<string[]> {
  const text = await readableText(page);
  return englishOnlyFragments(locale).filter((piece) => text.includes(piece));
}
