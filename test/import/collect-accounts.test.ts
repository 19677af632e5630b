import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { collectAccounts as collectTranslatable, isSameAccount } from '../../src/import/collect-accounts';
import { englishEntries } from '../english-messages';
import { findDuplicate, type VaultAccount } from '../../src/vault';
import { totpUri } from '../background/helpers';
import { migrationUri } from '../background/migration-builder';

const key = () => new OTPAuth.Secret({ size: 20 });

/** The accounts found and the skipped entries as the page shows them in English. */
function collectAccounts(texts: string[]) {
  const { accounts, skipped } = collectTranslatable(texts);
  return { accounts, skipped: englishEntries(skipped) };
}

describe('collectAccounts: otpauth links', () => {
  it('reads each link into an account, ignoring blank lines and surrounding spaces', () => {
    const a = key();
    const b = key();
    const { accounts, skipped } = collectAccounts(['', `  ${totpUri(a.base32, 'JumpCloud', 'alice')}  `, '   ', totpUri(b.base32, 'Acme', 'bob', '&digits=8')]);
    expect(skipped).toEqual([]);
    expect(accounts).toEqual([
      { type: 'totp', issuer: 'JumpCloud', accountName: 'alice', secret: a.base32, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { type: 'totp', issuer: 'Acme', accountName: 'bob', secret: b.base32, algorithm: 'SHA1', digits: 8, period: 30, counter: 0 },
    ]);
  });

  it('adds an account listed twice once, and says so', () => {
    const a = key();
    const { accounts, skipped } = collectAccounts([totpUri(a.base32, 'JumpCloud', 'alice'), totpUri(a.base32, 'JumpCloud', 'alice')]);
    expect(accounts).toHaveLength(1);
    expect(skipped).toEqual([{ label: 'JumpCloud — alice', reason: 'Listed twice; added once.' }]);
  });

  it('skips a broken link with its position and the parser’s reason, without echoing the link', () => {
    const texts = ['otpauth://totp/Acme:bob?issuer=Acme', 'otpauth://totp/Acme:bob?secret=ABC1DEF8GHIJKLMNOP&issuer=Acme'];
    const { accounts, skipped } = collectAccounts(texts);
    expect(accounts).toEqual([]);
    expect(skipped.map((s) => s.label)).toEqual(['Item 1', 'Item 2']);
    expect(skipped[0]!.reason).toMatch(/secret/i);
    expect(skipped[1]!.reason).not.toContain('ABC1DEF8GHIJKLMNOP');
  });
});

describe('collectAccounts: QR codes that are not authenticator codes', () => {
  it('describes a web link without its query, and plain text', () => {
    const { accounts, skipped } = collectAccounts(['https://portal.example.com/activate?token=s3cr3t-token', 'Welcome to the portal, 2nd floor!']);
    expect(accounts).toEqual([]);
    expect(skipped[0]).toEqual({ label: 'Item 1', reason: expect.stringMatching(/web link \(https:\/\/portal\.example\.com.*not an authenticator code/) });
    expect(skipped[0]!.reason).not.toContain('s3cr3t-token');
    expect(skipped[1]).toEqual({ label: 'Item 2', reason: expect.stringMatching(/plain text \("Welcome to the portal, 2nd floor!"\)/) });
  });

  it('recognises a bare key without repeating it', () => {
    const bare = key().base32;
    const { skipped } = collectAccounts([bare]);
    expect(skipped[0]!.reason).toMatch(/bare secret key/);
    expect(skipped[0]!.reason).not.toContain(bare);
  });
});

describe('collectAccounts: Google Authenticator exports', () => {
  const entries = [key(), key(), key()].map((k, i) => ({ k, e: { secret: k.bytes, issuer: `Issuer${i}`, name: `user${i}` } }));
  const parts = entries.map(({ e }, i) => migrationUri([e], i, 3, 77));

  it('reads every account of a complete export, in any scan order', () => {
    const { accounts, skipped } = collectAccounts([parts[2]!, parts[0]!, parts[1]!]);
    expect(skipped).toEqual([]);
    expect(accounts.map((a) => a.secret).sort()).toEqual(entries.map(({ k }) => k.base32).sort());
    expect(accounts.find((a) => a.issuer === 'Issuer1')).toMatchObject({ accountName: 'user1', type: 'totp', digits: 6, algorithm: 'SHA1' });
  });

  it('keeps what it read and reports the missing parts by number', () => {
    const one = collectAccounts([parts[0]!, parts[2]!]);
    expect(one.accounts).toHaveLength(2);
    expect(one.skipped).toEqual([{ label: 'Google Authenticator export', reason: expect.stringMatching(/^Missing parts: 2 \(of 3\)\./) }]);
    const two = collectAccounts([parts[1]!]);
    expect(two.skipped[0]!.reason).toMatch(/^Missing parts: 1, 3 \(of 3\)\./);
  });

  it('tracks two exports separately', () => {
    const other = migrationUri([{ secret: key().bytes, issuer: 'Solo', name: 'x' }], 0, 2, 99);
    const { accounts, skipped } = collectAccounts([...parts, other]);
    expect(accounts).toHaveLength(4);
    expect(skipped).toEqual([{ label: 'Google Authenticator export', reason: expect.stringMatching(/^Missing parts: 2 \(of 2\)\./) }]);
  });

  it('reads HOTP entries with their counter and drops an account also given as a link', () => {
    const hotp = key();
    const uri = migrationUri([{ secret: hotp.bytes, issuer: 'Bank', name: 'carol', type: 1, counter: 41 }, entries[0]!.e]);
    const { accounts, skipped } = collectAccounts([totpUri(entries[0]!.k.base32, 'Issuer0', 'user0'), uri]);
    expect(accounts).toHaveLength(2);
    expect(accounts[1]).toMatchObject({ type: 'hotp', issuer: 'Bank', counter: 41, secret: hotp.base32 });
    expect(skipped).toEqual([{ label: 'Issuer0 — user0', reason: 'Listed twice; added once.' }]);
  });

  it('skips a damaged export with a reason', () => {
    const { accounts, skipped } = collectAccounts(['otpauth-migration://offline?data=%%%']);
    expect(accounts).toEqual([]);
    expect(skipped).toEqual([{ label: 'Item 1', reason: expect.any(String) }]);
    expect(skipped[0]!.reason.length).toBeGreaterThan(10);
  });
});

describe('isSameAccount', () => {
  it('matches on secret and issuer only', () => {
    expect(isSameAccount({ secret: 'AAAA', issuer: 'X' }, { secret: 'AAAA', issuer: 'X' })).toBe(true);
    expect(isSameAccount({ secret: 'AAAA', issuer: 'X' }, { secret: 'BBBB', issuer: 'X' })).toBe(false);
    expect(isSameAccount({ secret: 'AAAA', issuer: 'X' }, { secret: 'AAAA', issuer: 'Y' })).toBe(false);
  });

  it('agrees with the vault’s duplicate rule, so a preview says what a commit will do', () => {
    const stored = { secret: 'JBSWY3DPEHPK3PXP', issuer: 'JumpCloud' } as VaultAccount;
    for (const issuer of ['JumpCloud', 'jumpcloud', ' JumpCloud ', 'JUMPCLOUD', 'Other']) {
      const candidate = { secret: 'JBSWY3DPEHPK3PXP', issuer };
      const vaultSays = findDuplicate({ accounts: [stored] }, candidate) !== undefined;
      expect(isSameAccount(stored, candidate), issuer).toBe(vaultSays);
    }
  });
});
