import { describe, expect, it } from 'vitest';
import { classifySender, type SenderInfo } from '../../src/background/sender';
import { ProtocolError } from '../../src/errors';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const classify = (sender: SenderInfo) => classifySender(sender, ID, BASE);

function refusedWith(sender: SenderInfo): string {
  try {
    classify(sender);
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as ProtocolError).code;
  }
  throw new Error(`sender was accepted: ${JSON.stringify(classify(sender))}`);
}

describe('classifySender: extension pages', () => {
  it('accepts the popup (no tab) and the options page', () => {
    expect(classify({ id: ID, url: `${BASE}popup.html` })).toEqual({ kind: 'page' });
    expect(classify({ id: ID, url: `${BASE}options.html`, frameId: 0, tab: { id: 4, url: `${BASE}options.html` } })).toEqual({ kind: 'page' });
  });

  it('accepts the popup opened in a tab of its own', () => {
    expect(classify({ id: ID, url: `${BASE}popup.html#/accounts`, frameId: 0, tab: { id: 9, url: `${BASE}popup.html#/accounts` } })).toEqual({
      kind: 'page',
    });
  });

  it('accepts Firefox extension pages under their moz-extension base', () => {
    const base = 'moz-extension://0b5e6f2a-1111-2222-3333-444455556666/';
    expect(classifySender({ id: 'portal@example.org', url: `${base}popup.html` }, 'portal@example.org', base)).toEqual({ kind: 'page' });
  });

  it('does not treat an extension page framed inside a web page as a trusted page', () => {
    const code = refusedWith({
      id: ID,
      url: `${BASE}options.html`,
      origin: `chrome-extension://${ID}`,
      frameId: 5,
      tab: { id: 4, url: 'https://evil.test/' },
    });
    expect(code).toBe('protocol/unknown-frame');
  });

  it('does not take a host that merely starts like the extension base for the extension', () => {
    const sender = { id: ID, url: `chrome-extension://${ID}x/popup.html`, tab: { id: 1, url: 'https://evil.test/' } };
    expect(refusedWith(sender)).toBe('protocol/unknown-frame');
  });
});

describe('classifySender: content scripts', () => {
  it('describes a top frame by its origin, tab and window', () => {
    const sender = {
      id: ID,
      url: 'https://portal.example.com/login?next=%2F',
      origin: 'https://portal.example.com',
      frameId: 0,
      tab: { id: 12, url: 'https://portal.example.com/login?next=%2F', windowId: 3 },
    };
    expect(classify(sender)).toEqual({
      kind: 'content',
      frameOrigin: 'https://portal.example.com',
      topOrigin: 'https://portal.example.com',
      tabId: 12,
      frameId: 0,
      windowId: 3,
      frameUrl: 'https://portal.example.com/login?next=%2F',
    });
  });

  it('tells a cross-origin iframe apart from its tab (frameOrigin vs topOrigin)', () => {
    const sender = { id: ID, url: 'https://sso.example.net/otp', origin: 'https://sso.example.net', frameId: 8, tab: { id: 12, url: 'https://intranet.example.org/' } };
    expect(classify(sender)).toMatchObject({ kind: 'content', frameOrigin: 'https://sso.example.net', topOrigin: 'https://intranet.example.org', frameId: 8 });
  });

  it('uses the frame URL when the browser gives no origin (Firefox)', () => {
    const sender = { id: ID, url: 'https://portal.example.com:8443/a', frameId: 0, tab: { id: 2, url: 'https://portal.example.com:8443/a' } };
    expect(classify(sender)).toMatchObject({ frameOrigin: 'https://portal.example.com:8443' });
  });

  it('prefers the browser-reported origin of an about:blank frame to its URL', () => {
    const sender = { id: ID, url: 'about:blank', origin: 'https://portal.example.com', frameId: 2, tab: { id: 2, url: 'https://portal.example.com/' } };
    expect(classify(sender)).toMatchObject({ frameOrigin: 'https://portal.example.com' });
  });

  it('ignores anything but the sender object: fields a page might forge are not read', () => {
    const forged = { id: ID, url: 'https://evil.test/', origin: 'https://evil.test', frameId: 0, tab: { id: 2, url: 'https://evil.test/' }, frameOrigin: 'https://portal.example.com' };
    expect(classify(forged as SenderInfo)).toMatchObject({ frameOrigin: 'https://evil.test', topOrigin: 'https://evil.test' });
  });
});

describe('classifySender: refused senders', () => {
  it('refuses other extensions and senders without an id', () => {
    expect(refusedWith({ id: 'someone-else', url: `${BASE}popup.html` })).toBe('protocol/foreign-sender');
    expect(refusedWith({ id: 'someone-else', url: 'https://portal.example.com/', tab: { id: 1 } })).toBe('protocol/foreign-sender');
    expect(refusedWith({ url: `${BASE}popup.html` })).toBe('protocol/foreign-sender');
  });

  it.each([
    ['data: frame', { url: 'data:text/html,<b>hi</b>', origin: 'null' }],
    ['srcdoc frame', { url: 'about:srcdoc', origin: 'null' }],
    ['file page', { url: 'file:///home/alice/login.html' }],
    ['ftp page', { url: 'ftp://files.example.com/' }],
    ['blob frame without origin', { url: 'blob:null/1234' }],
    ['no URL at all', {}],
  ])('refuses a %s', (_name, parts) => {
    expect(refusedWith({ id: ID, frameId: 1, tab: { id: 3, url: 'https://portal.example.com/' }, ...parts })).toBe('protocol/unknown-frame');
  });

  it('refuses a frame whose origin is opaque (sandboxed), even if its URL names a bound site', () => {
    const sandboxed = { id: ID, url: 'https://portal.example.com/login', origin: 'null', frameId: 4, tab: { id: 3, url: 'https://evil.test/' } };
    expect(refusedWith(sandboxed)).toBe('protocol/unknown-frame');
  });

  it('refuses a web frame that is not in a tab', () => {
    expect(refusedWith({ id: ID, url: 'https://portal.example.com/', origin: 'https://portal.example.com' })).toBe('protocol/unknown-frame');
  });
});
