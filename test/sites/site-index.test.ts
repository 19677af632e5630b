import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSiteIndex } from '../../src/sites/site-index';
import { isOriginAllowed } from '../../src/sites/origin-binding';

beforeEach(() => {
  fakeBrowser.reset();
});

const index = () => createSiteIndex(fakeBrowser.storage.local);

const ACCOUNTS = [
  { sites: ['https://portal.example.com'], matchRegistrableDomain: false },
  { sites: ['https://login.corp.co.uk', 'http://localhost:8080'], matchRegistrableDomain: true },
  { sites: ['https://alice.github.io'], matchRegistrableDomain: true },
];

const ORIGINS = [
  'https://portal.example.com',
  'https://portal.example.com.evil.test',
  'https://portal-example.com',
  'http://portal.example.com',
  'https://portal.example.com:8443',
  'https://www.example.com',
  'https://login.corp.co.uk',
  'https://mail.corp.co.uk',
  'https://corp.co.uk',
  'https://other.co.uk',
  'http://mail.corp.co.uk',
  'https://mail.corp.co.uk:8443',
  'http://localhost:8080',
  'http://localhost:8081',
  'https://alice.github.io',
  'https://bob.github.io',
];

describe('createSiteIndex', () => {
  it('knows no site before the first rebuild', async () => {
    expect(await index().mayBeBound('https://portal.example.com')).toBe(false);
  });

  it('says bound for exact origins and not for look-alikes', async () => {
    await index().rebuild([ACCOUNTS[0]!]);
    expect(await index().mayBeBound('https://portal.example.com')).toBe(true);
    for (const origin of ['https://portal.example.com.evil.test', 'https://portal-example.com', 'http://portal.example.com', 'https://portal.example.com:8443', 'https://www.example.com']) {
      expect(await index().mayBeBound(origin), origin).toBe(false);
    }
  });

  it('covers the registrable domain only for accounts that allow it', async () => {
    await index().rebuild([ACCOUNTS[1]!]);
    expect(await index().mayBeBound('https://mail.corp.co.uk')).toBe(true);
    expect(await index().mayBeBound('https://other.co.uk')).toBe(false);
    expect(await index().mayBeBound('https://corp.co.uk.evil.test')).toBe(false);
  });

  it('never misses an origin the fill rule would accept (a locked vault must still say "unlock")', async () => {
    await index().rebuild(ACCOUNTS);
    for (const origin of ORIGINS) {
      const allowed = ACCOUNTS.some((a) => isOriginAllowed(a.sites, a.matchRegistrableDomain, origin) !== 'no');
      if (allowed) expect(await index().mayBeBound(origin), origin).toBe(true);
    }
  });

  it('says bound exactly where the fill rule would fill (private suffixes, ports and schemes included)', async () => {
    await index().rebuild(ACCOUNTS);
    const disagreements: string[] = [];
    for (const origin of ORIGINS) {
      const allowed = ACCOUNTS.some((a) => isOriginAllowed(a.sites, a.matchRegistrableDomain, origin) !== 'no');
      if ((await index().mayBeBound(origin)) !== allowed) disagreements.push(origin);
    }
    expect(disagreements).toEqual([]);
  });

  it('stores only salted hashes, never a site name', async () => {
    await index().rebuild(ACCOUNTS);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const word of ['portal', 'example', 'corp', 'localhost', 'github', 'alice']) expect(stored).not.toContain(word);
  });

  it('keeps its salt across rebuilds, uses a fresh one per install, and forgets removed sites', async () => {
    await index().rebuild(ACCOUNTS);
    const first = (await fakeBrowser.storage.local.get('siteIndex')).siteIndex as { salt: string; hashes: string[] };
    await index().rebuild([ACCOUNTS[0]!]);
    const second = (await fakeBrowser.storage.local.get('siteIndex')).siteIndex as { salt: string; hashes: string[] };
    expect(second.salt).toBe(first.salt);
    expect(first.hashes).toEqual(expect.arrayContaining(second.hashes));
    expect(await index().mayBeBound('https://login.corp.co.uk')).toBe(false);

    fakeBrowser.reset();
    await index().rebuild([ACCOUNTS[0]!]);
    const other = (await fakeBrowser.storage.local.get('siteIndex')).siteIndex as { salt: string; hashes: string[] };
    expect(other.salt).not.toBe(first.salt);
    expect(other.hashes).not.toEqual(second.hashes);
  });

  it('empties when no account is bound any more', async () => {
    await index().rebuild(ACCOUNTS);
    await index().rebuild([]);
    for (const origin of ORIGINS) expect(await index().mayBeBound(origin)).toBe(false);
  });
});
