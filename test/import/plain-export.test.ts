import { describe, expect, it } from 'vitest';
import { checkPlainExportFormat, formatPlainExport, PLAIN_EXPORT_FORMATS, readImportFile } from '../../src/import';
import { generateHotp, generateTotp } from '../../src/otp';
import { oracleHotp, oracleTotp, T0 } from '../background/helpers';
import { SAMPLE_ACCOUNTS } from '../fixtures/import/build-fixtures';

const AT = T0 + 12_345;
const codeOf = (a: (typeof SAMPLE_ACCOUNTS)[number]) => (a.type === 'totp' ? generateTotp(a, AT) : generateHotp(a, a.counter));

describe('plain exports read back by the importers', () => {
  it.each([
    ['aegis-json', 'aegis', /^aegis-export-plain-2023-11-14\.json$/, 'application/json'],
    ['otpauth-lines', 'otpauth-lines', /^otpauth-links-2023-11-14\.txt$/, 'text/plain'],
  ] as const)('%s: the importer recognises it as %s and gives back the same accounts and codes', async (format, recognised, name, mime) => {
    const file = formatPlainExport(format, SAMPLE_ACCOUNTS, '2023-11-14');
    expect(file.filename).toMatch(name);
    expect(file.mime).toBe(mime);
    const read = await readImportFile(new TextEncoder().encode(file.text));
    expect(read.format).toBe(recognised);
    expect(read.skipped).toEqual([]);
    expect(read.accounts.map(({ sites: _s, matchRegistrableDomain: _m, ...a }) => a)).toEqual(SAMPLE_ACCOUNTS);
    // The same codes at a fixed time, each also the independent implementation's.
    expect(read.accounts.map((a) => (a.type === 'totp' ? generateTotp(a, AT) : generateHotp(a, a.counter)))).toEqual(SAMPLE_ACCOUNTS.map(codeOf));
    expect(SAMPLE_ACCOUNTS.map(codeOf)).toEqual(
      SAMPLE_ACCOUNTS.map((a) => (a.type === 'totp' ? oracleTotp(a.secret, AT, a) : oracleHotp(a.secret, a.counter, a))),
    );
  });

  it('otpauth lines: one link per line, ending with a newline', () => {
    const { text } = formatPlainExport('otpauth-lines', SAMPLE_ACCOUNTS, '2023-11-14');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(SAMPLE_ACCOUNTS.length);
    expect(lines.every((line) => line.startsWith('otpauth://'))).toBe(true);
  });

  it('knows only its own formats', () => {
    for (const format of PLAIN_EXPORT_FORMATS) expect(checkPlainExportFormat(format)).toBe(format);
    for (const wrong of ['aegis', '', undefined, 3]) expect(() => checkPlainExportFormat(wrong)).toThrow(/no plain export called/);
  });
});
