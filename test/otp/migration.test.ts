import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineMigrationBatches,
  findMissingMigrationParts,
  formatMigrationUris,
  MAX_MIGRATION_PART_LENGTH,
  parseMigrationBatch,
  parseMigrationUri,
} from '../../src/otp/index';
import type { OtpAccount } from '../../src/otp/index';
import { ProtoWriter } from '../../src/otp/protobuf';
import { migratableAccountArb } from './arbitraries';

const PREFIX = 'otpauth-migration://offline?data=';
const uriFor = (bytes: Uint8Array) => PREFIX + encodeURIComponent(Buffer.from(bytes).toString('base64'));
const HELLO = Uint8Array.from([...Buffer.from('Hello!'), 0xde, 0xad, 0xbe, 0xef]);
const alice: OtpAccount = {
  type: 'totp', issuer: 'Example', accountName: 'alice@google.com', secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
};
/** One OtpParameters message; `extra` lets a test append raw fields. */
const params = (build: (w: ProtoWriter) => ProtoWriter = (w) => w) =>
  build(new ProtoWriter().bytesField(1, HELLO).stringField(2, 'alice').stringField(3, 'Example')).finish();
const payload = (...accounts: Uint8Array[]) => {
  const w = new ProtoWriter();
  for (const a of accounts) w.bytesField(1, a);
  return w;
};

describe('published vectors', () => {
  it('decodes the public example', () => {
    const batch = parseMigrationBatch(`${PREFIX}CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC`);
    expect(batch).toEqual({ accounts: [alice], batchId: 0, batchIndex: 0, batchSize: 1, version: 0 });
  });
  it('decodes the batch example', () => {
    const batch = parseMigrationBatch(`${PREFIX}Ci0KCkhlbGxvId6tvu8SEGFsaWNlQGdvb2dsZS5jb20aB0V4YW1wbGUgASgBMAIQARgBIAAouWA=`);
    expect(batch).toEqual({ accounts: [alice], batchId: 12345, batchIndex: 0, batchSize: 1, version: 1 });
  });
});

describe('protobuf details', () => {
  it('reads "+" whether it arrives escaped, raw, or already turned into a space', () => {
    // Four bytes of framing then two zeros put the 0xFBEFBE groups on base64 boundaries, where they read "++++".
    const secret = Uint8Array.from([0, 0, 0xfb, 0xef, 0xbe, 0xfb, 0xef, 0xbe, 0xfb, 0xef, 0xbe, 0xfb, 0xef, 0xbe]);
    const b64 = Buffer.from(new ProtoWriter().bytesField(1, new ProtoWriter().bytesField(1, secret).finish()).finish()).toString('base64');
    expect(b64).toContain('+');
    for (const data of [encodeURIComponent(b64), b64, b64.replace(/\+/g, '%20'), b64.replace(/\+/g, ' ')]) {
      expect(parseMigrationUri(PREFIX + data)[0]?.secret).toBe('AAAPX3567PX3567PX3567PQ');
    }
  });
  it('reads names longer than 127 bytes (multi-byte lengths) as UTF-8', () => {
    const name = 'é'.repeat(150) + '😀';
    const account = params((w) => w.stringField(2, `Example:${name}`));
    expect(parseMigrationUri(uriFor(payload(account).finish()))[0]?.accountName).toBe(name);
  });
  it('reads 64-bit HOTP counters up to 2^53 − 1', () => {
    const account = params((w) => w.varintField(6, 1).varintField(7, Number.MAX_SAFE_INTEGER));
    expect(parseMigrationUri(uriFor(payload(account).finish()))[0]).toMatchObject({ type: 'hotp', counter: Number.MAX_SAFE_INTEGER });
  });
  it('skips unknown fields of every wire type', () => {
    const account = params((w) => w.stringField(8, 'unique-id').varint((9 << 3) | 1).varint(0).varint(0).varint(0).varint(0).varint(0).varint(0).varint(0).varint(0)
      .varint((10 << 3) | 5).varint(1).varint(2).varint(3).varint(4).varintField(11, 2n ** 63n));
    const top = payload(account).varintField(6, 7).stringField(99, 'future').finish();
    expect(parseMigrationUri(uriFor(top))).toEqual([{ ...alice, accountName: 'alice' }]);
  });
  it('keeps the whole name when there is no issuer', () => {
    const account = new ProtoWriter().bytesField(1, HELLO).stringField(2, 'Example:alice').finish();
    expect(parseMigrationUri(uriFor(payload(account).finish()))[0]).toMatchObject({ issuer: '', accountName: 'Example:alice' });
  });
  it('reads negative batch ids (int32 as ten-byte varints)', () => {
    const uri = uriFor(payload(params()).varintField(2, 1).varintField(3, 2).varintField(4, 1).varintField(5, -5).finish());
    expect(parseMigrationBatch(uri)).toMatchObject({ batchId: -5, batchIndex: 1, batchSize: 2, version: 1 });
  });
});

const raw = (...bytes: number[]) => uriFor(Uint8Array.from(bytes));
const badMigration: [string, string, string][] = [
  ['wrong scheme', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'otp/bad-scheme'],
  ['wrong host', 'otpauth-migration://online?data=AA', 'otp/bad-scheme'],
  ['missing data', 'otpauth-migration://offline?foo=1', 'otp/bad-migration'],
  ['empty data', 'otpauth-migration://offline?data=', 'otp/bad-migration'],
  ['two data parameters', `${PREFIX}AA&data=AA`, 'otp/duplicate-parameter'],
  ['bad base64 character', `${PREFIX}Ci0*`, 'otp/bad-migration'],
  ['impossible base64 length', `${PREFIX}Ci0KC`, 'otp/bad-migration'],
  ['broken % escape', `${PREFIX}Ci0%ZZ`, 'otp/bad-escape'],
  ['truncated protobuf', `${PREFIX}Ci0KCkhlbGxvId6tvu8SEGFsaWNlQGdvb2dsZS5jb20aB0V4YW1wbGUgAS`, 'otp/bad-migration'],
  ['varint overflow', raw(0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), 'otp/bad-migration'],
  ['varint of eleven bytes', raw(0x10, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), 'otp/bad-migration'],
  ['varint cut short', raw(0x10, 0x80), 'otp/bad-migration'],
  ['length past the end', raw(0x0a, 0x05, 0x00), 'otp/bad-migration'],
  ['field number 0', raw(0x00, 0x00), 'otp/bad-migration'],
  ['group wire type', raw(0x0b), 'otp/bad-migration'],
  ['wrong wire type for accounts', raw(0x08, 0x01), 'otp/bad-migration'],
  ['MD5 algorithm', uriFor(payload(params((w) => w.varintField(4, 4))).finish()), 'otp/bad-migration'],
  ['unknown algorithm', uriFor(payload(params((w) => w.varintField(4, 7))).finish()), 'otp/bad-migration'],
  ['unknown digit count', uriFor(payload(params((w) => w.varintField(5, 3))).finish()), 'otp/bad-migration'],
  ['unknown type', uriFor(payload(params((w) => w.varintField(6, 3))).finish()), 'otp/bad-migration'],
  ['name not UTF-8', uriFor(payload(params((w) => w.bytesField(2, Uint8Array.from([0x61, 0xff])))).finish()), 'otp/bad-migration'],
  ['surrogate encoded in UTF-8', uriFor(payload(params((w) => w.bytesField(3, Uint8Array.from([0xed, 0xa0, 0x80])))).finish()), 'otp/bad-migration'],
  ['bidi override in name', uriFor(payload(params((w) => w.stringField(2, 'a\u202Eb'))).finish()), 'otp/bad-characters'],
  ['no secret', uriFor(payload(new ProtoWriter().stringField(2, 'a').finish()).finish()), 'otp/bad-secret'],
  ['short secret', uriFor(payload(params((w) => w.bytesField(1, new Uint8Array(9)))).finish()), 'otp/secret-too-short'],
  ['negative counter', uriFor(payload(params((w) => w.varintField(6, 1).varintField(7, -1))).finish()), 'otp/bad-counter'],
  ['counter over 2^53 − 1', uriFor(payload(params((w) => w.varintField(6, 1).varintField(7, 2n ** 53n))).finish()), 'otp/bad-counter'],
  ['newer version', uriFor(payload(params()).varintField(2, 2).finish()), 'otp/bad-migration'],
  ['index past size', uriFor(payload(params()).varintField(3, 2).varintField(4, 2).finish()), 'otp/bad-migration'],
  ['negative index', uriFor(payload(params()).varintField(3, 2).varintField(4, -1).finish()), 'otp/bad-migration'],
  ['over-long URI', PREFIX + 'A'.repeat(9000), 'otp/too-long'],
];

describe('parseMigrationUri refuses bad input with a specific OtpError', () => {
  it.each(badMigration)('%s', (_label, uri, code) => {
    expect(() => parseMigrationUri(uri)).toThrowError(expect.objectContaining({ name: 'OtpError', code }));
  });
  it('says which account of the export is wrong', () => {
    const uri = uriFor(payload(params(), params((w) => w.varintField(4, 9))).finish());
    expect(() => parseMigrationUri(uri)).toThrowError(/Account 2 of the export/);
  });
});

describe('formatMigrationUris', () => {
  it('refuses what the format cannot carry, naming the account', () => {
    expect(() => formatMigrationUris([alice, { ...alice, accountName: 'bob', period: 60 }])).toThrowError(
      expect.objectContaining({ code: 'otp/unsupported-by-format', message: expect.stringMatching(/Example — bob: the period is 60 s/) }),
    );
    expect(() => formatMigrationUris([{ ...alice, type: 'hotp', digits: 10 }])).toThrowError(
      expect.objectContaining({ code: 'otp/unsupported-by-format', message: expect.stringContaining('its codes have 10 digits') }),
    );
    expect(() => formatMigrationUris([alice], { maxPerQr: 0 })).toThrowError(expect.objectContaining({ code: 'otp/bad-migration' }));
  });
  it('splits into parts sharing one batch id, and combines them back in order', () => {
    const accounts = Array.from({ length: 25 }, (_, i) => ({ ...alice, accountName: `user${i}` }));
    const uris = formatMigrationUris(accounts, { batchId: 777 });
    const batches = uris.map(parseMigrationBatch);
    expect(batches.map((b) => [b.batchId, b.batchIndex, b.batchSize, b.version, b.accounts.length])).toEqual([
      [777, 0, 3, 1, 10], [777, 1, 3, 1, 10], [777, 2, 3, 1, 5],
    ]);
    expect(combineMigrationBatches([batches[2]!, batches[0]!, batches[1]!, batches[0]!])).toEqual(accounts);
    expect(findMissingMigrationParts([batches[1]!])).toEqual([0, 2]);
    expect(() => combineMigrationBatches([batches[0]!, batches[2]!])).toThrowError(/not scanned yet: 2\./);
    const other = parseMigrationBatch(formatMigrationUris(accounts, { batchId: 778 })[1]!);
    expect(() => combineMigrationBatches([batches[0]!, other, batches[2]!])).toThrowError(/different exports/);
    expect(() => combineMigrationBatches([])).toThrowError(expect.objectContaining({ code: 'otp/bad-migration' }));
  });
  it('keeps every part small enough for one QR code', () => {
    const accounts = Array.from({ length: 8 }, (_, i) => ({ ...alice, issuer: '発行者'.repeat(80), accountName: `${i}${'名'.repeat(200)}` }));
    const uris = formatMigrationUris(accounts);
    expect(uris.length).toBeGreaterThan(1);
    for (const uri of uris) expect(uri.length).toBeLessThanOrEqual(MAX_MIGRATION_PART_LENGTH);
    expect(combineMigrationBatches(uris.map(parseMigrationBatch))).toEqual(accounts);
  });
  it('round-trips random exportable accounts (property)', () => {
    fc.assert(
      fc.property(fc.array(migratableAccountArb, { maxLength: 25 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (accounts, maxPerQr, batchId) => {
        const uris = formatMigrationUris(accounts, { maxPerQr, batchId });
        const batches = uris.map(parseMigrationBatch);
        for (const b of batches) expect(b.batchId).toBe(batchId);
        expect(batches.flatMap((b) => b.accounts)).toEqual(accounts);
        if (accounts.length > 0) expect(combineMigrationBatches(batches)).toEqual(accounts);
      }),
      { numRuns: 150 },
    );
  });
});
