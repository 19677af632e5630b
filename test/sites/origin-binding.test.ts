import { describe, expect, it } from 'vitest';
import { isOriginAllowed, registrableDomainOfSite, normalizeOrigin, type BindingMatch } from '../../src/sites/origin-binding';
import { SiteError } from '../../src/sites/errors';

const PORTAL = ['https://portal.example.com'];

describe('isOriginAllowed', () => {
  const cases: [string, string[], boolean, string, BindingMatch][] = [
    ['exact origin', PORTAL, false, 'https://portal.example.com', 'exact'],
    ['exact, frame given as a full URL', PORTAL, false, 'https://portal.example.com/login?next=/', 'exact'],
    ['explicit default port is the same origin', PORTAL, false, 'https://portal.example.com:443', 'exact'],
    ['host case does not matter', PORTAL, false, 'https://PORTAL.Example.COM', 'exact'],
    ['sibling host without domain matching', PORTAL, false, 'https://sso.example.com', 'no'],
    ['sibling host with domain matching', PORTAL, true, 'https://sso.example.com', 'registrable-domain'],
    ['apex with domain matching', PORTAL, true, 'https://example.com', 'registrable-domain'],
    ['deeper subdomain with domain matching', PORTAL, true, 'https://a.b.example.com', 'registrable-domain'],
    ['other port is not exact', PORTAL, false, 'https://portal.example.com:8443', 'no'],
    ['other port is not the same domain binding', PORTAL, true, 'https://sso.example.com:8443', 'no'],
    ['http downgrade of the exact host', PORTAL, true, 'http://portal.example.com', 'no'],
    ['look-alike suffix', PORTAL, true, 'https://portal.example.com.evil.test', 'no'],
    ['look-alike hyphen', PORTAL, true, 'https://portal-example.com', 'no'],
    ['look-alike digit', PORTAL, true, 'https://portal.examp1e.com', 'no'],
    ['punycode homograph (Cyrillic a)', PORTAL, true, 'https://portal.xn--exmple-4nf.com', 'no'],
    ['unicode homograph as typed', PORTAL, true, 'https://portal.exаmple.com', 'no'],
    ['registrable domain inside a path', PORTAL, true, 'https://evil.test/portal.example.com', 'no'],
    ['userinfo trick', PORTAL, true, 'https://portal.example.com@evil.test', 'no'],
    ['opaque origin', PORTAL, true, 'null', 'no'],
    ['not a URL', PORTAL, true, 'portal.example.com', 'no'],
    ['file scheme', PORTAL, true, 'file:///portal.example.com', 'no'],
    ['multi-part public suffix', ['https://portal.example.co.uk'], true, 'https://sso.example.co.uk', 'registrable-domain'],
    ['neighbour under a multi-part suffix', ['https://portal.example.co.uk'], true, 'https://other.co.uk', 'no'],
    ['private suffix: other tenant of github.io', ['https://alice.github.io'], true, 'https://bob.github.io', 'no'],
    ['private suffix: same tenant', ['https://alice.github.io'], true, 'https://alice.github.io', 'exact'],
    ['localhost http exact', ['http://localhost:3000'], false, 'http://localhost:3000', 'exact'],
    ['localhost other port', ['http://localhost:3000'], true, 'http://localhost:3001', 'no'],
    ['127.0.0.1 http exact', ['http://127.0.0.1:8080'], true, 'http://127.0.0.1:8080', 'exact'],
    ['IP address never widens', ['https://10.0.0.5'], true, 'https://10.0.0.6', 'no'],
    ['account site written without scheme', ['portal.example.com'], false, 'https://portal.example.com', 'exact'],
    ['junk account sites are ignored, good one still matches', ['not a site', 'https://portal.example.com'], false, 'https://portal.example.com', 'exact'],
    ['account bound to plain http elsewhere than localhost', ['http://portal.example.com'], true, 'http://portal.example.com', 'no'],
    ['no sites', [], true, 'https://portal.example.com', 'no'],
  ];
  it.each(cases)('%s', (_, sites, domain, frame, expected) => {
    expect(isOriginAllowed(sites, domain, frame)).toBe(expected);
  });
});

describe('normalizeOrigin', () => {
  it.each([
    ['portal.example.com', 'https://portal.example.com'],
    ['  https://Portal.Example.com/login?x=1#y  ', 'https://portal.example.com'],
    ['portal.example.com:8443/path', 'https://portal.example.com:8443'],
    ['https://portal.example.com:443', 'https://portal.example.com'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080'],
    ['bücher.example', 'https://xn--bcher-kva.example'],
    ['https://intranet', 'https://intranet'],
  ])('%j -> %s', (input, expected) => {
    expect(normalizeOrigin(input)).toBe(expected);
  });

  it.each([
    ['', 'site/empty'],
    ['   ', 'site/empty'],
    ['portal example com', 'site/invalid'],
    ['https://', 'site/invalid'],
    ['ftp://portal.example.com', 'site/unsupported-scheme'],
    ['javascript:alert(1)', 'site/invalid'],
    ['http://portal.example.com', 'site/insecure'],
    ['https://user:pw@portal.example.com', 'site/has-credentials'],
    ['https://portal.example.com@evil.test', 'site/has-credentials'],
    ['*.example.com', 'site/wildcard'],
    ['https://por_tal.example.com', 'site/invalid'],
    ['x'.repeat(3000), 'site/invalid'],
  ])('%j is refused with %s', (input, code) => {
    let error: unknown;
    try {
      normalizeOrigin(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SiteError);
    expect(error).toMatchObject({ code });
    expect((error as SiteError).userMessage.length).toBeGreaterThan(20);
  });
});


describe('registrableDomainOfSite', () => {
  it.each([
    ['https://sso.example.co.uk', 'example.co.uk'],
    ['portal.example.com', 'example.com'],
    ['https://alice.github.io', 'alice.github.io'],
    ['http://localhost:8080', undefined],
    ['not a site', undefined],
  ])('%s -> %s', (site, domain) => {
    expect(registrableDomainOfSite(site)).toBe(domain);
  });
});
