import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../src/messages';
import { filterAccounts } from '../../src/ui/filter-accounts';

function account(id: string, issuer: string, accountName: string, sites: string[] = []): AccountView {
  return { id, type: 'totp', issuer, accountName, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites, matchRegistrableDomain: false, createdAt: 0, updatedAt: 0, order: 0 };
}

const accounts = [
  account('a', 'JumpCloud', 'alice@example.com', ['https://console.jumpcloud.com']),
  account('b', 'GitHub', 'alice', ['https://github.com']),
  account('c', 'Acme VPN', 'bob@acme.test', ['https://vpn.acme.test']),
];
const ids = (list: AccountView[]) => list.map((a) => a.id);

describe('filterAccounts', () => {
  it('keeps everything for an empty or blank query', () => {
    expect(ids(filterAccounts(accounts, ''))).toEqual(['a', 'b', 'c']);
    expect(ids(filterAccounts(accounts, '   '))).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['jump', ['a']],
    ['ALICE', ['a', 'b']],
    ['vpn.acme', ['c']],
    ['github.com', ['b']],
    ['alice example', ['a']],
    ['alice acme', []],
    ['nothing', []],
  ])('"%s" matches %j (issuer, name or site; every word must match)', (query, expected) => {
    expect(ids(filterAccounts(accounts, query))).toEqual(expected);
  });

  it('keeps the original order', () => {
    expect(ids(filterAccounts([...accounts].reverse(), 'a'))).toEqual(['c', 'b', 'a']);
  });
});
