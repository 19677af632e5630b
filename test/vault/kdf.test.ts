import { describe, expect, it } from 'vitest';
import { checkKdfParams, DEFAULT_KDF_PARAMS, deriveKeyEncryptionKey, KDF_CAP, KDF_FLOOR, KDF_POLICY_CAP, preparePassphrase } from '../../src/vault/kdf';

describe('checkKdfParams', () => {
  it('keeps the OWASP Argon2id minimum as default and floor', () => {
    expect(DEFAULT_KDF_PARAMS).toEqual({ m: 19456, t: 2, p: 1 });
    expect(KDF_FLOOR).toEqual({ m: 19456, t: 2, p: 1 });
    expect(KDF_CAP).toEqual({ m: 1048576, t: 20, p: 4 });
    // What a policy may ask for new vaults stays well inside what still opens.
    expect(KDF_POLICY_CAP).toEqual({ m: 262144, t: 10, p: 4 });
  });

  it.each([
    [{ m: 19456, t: 2, p: 1 }, undefined],
    [{ m: 65536, t: 3, p: 4 }, undefined],
    [{ m: 1048576, t: 20, p: 4 }, undefined],
    [{ m: 19455, t: 2, p: 1 }, 'vault/kdf-too-weak'],
    [{ m: 19456, t: 1, p: 1 }, 'vault/kdf-too-weak'],
    [{ m: 19456, t: 2, p: 0 }, 'vault/kdf-too-weak'],
    [{ m: 1048577, t: 2, p: 1 }, 'vault/kdf-too-costly'],
    [{ m: 19456, t: 21, p: 1 }, 'vault/kdf-too-costly'],
    [{ m: 19456, t: 2, p: 5 }, 'vault/kdf-too-costly'],
    [{ m: 19456, t: 2.5, p: 1 }, 'vault/malformed'],
    [{ m: '19456', t: 2, p: 1 }, 'vault/malformed'],
    [{ m: Number.NaN, t: 2, p: 1 }, 'vault/malformed'],
  ])('%o → %s', (params, code) => {
    const run = () => checkKdfParams(params as never);
    if (code) expect(run).toThrow(expect.objectContaining({ code }));
    else expect(run()).toEqual(params);
  });

  it('refuses to derive below the floor', async () => {
    await expect(deriveKeyEncryptionKey('passphrase', new Uint8Array(16), { m: 1024, t: 1, p: 1 })).rejects.toMatchObject({
      code: 'vault/kdf-too-weak',
    });
  });
});

describe('preparePassphrase', () => {
  it.each([
    ['', 8, 'vault/passphrase-empty'],
    ['abc\0defghij', 8, 'vault/passphrase-nul'],
    ['abcdefg', 8, 'vault/passphrase-too-short'],
    ['\uD800abcdefgh', 8, 'vault/passphrase-invalid'],
    ['abcdefgh\uDC00', 8, 'vault/passphrase-invalid'],
    ['x'.repeat(4097), 8, 'vault/passphrase-too-long'],
    ['short', 1, undefined],
    ['abcdefgh', 8, undefined],
    ['😀😀😀😀😀😀😀😀', 8, undefined],
  ])('%j (min %i) → %s', (passphrase, min, code) => {
    const run = () => preparePassphrase(passphrase, min);
    if (code) expect(run).toThrow(expect.objectContaining({ code }));
    else expect(run()).toBe(passphrase);
  });

  it('normalises to NFC so composed and decomposed input agree', () => {
    expect(preparePassphrase('cafe\u0301 crème')).toBe('caf\u00e9 cr\u00e8me');
    expect(preparePassphrase('caf\u00e9 cr\u00e8me')).toBe('caf\u00e9 cr\u00e8me');
  });

  it('counts characters, not UTF-16 units, for the minimum length', () => {
    expect(() => preparePassphrase('😀😀😀😀', 8)).toThrow(expect.objectContaining({ code: 'vault/passphrase-too-short' }));
  });
});

describe('deriveKeyEncryptionKey', () => {
  it('is deterministic per (passphrase, salt) and differs when either changes', async () => {
    const salt = new Uint8Array(16).fill(7);
    const started = performance.now();
    const a = await deriveKeyEncryptionKey('passphrase one', salt, DEFAULT_KDF_PARAMS);
    const elapsed = performance.now() - started;
    const b = await deriveKeyEncryptionKey('passphrase one', salt, DEFAULT_KDF_PARAMS);
    const c = await deriveKeyEncryptionKey('passphrase two', salt, DEFAULT_KDF_PARAMS);
    const d = await deriveKeyEncryptionKey('passphrase one', salt.map((x) => x ^ 1), DEFAULT_KDF_PARAMS);
    expect(a).toHaveLength(32);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(d).not.toEqual(a);
    // Generous bound: the derivation must stay usable for an unlock prompt even on a loaded machine.
    expect(elapsed).toBeLessThan(5_000);
  });
});
