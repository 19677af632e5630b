// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pickNativeApi } from '../../src/content/native-browser';

const api = () => ({ runtime: { sendMessage: async () => undefined } });

describe('the content script’s browser API', () => {
  it('is Firefox’s browser where there is one', () => {
    const browser = api();
    expect(pickNativeApi({ browser, chrome: api() })).toBe(browser);
  });

  it('is Chrome’s chrome, even when a page element named "browser" shows through as a global', () => {
    const chrome = api();
    const element = Object.assign(document.createElement('div'), { id: 'browser' });
    expect(pickNativeApi({ chrome })).toBe(chrome);
    expect(pickNativeApi({ browser: element as never, chrome })).toBe(chrome);
  });

  it('is Chrome’s chrome when a frame of another site named "browser" throws when asked', () => {
    const chrome = api();
    const crossOriginWindow = Object.defineProperty({}, 'runtime', {
      get() {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    });
    expect(pickNativeApi({ browser: crossOriginWindow, chrome })).toBe(chrome);
  });
});
