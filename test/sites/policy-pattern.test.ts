import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../src/policy/errors';
import { matchSitePattern, parseSitePattern } from '../../src/sites/policy-pattern';

describe('parseSitePattern accepts and normalises', () => {
  it.each([
    ['https://portal.example.com', 'https://portal.example.com', false],
    ['https://Portal.Example.COM/', 'https://portal.example.com', false],
    ['portal.example.com', 'https://portal.example.com', false],
    ['https://portal.example.com:443', 'https://portal.example.com', false],
    ['https://portal.example.com:8443', 'https://portal.example.com:8443', false],
    ['  https://*.example.com  ', 'https://*.example.com', true],
    ['https://*.Example.com:8443/', 'https://*.example.com:8443', true],
    ['https://*.bücher.example', 'https://*.xn--bcher-kva.example', true],
    ['http://localhost:8417', 'http://localhost:8417', false],
    ['http://127.0.0.1', 'http://127.0.0.1', false],
    ['http://[::1]:3000', 'http://[::1]:3000', false],
    ['https://10.0.0.5', 'https://10.0.0.5', false],
    ['https://*.portal.corp', 'https://*.portal.corp', true],
  ])('%s -> %s', (input, text, wildcard) => {
    const pattern = parseSitePattern(input);
    expect(pattern.text).toBe(text);
    expect(pattern.wildcard).toBe(wildcard);
  });
});

describe('parseSitePattern refuses', () => {
  it.each([
    ['', 'policy/site-empty'],
    ['   ', 'policy/site-empty'],
    ['https://portal example.com', 'policy/site-invalid'],
    ['ftp://portal.example.com', 'policy/site-scheme'],
    ['*://portal.example.com', 'policy/site-scheme'],
    ['://portal.example.com', 'policy/site-scheme'],
    ['javascript:alert(1)', 'policy/site-invalid'],
    ['http://portal.example.com', 'policy/site-insecure'],
    ['http://*.localhost', 'policy/site-insecure'],
    ['https://portal.example.com/login', 'policy/site-path'],
    ['https://portal.example.com/?next=1', 'policy/site-path'],
    ['https://user:pw@portal.example.com', 'policy/site-credentials'],
    ['https://portal.*.example.com', 'policy/site-wildcard'],
    ['https://portal*.example.com', 'policy/site-wildcard'],
    ['https://*example.com', 'policy/site-wildcard'],
    ['https://*.*.example.com', 'policy/site-wildcard'],
    ['https://*', 'policy/site-wildcard'],
    ['*', 'policy/site-wildcard'],
    ['https://*.com', 'policy/site-too-broad'],
    ['https://*.co.uk', 'policy/site-too-broad'],
    ['https://*.github.io', 'policy/site-too-broad'],
    ['https://*.10.0.0.5', 'policy/site-wildcard'],
    ['https://portal.example.com.', 'policy/site-invalid'],
    ['https://a_b.example.com', 'policy/site-invalid'],
    ['https://999.1.1.1', 'policy/site-invalid'],
    ['https://portal.example.com:99999', 'policy/site-invalid'],
  ])('%j (%s)', (input, code) => {
    let thrown: unknown;
    try {
      parseSitePattern(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyError);
    expect((thrown as PolicyError).code).toBe(code);
    expect((thrown as PolicyError).userMessage.length).toBeGreaterThan(20);
  });

  it('names a valid form in every refusal', () => {
    for (const input of ['ftp://x.example', 'https://portal.example.com/login', 'https://a.*.example.com']) {
      expect(() => parseSitePattern(input)).toThrow(/https:\/\//);
    }
  });
});

describe('matchSitePattern', () => {
  const wildcard = 'https://*.example.com';
  const exact = 'https://portal.example.com';
  const withPort = 'https://*.example.com:8443';
  const loopback = 'http://localhost:8417';

  it.each([
    [wildcard, 'https://example.com', true],
    [wildcard, 'https://portal.example.com', true],
    [wildcard, 'https://a.b.portal.example.com', true],
    [wildcard, 'https://portal.example.com/login?x=1', true],
    [wildcard, 'https://PORTAL.EXAMPLE.COM', true],
    // look-alikes
    [wildcard, 'https://portal.example.com.evil.test', false],
    [wildcard, 'https://evilexample.com', false],
    [wildcard, 'https://example.com.evil.test', false],
    [wildcard, 'https://portal-example.com', false],
    [wildcard, 'https://example.co', false],
    [wildcard, 'https://portal.example.com.', false],
    // scheme and port
    [wildcard, 'http://portal.example.com', false],
    [wildcard, 'https://portal.example.com:8443', false],
    [wildcard, 'https://portal.example.com:443', true],
    [wildcard, 'wss://portal.example.com', false],
    [withPort, 'https://portal.example.com:8443', true],
    [withPort, 'https://portal.example.com', false],
    [exact, 'https://portal.example.com', true],
    [exact, 'https://www.portal.example.com', false],
    [exact, 'https://example.com', false],
    [exact, 'https://portal.example.com.evil.test', false],
    [exact, 'https://user@portal.example.com', false],
    [loopback, 'http://localhost:8417', true],
    [loopback, 'http://localhost:8418', false],
    [loopback, 'https://localhost:8417', false],
    [loopback, 'http://127.0.0.1:8417', false],
    // not origins at all
    [exact, 'null', false],
    [exact, '', false],
    [exact, 'portal.example.com', false],
  ])('%s vs %s', (pattern, origin, expected) => {
    expect(matchSitePattern(parseSitePattern(pattern), origin)).toBe(expected);
  });
});
