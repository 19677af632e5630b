import { describe, expect, it } from 'vitest';
import {
  addAccount,
  EMPTY_VAULT_DATA,
  findDuplicate,
  removeAccount,
  reorderAccounts,
  replaceAll,
  sortAccounts,
  updateAccount,
} from '../../src/vault/model';
import type { VaultData } from '../../src/vault/account-shape';
import { parseVaultData } from '../../src/vault/account-shape';
import { input, makeAccount } from './helpers';

function withAccounts(count: number): VaultData {
  let data = EMPTY_VAULT_DATA;
  for (let i = 0; i < count; i++) data = addAccount(data, input(makeAccount({ accountName: `user${i}` })), 1_000 + i).data;
  return data;
}

describe('addAccount', () => {
  it('assigns a random UUID, order last+1 and timestamps, and copies only known fields', () => {
    const first = addAccount(EMPTY_VAULT_DATA, { ...input(makeAccount()), extra: 'dropped' } as never, 42);
    expect(first.account.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.account).toMatchObject({ order: 0, createdAt: 42, updatedAt: 42, matchRegistrableDomain: false });
    expect('extra' in first.account).toBe(false);
    const second = addAccount(first.data, input(makeAccount()), 43);
    expect(second.account.order).toBe(1);
    expect(second.account.id).not.toBe(first.account.id);
    expect(EMPTY_VAULT_DATA.accounts).toHaveLength(0);
    expect(first.data.accounts).toHaveLength(1);
  });

  it('places a new account after the highest order, even after removals', () => {
    const data = withAccounts(3);
    const trimmed = removeAccount(data, data.accounts[0]!.id);
    expect(addAccount(trimmed, input(makeAccount()), 5).account.order).toBe(3);
  });

  it.each([
    [{ sites: ['https://portal.example.com/login'] }, 'vault/bad-site'],
    [{ sites: ['portal.example.com'] }, 'vault/bad-site'],
    [{ sites: ['javascript:alert(1)'] }, 'vault/bad-site'],
    [{ sites: ['https://portal.example.com/'] }, 'vault/bad-site'],
    [{ type: 'motp' }, 'vault/bad-account'],
    [{ secret: '' }, 'vault/bad-account'],
    [{ algorithm: 'MD5' }, 'vault/bad-account'],
    [{ counter: -1 }, 'vault/bad-account'],
    [{ digits: 6.5 }, 'vault/bad-account'],
    [{ matchRegistrableDomain: 'yes' }, 'vault/bad-account'],
  ])('refuses %o', (override, code) => {
    expect(() => addAccount(EMPTY_VAULT_DATA, { ...input(makeAccount()), ...override } as never, 1)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('accepts origins with ports and removes repeated sites', () => {
    const { account } = addAccount(
      EMPTY_VAULT_DATA,
      input(makeAccount({ sites: ['http://localhost:8080', 'https://a.example.com', 'https://a.example.com'] })),
      1,
    );
    expect(account.sites).toEqual(['http://localhost:8080', 'https://a.example.com']);
  });
});

describe('updateAccount', () => {
  it('changes editable fields, stamps updatedAt and leaves the rest alone', () => {
    const data = withAccounts(2);
    const target = data.accounts[1]!;
    const next = updateAccount(data, target.id, { issuer: 'New', counter: 9 }, 5_000);
    expect(next.accounts[1]).toEqual({ ...target, issuer: 'New', counter: 9, updatedAt: 5_000 });
    expect(next.accounts[0]).toBe(data.accounts[0]);
    expect(data.accounts[1]).toEqual(target);
  });

  it.each([['id'], ['secret'], ['order'], ['createdAt'], ['algorithm']])('refuses to change %s', (field) => {
    const data = withAccounts(1);
    expect(() => updateAccount(data, data.accounts[0]!.id, { [field]: 'x' } as never, 1)).toThrow(
      expect.objectContaining({ code: 'vault/bad-patch' }),
    );
  });

  it('throws vault/no-such-account for an unknown id and refuses bad values', () => {
    const data = withAccounts(1);
    expect(() => updateAccount(data, 'nope', {}, 1)).toThrow(expect.objectContaining({ code: 'vault/no-such-account' }));
    expect(() => updateAccount(data, data.accounts[0]!.id, { counter: -3 }, 1)).toThrow(expect.objectContaining({ code: 'vault/bad-account' }));
  });
});

describe('removeAccount / reorderAccounts / replaceAll', () => {
  it('removes by id and refuses unknown ids', () => {
    const data = withAccounts(3);
    expect(removeAccount(data, data.accounts[1]!.id).accounts.map((a) => a.id)).toEqual([data.accounts[0]!.id, data.accounts[2]!.id]);
    expect(() => removeAccount(data, 'nope')).toThrow(expect.objectContaining({ code: 'vault/no-such-account' }));
  });

  it('reorders by a full permutation and refuses anything else', () => {
    const data = withAccounts(3);
    const ids = data.accounts.map((a) => a.id);
    const reversed = [...ids].reverse();
    expect(sortAccounts(reorderAccounts(data, reversed).accounts).map((a) => a.id)).toEqual(reversed);
    for (const bad of [ids.slice(1), [...ids, ids[0]!], [ids[0]!, ids[0]!, ids[1]!], [...ids.slice(1), 'other']]) {
      expect(() => reorderAccounts(data, bad)).toThrow(expect.objectContaining({ code: 'vault/bad-order' }));
    }
  });

  it('replaces all accounts with order by position and refuses duplicate ids', () => {
    const data = withAccounts(2);
    const [a, b] = data.accounts as [never, never];
    expect(replaceAll(data, [b, a]).accounts.map((x: { order: number }) => x.order)).toEqual([0, 1]);
    expect(() => replaceAll(data, [a, a])).toThrow(expect.objectContaining({ code: 'vault/duplicate-id' }));
  });
});

describe('findDuplicate', () => {
  it('matches the same secret and issuer (issuer trimmed, any case), nothing else', () => {
    const data = withAccounts(1);
    const stored = data.accounts[0]!;
    expect(findDuplicate(data, { secret: stored.secret, issuer: ' JUMPCLOUD ' })).toBe(stored);
    expect(findDuplicate(data, { secret: stored.secret, issuer: 'Other' })).toBeUndefined();
    expect(findDuplicate(data, { secret: 'AAAAAAAAAAAAAAAA', issuer: stored.issuer })).toBeUndefined();
  });
});

describe('parseVaultData', () => {
  it('accepts what the model writes and refuses other shapes', () => {
    const data = withAccounts(2);
    expect(parseVaultData(JSON.parse(JSON.stringify(data)))).toEqual(data);
    for (const bad of [null, [], { accounts: {} }, { accounts: [{ id: 'x' }] }]) {
      expect(() => parseVaultData(bad)).toThrow(expect.objectContaining({ code: 'vault/malformed-contents' }));
    }
  });
});
