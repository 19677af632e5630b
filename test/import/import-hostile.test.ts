import { describe, expect, it } from 'vitest';
import { englishEntries } from '../english-messages';
import { IMPORT_KDF_CAPS, MAX_IMPORT_BYTES, readImportFile } from '../../src/import';
import { aegisEncrypted, aegisEntries, aegisPlain, andOtpEncrypted, andOtpEntries, enteEncrypted, otpauthLines, SAMPLE_ACCOUNTS } from '../fixtures/import/build-fixtures';

const PASSWORD = 'the export password';
const bytes = (text: string) => new TextEncoder().encode(text);
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'no error', (e: { code?: string }) => e.code);

describe('hostile and damaged import files', () => {
  it('refuses a file above the size limit and an empty one, before reading', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    expect(await codeOf(readImportFile(big))).toBe('import/too-large');
    expect(await codeOf(readImportFile(new Uint8Array(0)))).toBe('import/empty');
  });

  it('names a file it does not read, and damaged JSON, without guessing', async () => {
    expect(await codeOf(readImportFile(bytes('{"hello":"world"}')))).toBe('import/unrecognised');
    expect(await codeOf(readImportFile(bytes('just some notes\nno links here')))).toBe('import/unrecognised');
    expect(await codeOf(readImportFile(bytes(aegisPlain(aegisEntries(SAMPLE_ACCOUNTS)).slice(0, 200))))).toBe('import/damaged');
    expect(await codeOf(readImportFile(Uint8Array.of(0xff, 0xfe, 0)))).toBe('import/unrecognised');
  });

  it('caps scrypt (Aegis) before deriving: a slot asking for N = 2^22 is refused', async () => {
    const file = JSON.parse(await aegisEncrypted(aegisEntries(SAMPLE_ACCOUNTS), PASSWORD));
    file.header.slots[1].n = 2 ** 22;
    expect(await codeOf(readImportFile(bytes(JSON.stringify(file)), { password: PASSWORD }))).toBe('import/kdf-too-costly');
  });

  it('caps Argon2id (Ente) before deriving: 2 GiB of memory, or 256 MiB × 40 passes, are refused', async () => {
    const file = JSON.parse(enteEncrypted(otpauthLines(SAMPLE_ACCOUNTS.slice(0, 1)), PASSWORD));
    file.kdfParams.memLimit = 2 * 1024 ** 3;
    expect(await codeOf(readImportFile(bytes(JSON.stringify(file)), { password: PASSWORD }))).toBe('import/kdf-too-costly');
    file.kdfParams.memLimit = 256 * 1024 ** 2;
    file.kdfParams.opsLimit = 40;
    expect(await codeOf(readImportFile(bytes(JSON.stringify(file)), { password: PASSWORD }))).toBe('import/kdf-too-costly');
  });

  it('never derives an andOTP iteration count above the cap: such a file can only be the older generation', async () => {
    const file = await andOtpEncrypted(andOtpEntries(SAMPLE_ACCOUNTS), PASSWORD, { kind: 'pbkdf2', iterations: 140_000 });
    expect(await codeOf(readImportFile(file, { password: PASSWORD, caps: { ...IMPORT_KDF_CAPS, pbkdf2Iterations: 100_000 } }))).toBe('import/wrong-password');
  });

  it('tells a damaged Aegis vault (right password, flipped ciphertext) from a wrong password', async () => {
    const file = JSON.parse(await aegisEncrypted(aegisEntries(SAMPLE_ACCOUNTS), PASSWORD));
    const db = Buffer.from(file.db, 'base64');
    db[5] = db[5]! ^ 0x40;
    file.db = db.toString('base64');
    expect(await codeOf(readImportFile(bytes(JSON.stringify(file)), { password: PASSWORD }))).toBe('import/damaged');
    expect(await codeOf(readImportFile(bytes(JSON.stringify(file)), { password: 'not it' }))).toBe('import/wrong-password');
  });

  it('skips damaged entries with a reason and keeps the good ones', async () => {
    const entries = aegisEntries(SAMPLE_ACCOUNTS.slice(0, 1)) as Array<Record<string, unknown>>;
    entries.push(
      { type: 'totp', name: 'no-info', issuer: 'Broken' },
      { type: 'totp', name: 'bad-key', issuer: 'Broken', info: { secret: 'NOT-BASE32-018!', algo: 'SHA1', digits: 6, period: 30 } },
      { type: 'totp', name: 'md5', issuer: 'Broken', info: { secret: SAMPLE_ACCOUNTS[1]!.secret, algo: 'MD5', digits: 6, period: 30 } },
      { type: 'totp', name: 'digits', issuer: 'Broken', info: { secret: SAMPLE_ACCOUNTS[1]!.secret, algo: 'SHA1', digits: 12, period: 30 } },
      { type: 'yandex', name: 'y', issuer: 'Yandex', info: { secret: SAMPLE_ACCOUNTS[1]!.secret } },
      'not an object' as never,
    );
    const result = await readImportFile(bytes(aegisPlain(entries)));
    expect(result.accounts.map((a) => a.issuer)).toEqual(['JumpCloud']);
    expect(englishEntries(result.skipped)).toEqual([
      { label: 'Entry 2', reason: expect.stringMatching(/damaged or incomplete/) },
      { label: 'Broken — bad-key', reason: expect.stringMatching(/secret|base32/i) },
      { label: 'Broken — md5', reason: expect.stringMatching(/SHA1, SHA256 or SHA512/) },
      { label: 'Broken — digits', reason: expect.stringMatching(/digits/i) },
      { label: 'Yandex — y', reason: expect.stringMatching(/“yandex” codes are not supported/) },
      { label: 'Entry 7', reason: expect.stringMatching(/damaged or incomplete/) },
    ]);
  });
});
