import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse-policy';
import { POLICY_KEYS } from '../../src/policy/policy-types';

describe('parsePolicy: valid values are kept', () => {
  it.each([
    [{ maxAutoLockMinutes: 1 }, { maxAutoLockMinutes: 1 }],
    [{ maxAutoLockMinutes: 1440 }, { maxAutoLockMinutes: 1440 }],
    [{ minPassphraseLength: 8 }, { minPassphraseLength: 8 }],
    [{ minPassphraseLength: 128 }, { minPassphraseLength: 128 }],
    [{ allowPlainExport: false }, { allowPlainExport: false }],
    [{ allowPlainExport: true }, { allowPlainExport: true }],
    [{ allowAutoSubmit: false }, { allowAutoSubmit: false }],
    [{ autoFill: true }, { autoFill: true }],
    [{ autoFill: false }, { autoFill: false }],
    [{ minKdfMemoryKiB: 19456 }, { minKdfMemoryKiB: 19456 }],
    [{ minKdfMemoryKiB: 65536 }, { minKdfMemoryKiB: 65536 }],
    [{ minKdfMemoryKiB: 262144 }, { minKdfMemoryKiB: 262144 }],
    [{ minKdfIterations: 2 }, { minKdfIterations: 2 }],
    [{ minKdfIterations: 10 }, { minKdfIterations: 10 }],
    [{ allowPasskeyUnlock: false }, { allowPasskeyUnlock: false }],
    [{ requirePasskeyUserVerification: true }, { requirePasskeyUserVerification: true }],
    [{ backupReminder: 'off' }, { backupReminder: 'off' }],
    [{ backupReminder: 'on' }, { backupReminder: 'on' }],
    [{ backupReminder: 'insist' }, { backupReminder: 'insist' }],
    [{ allowedSites: ['https://portal.example.com'] }, { allowedSites: ['https://portal.example.com'] }],
    [
      { allowedSites: ['https://*.Example.com/', 'https://*.example.com', 'portal.example.org', 'http://localhost:8417'] },
      { allowedSites: ['https://*.example.com', 'https://portal.example.org', 'http://localhost:8417'] },
    ],
  ])('%j', (raw, policy) => {
    expect(parsePolicy(raw)).toEqual({ policy, warnings: [] });
  });

  it('keeps every key of a complete policy', () => {
    const raw = {
      allowedSites: ['https://portal.example.com'],
      maxAutoLockMinutes: 60,
      minPassphraseLength: 12,
      allowPlainExport: false,
      allowAutoSubmit: false,
      autoFill: true,
      minKdfMemoryKiB: 65536,
      minKdfIterations: 3,
      allowPasskeyUnlock: true,
      requirePasskeyUserVerification: false,
      backupReminder: 'insist',
    };
    const { policy, warnings } = parsePolicy(raw);
    expect(warnings).toEqual([]);
    expect(policy).toEqual(raw);
    expect(Object.keys(policy).sort()).toEqual([...POLICY_KEYS].sort());
  });
});

describe('parsePolicy: nothing managed', () => {
  it.each([undefined, null, {}])('%j gives an empty policy without warnings', (raw) => {
    expect(parsePolicy(raw)).toEqual({ policy: {}, warnings: [] });
  });
});

describe('parsePolicy: invalid values fail closed, with a specific warning', () => {
  it.each([
    [{ maxAutoLockMinutes: 0 }, 1, /"maxAutoLockMinutes".*0 is not a whole number from 1 to 1440, so 1 applies.*leave the policy unset/],
    [{ maxAutoLockMinutes: 1441 }, 1440, /"maxAutoLockMinutes".*1441 is not a whole number from 1 to 1440, so 1440 applies/],
    [{ maxAutoLockMinutes: -5 }, 1, /"maxAutoLockMinutes".*-5.*so 1 applies/],
    [{ maxAutoLockMinutes: 2.5 }, 2, /"maxAutoLockMinutes".*2\.5 is not a whole number.*so 2 applies/],
    [{ maxAutoLockMinutes: '30' }, 1, /"maxAutoLockMinutes".*the text "30" is not a whole number.*so 1 applies/],
    [{ maxAutoLockMinutes: Number.NaN }, 1, /"maxAutoLockMinutes".*NaN.*so 1 applies/],
    [{ minPassphraseLength: 7 }, 8, /"minPassphraseLength".*7 is not a whole number from 8 to 128, so 8 applies/],
    [{ minPassphraseLength: 12.2 }, 13, /"minPassphraseLength".*12\.2.*so 13 applies/],
    [{ minPassphraseLength: 129 }, 128, /"minPassphraseLength".*from 8 to 128, so 128 applies/],
    [{ minPassphraseLength: true }, 128, /"minPassphraseLength".*true is not a whole number.*so 128 applies/],
    [{ minKdfMemoryKiB: 19455 }, 19456, /"minKdfMemoryKiB".*19455 is not a whole number from 19456 to 262144/],
    [{ minKdfMemoryKiB: 2 ** 19 }, 262144, /"minKdfMemoryKiB".*from 19456 to 262144, so 262144 applies/],
    [{ minKdfIterations: 1 }, 2, /"minKdfIterations".*1 is not a whole number from 2 to 10, so 2 applies/],
    [{ minKdfIterations: 21 }, 10, /"minKdfIterations".*from 2 to 10, so 10 applies/],
    [{ allowPlainExport: 'true' }, false, /"allowPlainExport".*the text "true" is not true or false, so false applies/],
    [{ allowAutoSubmit: 1 }, false, /"allowAutoSubmit".*1 is not true or false, so false applies/],
    [{ autoFill: null }, false, /"autoFill".*null is not true or false/],
    [{ autoFill: {} }, false, /"autoFill".*type object is not true or false/],
    [{ allowPasskeyUnlock: 'no' }, false, /"allowPasskeyUnlock".*the text "no" is not true or false, so false applies/],
    [{ requirePasskeyUserVerification: 0 }, true, /"requirePasskeyUserVerification".*0 is not true or false, so true applies/],
    [{ backupReminder: 'Insist' }, 'insist', /"backupReminder".*the text "Insist" is not one of "off", "on", "insist", so "insist" applies/],
    [{ backupReminder: false }, 'insist', /"backupReminder".*false is not one of "off", "on", "insist", so "insist" applies/],
    [{ backupReminder: null }, 'insist', /"backupReminder".*null is not one of/],
  ])('%j', (raw, applied, warning) => {
    const { policy, warnings } = parsePolicy(raw);
    expect(policy).toEqual({ [Object.keys(raw)[0]!]: applied });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(warning);
    expect(warnings[0]).toMatch(/until it is fixed/);
  });

  it('keeps the valid keys next to invalid ones', () => {
    const { policy, warnings } = parsePolicy({ autoFill: false, minKdfIterations: 1, maxAutoLockMinutes: 30 });
    expect(policy).toEqual({ autoFill: false, minKdfIterations: 2, maxAutoLockMinutes: 30 });
    expect(warnings).toHaveLength(1);
  });

  it('reports unknown keys, including prototype names, and lists the known ones', () => {
    const raw = JSON.parse('{"autofill": true, "__proto__": {"autoFill": false}, "constructor": 1}');
    const { policy, warnings } = parsePolicy(raw);
    expect(policy).toEqual({});
    expect(Object.getPrototypeOf(policy)).toBe(Object.prototype);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/Unknown policy "autofill".*Known policies: allowedSites, .*autoFill/);
    expect(warnings[1]).toMatch(/Unknown policy "__proto__"/);
    expect(warnings[2]).toMatch(/Unknown policy "constructor"/);
  });

  it.each([['a string'], [42], [true], [[1, 2]]])('a non-object policy (%j) is ignored with a warning', (raw) => {
    const { policy, warnings } = parsePolicy(raw);
    expect(policy).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/must be a set of named values/);
  });
});

describe('parsePolicy: allowedSites', () => {
  it('drops each bad entry with its position and reason, keeping the good ones', () => {
    const { policy, warnings } = parsePolicy({
      allowedSites: ['https://portal.example.com', 'http://portal.example.org', 42, 'https://*.com', 'https://a.*.example.com', 'https://portal.example.com/login'],
    });
    expect(policy.allowedSites).toEqual(['https://portal.example.com']);
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(/entry 2 \(the text "http:\/\/portal.example.org"\) was ignored: Plain http is allowed only for localhost/);
    expect(warnings[1]).toMatch(/entry 3 was ignored: 42 is not a site address/);
    expect(warnings[2]).toMatch(/entry 4 .*would cover sites of many different owners/);
    expect(warnings[3]).toMatch(/entry 5 .*only as the whole leftmost label/);
    expect(warnings[4]).toMatch(/entry 6 .*Paths, queries and fragments are not supported/);
  });

  it.each([
    [[], /contains no usable site, so codes are not filled into any site/],
    [['http://portal.example.com'], /contains no usable site/],
    ['https://portal.example.com', /must be a list of sites.*not the text "https:\/\/portal.example.com".*not filled into any site/],
    [{ 0: 'https://portal.example.com' }, /must be a list of sites/],
    [null, /must be a list of sites.*not null/],
  ])('fails closed for %j', (value, warning) => {
    const { policy, warnings } = parsePolicy({ allowedSites: value });
    expect(policy.allowedSites).toEqual([]);
    expect(warnings.at(-1)).toMatch(warning);
  });

  it('caps very long lists', () => {
    const sites = Array.from({ length: 1005 }, (_, i) => `https://s${i}.example.com`);
    const { policy, warnings } = parsePolicy({ allowedSites: sites });
    expect(policy.allowedSites).toHaveLength(1000);
    expect(warnings).toEqual([expect.stringMatching(/only the first 1000 entries/)]);
  });
});
