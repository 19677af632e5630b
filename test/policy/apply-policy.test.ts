import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/messages';
import {
  allowedAutoLockChoices,
  applyPolicy,
  checkPassphraseAgainstPolicy,
  effectiveKdfParams,
  effectiveMinPassphraseLength,
  isPlainExportAllowed,
  isSiteAllowedByPolicy,
  passkeyPolicy,
  requirePasskeyAllowed,
  requirePlainExportAllowed,
} from '../../src/policy/apply-policy';
import { PolicyError } from '../../src/policy/errors';
import { parsePolicy } from '../../src/policy/parse-policy';
import type { ManagedPolicy } from '../../src/policy/policy-types';
import { KDF_FLOOR, KDF_POLICY_CAP, preparePassphrase } from '../../src/vault/kdf';

const user = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('applyPolicy', () => {
  it('changes nothing and locks nothing without a policy', () => {
    const settings = user({ autoFill: false, autoSubmit: true, autoLockMinutes: 0 });
    expect(applyPolicy(settings, {})).toEqual({ settings, locked: {} });
  });

  it('does not modify the settings it is given', () => {
    const settings = user({ autoSubmit: true });
    applyPolicy(settings, { allowAutoSubmit: false, autoFill: false, maxAutoLockMinutes: 1 });
    expect(settings).toEqual(user({ autoSubmit: true }));
  });

  it.each<[string, Partial<Settings>, ManagedPolicy, Partial<Settings>, string[]]>([
    ['autoFill forced on', { autoFill: false }, { autoFill: true }, { autoFill: true }, ['autoFill']],
    ['autoFill forced off', { autoFill: true }, { autoFill: false }, { autoFill: false }, ['autoFill']],
    ['autoFill forced to the same value is still locked', { autoFill: true }, { autoFill: true }, { autoFill: true }, ['autoFill']],
    ['autoSubmit forbidden turns it off', { autoSubmit: true }, { allowAutoSubmit: false }, { autoSubmit: false }, ['autoSubmit']],
    ['autoSubmit forbidden while already off is locked', { autoSubmit: false }, { allowAutoSubmit: false }, { autoSubmit: false }, ['autoSubmit']],
    ['autoSubmit allowed leaves the user choice', { autoSubmit: true }, { allowAutoSubmit: true }, { autoSubmit: true }, []],
    ['autoSubmit allowed leaves it off', { autoSubmit: false }, { allowAutoSubmit: true }, { autoSubmit: false }, []],
    ['auto-lock above the bound is clamped', { autoLockMinutes: 240 }, { maxAutoLockMinutes: 60 }, { autoLockMinutes: 60 }, []],
    ['auto-lock "browser close" counts as longer than any bound', { autoLockMinutes: 0 }, { maxAutoLockMinutes: 1440 }, { autoLockMinutes: 1440 }, []],
    ['auto-lock below the bound is kept', { autoLockMinutes: 5 }, { maxAutoLockMinutes: 60 }, { autoLockMinutes: 5 }, []],
    ['auto-lock equal to the bound is kept', { autoLockMinutes: 15 }, { maxAutoLockMinutes: 15 }, { autoLockMinutes: 15 }, []],
    ['backup reminder "off" turns the user switch off and locks it', { backupReminder: true }, { backupReminder: 'off' }, { backupReminder: false }, ['backupReminder']],
    ['backup reminder "on" turns it on and locks it', { backupReminder: false }, { backupReminder: 'on' }, { backupReminder: true }, ['backupReminder']],
    ['backup reminder "insist" turns it on and locks it', { backupReminder: false }, { backupReminder: 'insist' }, { backupReminder: true }, ['backupReminder']],
    ['a bound between the choices is used as is', { autoLockMinutes: 60 }, { maxAutoLockMinutes: 30 }, { autoLockMinutes: 30 }, []],
    [
      'everything at once',
      { autoFill: false, autoSubmit: true, autoLockMinutes: 0, freshnessSeconds: 9 },
      { autoFill: true, allowAutoSubmit: false, maxAutoLockMinutes: 5, allowPlainExport: false, minPassphraseLength: 20 },
      { autoFill: true, autoSubmit: false, autoLockMinutes: 5, freshnessSeconds: 9 },
      ['autoFill', 'autoSubmit'],
    ],
  ])('%s', (_name, mine, policy, expected, lockedKeys) => {
    const { settings, locked } = applyPolicy(user(mine), policy);
    expect(settings).toEqual(user({ ...mine, ...expected }));
    expect(Object.keys(locked).sort()).toEqual([...lockedKeys].sort());
    expect(Object.values(locked).every((v) => v === 'policy')).toBe(true);
  });
});

describe('allowedAutoLockChoices', () => {
  const choices = [0, 1, 5, 15, 60, 240];
  it.each<[ManagedPolicy, number[]]>([
    [{}, choices],
    [{ maxAutoLockMinutes: 60 }, [1, 5, 15, 60]],
    [{ maxAutoLockMinutes: 30 }, [1, 5, 15, 30]],
    [{ maxAutoLockMinutes: 1 }, [1]],
    [{ maxAutoLockMinutes: 1440 }, [1, 5, 15, 60, 240, 1440]],
  ])('%j', (policy, expected) => {
    expect(allowedAutoLockChoices(policy, choices)).toEqual(expected);
  });
});

describe('isSiteAllowedByPolicy', () => {
  const policy = parsePolicy({ allowedSites: ['https://*.example.com', 'https://login.example.org:8443', 'http://localhost:8417'] }).policy;

  it.each([
    ['https://portal.example.com', true],
    ['https://example.com', true],
    ['https://portal.example.com.evil.test', false],
    ['https://portal.example.com:8443', false],
    ['http://portal.example.com', false],
    ['https://login.example.org:8443', true],
    ['https://login.example.org', false],
    ['https://www.login.example.org:8443', false],
    ['http://localhost:8417', true],
    ['http://localhost', false],
    ['null', false],
  ])('%s -> %s', (origin, allowed) => {
    expect(isSiteAllowedByPolicy(policy, origin)).toBe(allowed);
  });

  it('allows every site when no allow-list is set', () => {
    expect(isSiteAllowedByPolicy({}, 'https://anything.example.net')).toBe(true);
  });

  it('allows no site with an empty allow-list', () => {
    expect(isSiteAllowedByPolicy({ allowedSites: [] }, 'https://portal.example.com')).toBe(false);
  });

  it('ignores an unreadable entry in a hand-built policy instead of widening', () => {
    const handBuilt = { allowedSites: ['https://*', 'https://portal.example.com'] };
    expect(isSiteAllowedByPolicy(handBuilt, 'https://evil.test')).toBe(false);
    expect(isSiteAllowedByPolicy(handBuilt, 'https://portal.example.com')).toBe(true);
  });
});

describe('passphrase policy', () => {
  it('accepts anything the vault accepts when no minimum is set', () => {
    expect(() => checkPassphraseAgainstPolicy({}, 'x')).not.toThrow();
    expect(effectiveMinPassphraseLength({})).toBe(8);
  });

  it.each([
    ['eleven char', 12, false],
    ['twelve chars', 12, true],
    ['ÅÅÅÅÅÅÅÅÅÅÅ', 12, false],
    // 12 characters once composed (A + combining ring -> Å), 24 code units before NFC.
    ['A\u030a'.repeat(12), 12, true],
    ['😀'.repeat(12), 12, true],
    ['😀'.repeat(11), 12, false],
  ])('%j against %i -> %s', (passphrase, min, ok) => {
    const check = () => checkPassphraseAgainstPolicy({ minPassphraseLength: min }, passphrase);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(PolicyError);
  });

  it('says what is required without repeating the passphrase', () => {
    let thrown: unknown;
    try {
      checkPassphraseAgainstPolicy({ minPassphraseLength: 16 }, 'hunter2hunter2');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyError);
    expect((thrown as PolicyError).code).toBe('policy/passphrase-too-short');
    expect((thrown as PolicyError).userMessage).toMatch(/organisation requires a passphrase of at least 16 characters/);
    expect((thrown as PolicyError).userMessage).not.toContain('hunter2');
  });

  it('counts length the same way as the vault', () => {
    const min = effectiveMinPassphraseLength({ minPassphraseLength: 10 });
    for (const passphrase of ['A\u030a'.repeat(10), 'A\u030a'.repeat(9), '😀'.repeat(10)]) {
      const vaultOk = (() => {
        try {
          preparePassphrase(passphrase, min);
          return true;
        } catch {
          return false;
        }
      })();
      const policyOk = (() => {
        try {
          checkPassphraseAgainstPolicy({ minPassphraseLength: 10 }, passphrase);
          return true;
        } catch {
          return false;
        }
      })();
      expect(policyOk).toBe(vaultOk);
    }
  });
});

describe('effectiveKdfParams', () => {
  it.each<[ManagedPolicy, { m: number; t: number; p: number }]>([
    [{}, { m: KDF_FLOOR.m, t: KDF_FLOOR.t, p: KDF_FLOOR.p }],
    [{ minKdfMemoryKiB: 65536 }, { m: 65536, t: KDF_FLOOR.t, p: KDF_FLOOR.p }],
    [{ minKdfIterations: 4 }, { m: KDF_FLOOR.m, t: 4, p: KDF_FLOOR.p }],
    [{ minKdfMemoryKiB: 47104, minKdfIterations: 3 }, { m: 47104, t: 3, p: KDF_FLOOR.p }],
    // Hand-built policies outside the validated range are still held to the floor and cap.
    [{ minKdfMemoryKiB: 1024, minKdfIterations: 1 }, { m: KDF_FLOOR.m, t: KDF_FLOOR.t, p: KDF_FLOOR.p }],
    [{ minKdfMemoryKiB: 10 ** 9, minKdfIterations: 1000 }, { m: KDF_POLICY_CAP.m, t: KDF_POLICY_CAP.t, p: KDF_FLOOR.p }],
  ])('%j', (policy, expected) => {
    expect(effectiveKdfParams(policy)).toEqual(expected);
  });
});

describe('plain export', () => {
  it.each<[ManagedPolicy, boolean]>([
    [{}, true],
    [{ allowPlainExport: true }, true],
    [{ allowPlainExport: false }, false],
  ])('%j -> %s', (policy, allowed) => {
    expect(isPlainExportAllowed(policy)).toBe(allowed);
    if (allowed) expect(() => requirePlainExportAllowed(policy)).not.toThrow();
    else expect(() => requirePlainExportAllowed(policy)).toThrow(/does not allow exporting secret keys.*Encrypted backup/);
  });
});

describe('passkey policy', () => {
  it.each<[ManagedPolicy, { allowed: boolean; requireUserVerification: boolean; managed: boolean }]>([
    [{}, { allowed: true, requireUserVerification: false, managed: false }],
    [{ allowPasskeyUnlock: true }, { allowed: true, requireUserVerification: false, managed: true }],
    [{ allowPasskeyUnlock: false }, { allowed: false, requireUserVerification: false, managed: true }],
    [{ requirePasskeyUserVerification: true }, { allowed: true, requireUserVerification: true, managed: true }],
  ])('%j reads as %j', (policy, expected) => {
    expect(passkeyPolicy(policy)).toEqual(expected);
  });

  it('refuses passkeys when forbidden, and unverified ones when verification is required', () => {
    expect(() => requirePasskeyAllowed({}, false)).not.toThrow();
    expect(() => requirePasskeyAllowed({ requirePasskeyUserVerification: true }, true)).not.toThrow();
    expect(() => requirePasskeyAllowed({ allowPasskeyUnlock: false }, true)).toThrow(expect.objectContaining({ code: 'policy/passkey-blocked' }));
    expect(() => requirePasskeyAllowed({ requirePasskeyUserVerification: true }, false)).toThrow(
      expect.objectContaining({ code: 'policy/passkey-verification-required' }),
    );
  });

  it('an unreadable value forbids passkeys or requires verification (fails closed)', () => {
    expect(passkeyPolicy(parsePolicy({ allowPasskeyUnlock: 'yes' }).policy).allowed).toBe(false);
    expect(passkeyPolicy(parsePolicy({ requirePasskeyUserVerification: 'no' }).policy).requireUserVerification).toBe(true);
  });
});
