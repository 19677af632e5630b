import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string }>;

const LOCALES_DIR = 'public/_locales';
/** Every locale the extension ships; a new folder must be added here on purpose. */
const LOCALES = ['ar', 'de', 'en'];

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const sources = [...listSources('src'), ...listSources('entrypoints'), 'wxt.config.ts'];
const sourceText = new Map(sources.map((file) => [file, readFileSync(file, 'utf8')]));
// A key is used where it is written as a string (t('key'), a key chosen by a condition) or as __MSG_key__.
const used = new Set([...sourceText.values()].flatMap((text) => [...text.matchAll(/['"`]([A-Za-z][A-Za-z0-9_]*)['"`]|__MSG_([A-Za-z0-9_]+)__/g)].map((m) => (m[1] ?? m[2])!)));
const englishKeys = Object.keys(english);
const placeholdersOf = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();
const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const readLocale = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;

describe('messages', () => {
  it('ships exactly the listed locales', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(LOCALES);
  });

  it('has every key the code uses, and no unused ones', () => {
    const keyLike = [...used].filter((word) => /^[a-z]+_[a-z0-9_]+$/.test(word) || /^(ext|menu|command)[A-Z]/.test(word));
    const calledWith = [...sourceText.values()].flatMap((text) => [...text.matchAll(/\b(?:t|getMessage)\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!));
    expect(calledWith.length).toBeGreaterThan(100);
    expect(calledWith.filter((key) => !(key in english))).toEqual([]);
    expect(keyLike.length).toBeGreaterThan(0);
    // A counted message is used by its base (tPlural('autolock_minutes', n) reads autolock_minutes_<category>).
    const isUsed = (key: string) => used.has(key) || used.has(key.replace(PLURAL_SUFFIX, ''));
    expect(englishKeys.filter((key) => !isUsed(key))).toEqual([]);
  });

  it.each(LOCALES)('%s has every English key, none empty, with the same $1..$9 substitutions', (locale) => {
    const messages = readLocale(locale);
    expect(englishKeys.filter((key) => !(key in messages))).toEqual([]);
    expect(Object.keys(messages).filter((key) => !(key in english))).toEqual([]);
    for (const key of englishKeys) {
      const message = messages[key]?.message ?? '';
      expect(message.trim(), `${locale}:${key}`).not.toBe('');
      const expected = placeholdersOf((english as Messages)[key]!.message);
      // A plural form may say its number in words ("zwei", "دقيقتان"); every other message keeps each substitution.
      if (PLURAL_SUFFIX.test(key)) expect(expected, `${locale}:${key}`).toEqual(expect.arrayContaining(placeholdersOf(message)));
      else expect(placeholdersOf(message), `${locale}:${key}`).toEqual(expected);
      // A lone "$" would be read as a placeholder reference; only $1..$9 are meant.
      expect(message.replace(/\$[1-9]/g, ''), `${locale}:${key}`).not.toContain('$');
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
    }
  });

  it('gives every counted message all six plural categories', () => {
    const bases = new Set(englishKeys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
    expect(bases.size).toBeGreaterThan(0);
    for (const base of bases) for (const category of PLURAL_CATEGORIES) expect(englishKeys, base).toContain(`${base}_${category}`);
  });

  it.each(['ar', 'de'])('%s is translated, not a copy of the English', (locale) => {
    const messages = readLocale(locale);
    // Product and standard names (and a few words both languages share) may stay as they are; the rest may not.
    const same = englishKeys.filter((key) => messages[key]!.message === (english as Messages)[key]!.message);
    expect(same.filter((key) => !SAME_IN_EVERY_LANGUAGE.has(key) && !SAME_WORD[locale]?.includes(key))).toEqual([]);
  });
});

/** Keys whose text is a name, not a sentence: the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['app_name', 'extName']);

/** Words a language writes as English does (German says "Passphrase", "Import", "Export", "Version" too). */
const SAME_WORD: Record<string, string[]> = { de: ['field_passphrase', 'import_title', 'export_title', 'about_version'] };

/** Placeholders that are examples of input (an address, a key), not words to translate. */
const EXAMPLE_PLACEHOLDER = /^(otpauth:|https:\/\/|[A-Z0-9 ]+$|[a-z]+@example\.com$|JumpCloud$)/;

/** User-facing literals in a component: text between tags, and the attributes a screen reader or a tooltip says. */
function findComponentLiterals(text: string): string[] {
  const found: string[] = [];
  const code = text.replace(/(^|\s)\/\/.*$/gm, '$1').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of code.matchAll(/(?<![=-])>([^<>{}]*)</g)) {
    const words = m[1]!.trim();
    // Tag-like text inside types or arrows (`=> x <`) is not JSX text; algorithm names are standard terms.
    if (/[A-Za-z]{2,}/.test(words) && !/[=;()]/.test(words) && !/^[A-Z0-9-]+$/.test(words)) found.push(words);
  }
  for (const m of code.matchAll(/\b(aria-label|title|placeholder|alt)=(?:"([^"]*)"|\{'([^']*)'\}|\{`([^`]*)`\})/g)) {
    const value = (m[2] ?? m[3] ?? m[4])!;
    if (/[A-Za-z]{2,}/.test(value) && !(m[1] === 'placeholder' && EXAMPLE_PLACEHOLDER.test(value))) found.push(`${m[1]}=${value}`);
  }
  return found;
}

/** User-facing literals in the in-page panels: strings handed to the panel builders or written as text. */
function findPanelLiterals(text: string): string[] {
  const pattern = /\b(?:addText|addButton|createShadowPanel|showPanel)\((?:[\w.]+,\s*)?(['"`][^'"`]*['"`])|\.textContent\s*=\s*(['"`][^'"`]*['"`])/g;
  return [...text.matchAll(pattern)].map((m) => (m[1] ?? m[2])!).filter((literal) => /[A-Za-z]{2,}/.test(literal));
}

describe('no user-facing literal outside _locales', () => {
  const components = sources.filter((file) => file.endsWith('.tsx'));
  const panels = sources.filter((file) => /^src\/(content|page-ui)\//.test(file));

  it('finds the literals it looks for (the scan itself works)', () => {
    expect(findComponentLiterals('<p>Hello there</p><button aria-label="Close" title={\'Shut\'}/>')).toEqual(['Hello there', 'aria-label=Close', 'title=Shut']);
    expect(findComponentLiterals('<input placeholder="https://portal.example.com"/><option>SHA-1</option><p>{t(\'x\')}</p>')).toEqual([]);
    expect(findPanelLiterals("addButton(row, 'Not now', close); showPanel(t('x'), a); el.textContent = `Wait`;")).toEqual(["'Not now'", '`Wait`']);
  });

  it.each(components)('%s', (file) => {
    expect(findComponentLiterals(sourceText.get(file)!)).toEqual([]);
  });

  it.each(panels)('%s', (file) => {
    expect(findPanelLiterals(sourceText.get(file)!)).toEqual([]);
  });
});
