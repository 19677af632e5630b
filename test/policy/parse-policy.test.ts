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
    [{ minKdfMemoryKiB: 1048576 }, { minKdfMemoryKiB: 1048576 }],
    [{ minKdfIterations: 2 }, { minKdfIterations: 2 }],
    [{ minKdfIterations: 20 }, { minKdfIterations: 20 }],
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

describe('parsePolicy: invalid values are ignored with a specific warning', () => {
  it.each([
    [{ maxAutoLockMinutes: 0 }, /"maxAutoLockMinutes".*0 is not a whole number from 1 to 1440.*leave the policy unset/],
    [{ maxAutoLockMinutes: 1441 }, /"maxAutoLockMinutes".*1441 is not a whole number from 1 to 1440/],
    [{ maxAutoLockMinutes: -5 }, /"maxAutoLockMinutes".*-5/],
    [{ maxAutoLockMinutes: 2.5 }, /"maxAutoLockMinutes".*2\.5 is not a whole number/],
    [{ maxAutoLockMinutes: '30' }, /"maxAutoLockMinutes".*the text "30" is not a whole number/],
    [{ maxAutoLockMinutes: Number.NaN }, /"maxAutoLockMinutes".*NaN/],
    [{ minPassphraseLength: 7 }, /"minPassphraseLength".*7 is not a whole number from 8 to 128/],
    [{ minPassphraseLength: 129 }, /"minPassphraseLength".*from 8 to 128/],
    [{ minPassphraseLength: true }, /"minPassphraseLength".*true is not a whole number/],
    [{ minKdfMemoryKiB: 19455 }, /"minKdfMemoryKiB".*19455 is not a whole number from 19456 to 1048576/],
    [{ minKdfMemoryKiB: 2 ** 21 }, /"minKdfMemoryKiB".*from 19456 to 1048576/],
    [{ minKdfIterations: 1 }, /"minKdfIterations".*1 is not a whole number from 2 to 20/],
    [{ minKdfIterations: 21 }, /"minKdfIterations".*from 2 to 20/],
    [{ allowPlainExport: 'false' }, /"allowPlainExport".*the text "false" is not true or false/],
    [{ allowAutoSubmit: 0 }, /"allowAutoSubmit".*0 is not true or false/],
    [{ autoFill: null }, /"autoFill".*null is not true or false/],
    [{ autoFill: {} }, /"autoFill".*type object is not true or false/],
  ])('%j', (raw, warning) => {
    const { policy, warnings } = parsePolicy(raw);
    expect(policy).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(warning);
    expect(warnings[0]).toMatch(/ignored/);
  });

  it('keeps the valid keys next to invalid ones', () => {
    const { policy, warnings } = parsePolicy({ autoFill: false, minKdfIterations: 1, maxAutoLockMinutes: 30 });
    expect(policy).toEqual({ autoFill: false, maxAutoLockMinutes: 30 });
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
