import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { PortalError } from '../src/errors';
import { decryptBackup } from '../src/vault';
import { readImportFile } from '../src/import';
import { accountFromManualEntry, formatMigrationUris, parseMigrationUri, parseOtpauthUri, type OtpAccount } from '../src/otp';
import { checkPassphraseAgainstPolicy, requirePlainExportAllowed } from '../src/policy';
import { validateSettings } from '../src/settings/settings-store';
import { normalizeOrigin } from '../src/sites/origin-binding';
import { parseSitePattern } from '../src/sites/policy-pattern';
import type { Translatable } from '../src/translatable';
import { setMessageLookup, translate } from '../src/ui/i18n';
import { useEnglishMessages } from './english-messages';

type Messages = Record<string, { message: string }>;

const LOCALES = ['en', 'de', 'ar'] as const;
const messages = Object.fromEntries(
  LOCALES.map((locale) => [locale, JSON.parse(readFileSync(join('public/_locales', locale, 'messages.json'), 'utf8')) as Messages]),
) as Record<(typeof LOCALES)[number], Messages>;

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const files = [...listSources('src'), ...listSources('entrypoints')].map((path) => ({
  path,
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
}));

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** Every class in src that is a PortalError, found from `extends` clauses (a new error class is found without a list). */
function findErrorClasses(): Set<string> {
  const parents = new Map<string, string>();
  for (const { source } of files) {
    walk(source, (node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const base = node.heritageClauses?.flatMap((clause) => clause.types).find((type) => ts.isIdentifier(type.expression));
      if (base) parents.set(node.name.text, (base.expression as ts.Identifier).text);
    });
  }
  const isError = (name: string, seen = new Set<string>()): boolean =>
    name === 'PortalError' || (!seen.has(name) && parents.has(name) && isError(parents.get(name)!, seen.add(name)));
  return new Set(['PortalError', ...[...parents.keys()].filter((name) => isError(name))]);
}

/** Functions that build an error from the same three arguments as the constructor (code, English, message key). */
const ERROR_FACTORIES = new Set(['otpError', 'vaultError', 'invalid']);

interface ErrorSite {
  where: string;
  english: ts.Expression | undefined;
  text: ts.Expression | undefined;
  /** The file's constant strings (`const EXAMPLE = '…'`), which an English message may put in. */
  constants: Map<string, string>;
}

/** A file's constant strings, and its constant messages without values (`const X = { key: '…' }`) as their English. */
function findConstants(source: ts.SourceFile): Map<string, string> {
  const constants = new Map<string, string>();
  walk(source, (node) => {
    if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || !node.initializer) return;
    const list = node.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return;
    const value = literalText(node.initializer) ?? plainMessage(node.initializer);
    if (value !== undefined) constants.set(node.name.text, value);
  });
  return constants;
}

/** The English of a message written as `{ key: '…' }` with no values. */
function plainMessage(expression: ts.Expression): string | undefined {
  if (!ts.isObjectLiteralExpression(expression) || propertyOf(expression, 'subs')) return undefined;
  const key = literalText(propertyOf(expression, 'key'));
  return key === undefined ? undefined : messages.en[key]?.message;
}

function findErrorSites(): ErrorSite[] {
  const classes = findErrorClasses();
  const sites: ErrorSite[] = [];
  for (const { path, source } of files) {
    const constants = findConstants(source);
    walk(source, (node) => {
      const isNew = ts.isNewExpression(node) && ts.isIdentifier(node.expression) && classes.has(node.expression.text);
      const isFactory = ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ERROR_FACTORIES.has(node.expression.text);
      if (!isNew && !isFactory) return;
      const args = (node as ts.NewExpression | ts.CallExpression).arguments ?? ts.factory.createNodeArray();
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      sites.push({ where: `${path}:${line}`, english: args[1], text: args[2], constants });
    });
  }
  return sites;
}

function propertyOf(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name) return property.initializer;
  }
  return undefined;
}

function literalText(expression: ts.Expression | undefined): string | undefined {
  return expression && (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) ? expression.text : undefined;
}

/** The English wording with every value left open (`The ${field} must be text.` → "The {} must be text."); constants put in. */
function englishShape(expression: ts.Expression, constants: Map<string, string>): string | undefined {
  const literal = literalText(expression);
  if (literal !== undefined) return literal;
  if (!ts.isTemplateExpression(expression)) return undefined;
  const valueOf = (span: ts.TemplateSpan) => (ts.isIdentifier(span.expression) && constants.get(span.expression.text)) || '{}';
  return expression.head.text + expression.templateSpans.map((span) => `${valueOf(span)}${span.literal.text}`).join('');
}

/** A message with its `$1`..`$9` left open the same way; a value that is a constant, or a message without values, put in. */
function messageShape(message: string, text: ts.ObjectLiteralExpression, constants: Map<string, string>): string {
  const subs = propertyOf(text, 'subs');
  const values = subs && ts.isArrayLiteralExpression(subs) ? subs.elements : ts.factory.createNodeArray<ts.Expression>();
  return message.replace(/\$([1-9])/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    if (!value) return '{}';
    return (ts.isIdentifier(value) ? constants.get(value.text) : plainMessage(value)) ?? '{}';
  });
}

/** The keys a message key or plural base stands for. */
const keysOf = (text: { key?: string; plural?: string }) =>
  text.key ? [text.key] : ['zero', 'one', 'two', 'few', 'many', 'other'].map((category) => `${text.plural}_${category}`);

const sites = findErrorSites();

describe('every typed error carries a message key in every language', () => {
  it('finds the errors it checks (the scan itself works)', () => {
    expect(findErrorClasses()).toEqual(expect.objectContaining(new Set(['PortalError', 'OtpError', 'VaultError', 'ImportError', 'SiteError', 'PolicyError', 'FillError'])));
    expect(sites.length).toBeGreaterThan(150);
  });

  it('gives every error site a message (the text argument)', () => {
    expect(sites.filter((site) => site.text === undefined).map((site) => site.where)).toEqual([]);
  });

  it('names, at every site that writes its key out, a key present in en, de and ar', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const site of sites) {
      if (!site.text || !ts.isObjectLiteralExpression(site.text)) continue;
      const key = literalText(propertyOf(site.text, 'key'));
      const plural = literalText(propertyOf(site.text, 'plural'));
      if (key === undefined && plural === undefined) continue;
      checked++;
      for (const name of keysOf({ key, plural })) {
        for (const locale of LOCALES) if (!messages[locale][name]?.message.trim()) missing.push(`${site.where} ${locale}:${name}`);
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it('has every message key written in src (errors, skip reasons, scan notes) in en, de and ar', () => {
    const keyLike = /^(error|import_skip|import_label|scan_note|payload)_[a-z0-9_]+$/;
    const written = new Set<string>();
    for (const { source } of files) {
      walk(source, (node) => {
        if (!(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) || !keyLike.test(node.text)) return;
        // A family of keys named by its start (`key.startsWith('error_otp_secret')`) is no key itself.
        const call = node.parent;
        const isPrefix = ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'startsWith';
        if (!isPrefix) written.add(node.text);
      });
    }
    expect(written.size).toBeGreaterThan(200);
    const present = (name: string, locale: (typeof LOCALES)[number]) => Boolean(messages[locale][name] ?? messages[locale][`${name}_other`]);
    expect([...written].flatMap((name) => LOCALES.filter((locale) => !present(name, locale)).map((locale) => `${locale}:${name}`))).toEqual([]);
  });

  it('words the English message file as the error’s own English userMessage', () => {
    const differ: string[] = [];
    let compared = 0;
    for (const site of sites) {
      if (!site.english || !site.text || !ts.isObjectLiteralExpression(site.text)) continue;
      const key = literalText(propertyOf(site.text, 'key'));
      const shape = englishShape(site.english, site.constants);
      if (key === undefined || shape === undefined) continue;
      compared++;
      const expected = messageShape(messages.en[key]!.message, site.text, site.constants);
      if (expected !== shape) differ.push(`${site.where} ${key}\n  code: ${shape}\n  en:   ${expected}`);
    }
    expect(compared).toBeGreaterThan(150);
    expect(differ).toEqual([]);
  });
});

/** Makes `t()` read one locale's messages.json, as the browser would in that UI language. */
function useLocale(locale: (typeof LOCALES)[number]): void {
  setMessageLookup((key, subs) => (messages[locale][key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? ''), () => locale);
}

/** The text values an error's message carries, nested messages included (they must show in every translation). */
function textValues(text: Translatable): string[] {
  return (text.subs ?? []).flatMap((sub) => (typeof sub === 'string' ? [sub] : typeof sub === 'number' ? [] : textValues(sub)));
}

async function raised(run: () => unknown): Promise<PortalError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PortalError) return error;
    throw error;
  }
  throw new Error('nothing was raised');
}

const SECRET = 'JBSWY3DPEHPK3PXP';
const bytes = (text: string) => new TextEncoder().encode(text);
const account: OtpAccount = { type: 'totp', issuer: 'Acme', accountName: 'alice', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };

/** Bad input of every kind a person can give, each raising a typed error through the product's own code. */
const BAD_INPUT: Array<[string, () => unknown]> = [
  ...[
    '',
    'hello there',
    'https://portal.example.com/activate',
    'otpauth-migration://offline?data=abc',
    'otpauth://totp/Acme?secret=',
    'otpauth://totp/Acme:a:b?secret=JBSWY3DPEHPK3PXP',
    'otpauth://totp/Acme?secret=JBSW0Y3DPEHPK3PXP',
    'otpauth://totp/Acme?secret=JBSW=Y3DPEHPK3PXP',
    'otpauth://totp/Acme?secret=JBSWY3DP',
    'otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXPA',
    'otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXP&digits=12',
    'otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXP&period=0',
    'otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXP&algorithm=MD5',
    'otpauth://hotp/Acme?secret=JBSWY3DPEHPK3PXP',
    'otpauth://xotp/Acme?secret=JBSWY3DPEHPK3PXP',
    'otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXP&secret=AAAA',
    'otpauth://totp/Ac%ZZme?secret=JBSWY3DPEHPK3PXP',
    'otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXP&issuer=%ZZ',
    'otpauth://totp/Foo:bar?secret=JBSWY3DPEHPK3PXP&issuer=Baz',
    'otpauth://totp/Acme#x?secret=JBSWY3DPEHPK3PXP',
    `otpauth://totp/${'a'.repeat(300)}?secret=JBSWY3DPEHPK3PXP`,
    'otpauth://totp/Ac\u202Eme?secret=JBSWY3DPEHPK3PXP',
  ].map((uri): [string, () => unknown] => [`parseOtpauthUri(${uri.slice(0, 60)})`, () => parseOtpauthUri(uri)]),
  ...['otpauth-migration://offline', 'otpauth-migration://offline?data=%%%', 'otpauth-migration://offline?data=AAAA', 'not an export'].map(
    (uri): [string, () => unknown] => [`parseMigrationUri(${uri})`, () => parseMigrationUri(uri)],
  ),
  ['accountFromManualEntry(digits 5)', () => accountFromManualEntry({ issuer: 'Acme', accountName: 'a', secret: SECRET, digits: '5' })],
  ['accountFromManualEntry(type)', () => accountFromManualEntry({ issuer: 'Acme', accountName: 'a', secret: SECRET, type: 'motp' })],
  ['formatMigrationUris(period 60)', () => formatMigrationUris([{ ...account, period: 60 }])],
  ['formatMigrationUris(digits 7, unnamed)', () => formatMigrationUris([{ ...account, issuer: '', accountName: '', digits: 7 }])],
  ...['', 'a b', '*.example.com', 'ftp://example.com', 'https://u:p@example.com', 'http://example.com', 'https://exa_mple.com'].map(
    (site): [string, () => unknown] => [`normalizeOrigin(${site})`, () => normalizeOrigin(site)],
  ),
  ...['', 'https://example.com/login', 'https://*.com', 'http://*.example.com', 'https://a*b.example.com', 'https://u@example.com', 'https://*.1.2.3.4', 'ftp://example.com', 'example.com:://x'].map(
    (entry): [string, () => unknown] => [`parseSitePattern(${entry})`, () => parseSitePattern(entry)],
  ),
  ['checkPassphraseAgainstPolicy', () => checkPassphraseAgainstPolicy({ minPassphraseLength: 20 }, 'short')],
  ['requirePlainExportAllowed', () => requirePlainExportAllowed({ allowPlainExport: false })],
  ['validateSettings(autoFill)', () => validateSettings({ autoFill: 'yes' as never })],
  ['validateSettings(unknown)', () => validateSettings({ colour: 'red' } as never)],
  ['validateSettings(autoLock)', () => validateSettings({ autoLockMinutes: 7 })],
  ['readImportFile(empty)', () => readImportFile(new Uint8Array(0))],
  ['readImportFile(notes)', () => readImportFile(bytes('just some notes'))],
  ['readImportFile(broken JSON)', () => readImportFile(bytes('{"db": '))],
  ['readImportFile(Aegis v9)', () => readImportFile(bytes(JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 9, entries: [] } })))],
  ['readImportFile(Bitwarden encrypted)', () => readImportFile(bytes(JSON.stringify({ encrypted: true, passwordProtected: true, items: [] })))],
  ['decryptBackup(not JSON)', () => decryptBackup('nope', 'passphrase')],
  ['decryptBackup(other format)', () => decryptBackup(JSON.stringify({ format: 'something-else' }), 'passphrase')],
  ['decryptBackup(newer)', () => decryptBackup(JSON.stringify({ format: 'portal-authenticator-backup', version: 99 }), 'passphrase')],
];

describe('every error raised from bad input reads right in every language', () => {
  afterAll(() => useEnglishMessages());

  it.each(BAD_INPUT)('%s', async (_name, run) => {
    const error = await raised(run);
    useLocale('en');
    // The page's English is the error's own English (numbers aside, which the page writes in the language's digits).
    expect(translate(error.text).replace(/(\d),(?=\d{3})/g, '$1')).toBe(error.userMessage);
    for (const locale of ['de', 'ar'] as const) {
      useLocale(locale);
      const shown = translate(error.text);
      expect(shown, locale).not.toMatch(/\$[1-9]|^error_/);
      expect(shown, locale).not.toBe(error.userMessage);
      for (const value of textValues(error.text)) expect(shown, `${locale}: ${value}`).toContain(value);
    }
  });
});
