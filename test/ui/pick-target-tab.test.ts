import { describe, expect, it } from 'vitest';
import { findWebOrigin, pickTargetTab } from '../../src/ui/pick-target-tab';

const popup = { id: 1, url: 'chrome-extension://abc/popup.html', lastAccessed: 500, index: 3 };

describe('pickTargetTab (the popup open as a tab works on the last web page in front)', () => {
  it.each([
    ['the most recently accessed web tab wins', [{ id: 2, url: 'https://a.example/', lastAccessed: 100, index: 0 }, { id: 3, url: 'http://b.example/x', lastAccessed: 300, index: 1 }], 3],
    ['never the popup itself, even when it is the newest', [{ id: 2, url: 'https://a.example/', lastAccessed: 100, index: 0 }], 2],
    ['non-web tabs are ignored', [{ id: 4, url: 'chrome://settings', lastAccessed: 400, index: 0 }, { id: 5, url: 'about:blank', lastAccessed: 450, index: 1 }, { id: 6, url: 'https://c.example/', lastAccessed: 1, index: 2 }], 6],
    ['without lastAccessed the right-most web tab wins', [{ id: 7, url: 'https://a.example/', index: 0 }, { id: 8, url: 'https://b.example/', index: 2 }], 8],
  ])('%s', (_name, tabs, expected) => {
    expect(pickTargetTab([popup, ...tabs], popup.id)?.id).toBe(expected);
  });

  it('answers undefined when the window has no web page', () => {
    expect(pickTargetTab([popup, { id: 9, url: 'chrome://newtab/', lastAccessed: 9 }], popup.id)).toBeUndefined();
  });
});

describe('findWebOrigin', () => {
  it.each([
    ['https://portal.example.com/login?x=1', 'https://portal.example.com'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['chrome-extension://abc/popup.html', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s -> %s', (url, origin) => {
    expect(findWebOrigin(url)).toBe(origin);
  });
});
