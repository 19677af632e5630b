// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { isPopupNavigation, popupDocument, rememberSuccess, splitPopupTemplate } from '../../src/background/popup-document';
import type { AccountView, Reply, VaultOverview } from '../../src/messages';
import { EMBEDDED_OVERVIEW_ID, readEmbeddedOverview } from '../../src/ui/first-screen';
import { POPUP_STYLE_ID, takeOverServedScreen } from '../../src/ui/popup/popup-root';
import { byTestId, createFakeClient, settle, useEnglishMessages } from '../ui/helpers';

const BASE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const TEMPLATE = readFileSync('entrypoints/popup/index.html', 'utf8');
const NOW = Date.UTC(2026, 10, 28, 9, 0, 5);

function account(id: string, issuer: string, order: number): AccountView {
  return { id, type: 'totp', issuer, accountName: `${id}@example.com`, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: [], matchRegistrableDomain: false, createdAt: 0, updatedAt: 0, order };
}

function unlocked(accounts: AccountView[]): VaultOverview {
  const codes = accounts.map((a, i) => ({ id: a.id, code: `${i + 1}${i + 1}${i + 1}456`, nextCode: '000000', secondsRemaining: 25, period: 30 }));
  return { state: 'unlocked', accounts, codes, codesComplete: true, now: NOW };
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The page the worker sends for `overview`, read to its end (the route the browser takes). */
async function serve(overview: VaultOverview): Promise<string> {
  const source = { template: async () => TEMPLATE, overview: async () => ({ ok: true as const, value: overview }), now: () => NOW, version: '1.2.3' };
  return (await popupDocument(source)).text();
}

beforeEach(() => {
  useEnglishMessages();
  document.body.innerHTML = '';
});

describe('which requests are the popup opening', () => {
  it('is a navigation to our popup.html, whatever its query or fragment', () => {
    expect(isPopupNavigation({ url: `${BASE}popup.html`, mode: 'navigate' }, BASE)).toBe(true);
    expect(isPopupNavigation({ url: `${BASE}popup.html?x=1#top`, mode: 'navigate' }, BASE)).toBe(true);
  });

  it('is not a fetch of it, another page of ours, or another extension', () => {
    expect(isPopupNavigation({ url: `${BASE}popup.html`, mode: 'cors' }, BASE)).toBe(false);
    expect(isPopupNavigation({ url: `${BASE}options.html`, mode: 'navigate' }, BASE)).toBe(false);
    expect(isPopupNavigation({ url: `${BASE}chunks/popup.html`, mode: 'navigate' }, BASE)).toBe(false);
    expect(isPopupNavigation({ url: 'chrome-extension://otherotherotherotherotherothero/popup.html', mode: 'navigate' }, BASE)).toBe(false);
  });
});

describe('the served popup', () => {
  it('carries its answer as data instead of the early script, its styles, and the first screen drawn', async () => {
    const overview: VaultOverview = { state: 'uninitialised' };
    const doc = parse(await serve(overview));
    expect(doc.querySelector('script[src="/popup-ask.js"]')).toBeNull();
    expect(doc.getElementById(EMBEDDED_OVERVIEW_ID)?.getAttribute('type')).toBe('application/json');
    expect(readEmbeddedOverview(doc)).toEqual(overview);
    expect(doc.getElementById(POPUP_STYLE_ID)?.textContent).toContain('.popup');
    expect(byTestId(doc, 'create-vault')?.textContent).toBe('Create vault');
    // The page's own script still loads, to take the drawn screen over.
    expect(doc.querySelector('script[type="module"]')).not.toBeNull();
  });

  it('draws the accounts with their codes, grouped', async () => {
    const doc = parse(await serve(unlocked([account('a', 'Alpha', 0), account('b', 'Beta', 1)])));
    const codes = [...doc.querySelectorAll('[data-testid="account-code"]')].map((e) => e.textContent);
    expect(codes).toEqual(['111 456', '222 456']);
    expect(doc.body.textContent).toContain('Alpha');
  });

  it('keeps hostile account names inside the data and shows them as text', async () => {
    const hostile = '</script><img id="injected" src="x"><!--&" onclick="x';
    const overview = unlocked([account('a', hostile, 0)]);
    const html = await serve(overview);
    const doc = parse(html);
    expect(doc.getElementById('injected')).toBeNull();
    expect(doc.querySelectorAll('script[type="application/json"]')).toHaveLength(1);
    expect(readEmbeddedOverview(doc)).toEqual(overview);
    expect(doc.getElementById('app')?.textContent).toContain(hostile);
  });

  it('goes out with the answer only when the screen cannot be drawn, for the script to draw', async () => {
    const broken = { state: 'unlocked' } as VaultOverview; // no accounts: the list cannot be drawn
    const doc = parse(await serve(broken));
    expect(readEmbeddedOverview(doc)).toEqual(broken);
    expect(doc.getElementById('app')?.children).toHaveLength(0);
  });

  it('is not served from a template without the early script it replaces', () => {
    expect(splitPopupTemplate(TEMPLATE.replace(/<script[^>]*popup-ask[^>]*><\/script>/, ''))).toBeUndefined();
    expect(splitPopupTemplate(TEMPLATE.replace('<div id="app"></div>', '<main></main>'))).toBeUndefined();
  });
});

describe('taking over the served screen', () => {
  async function takeOver(overview: VaultOverview, clock: () => number) {
    const served = parse(await serve(overview));
    document.body.innerHTML = served.getElementById('app')!.outerHTML; // the drawn screen, without the page's script
    const root = document.getElementById('app')!;
    const fake = createFakeClient(() => ({ codes: [], now: NOW }), clock);
    return { root, fake, drawn: [...root.querySelectorAll('[data-testid="account-copy"]')], take: () => takeOverServedScreen(root, fake.client, readEmbeddedOverview(served)!) };
  }

  it('keeps the drawn elements and makes them work: a click copies the code', async () => {
    const { root, fake, drawn, take } = await takeOver(unlocked([account('a', 'Alpha', 0), account('b', 'Beta', 1)]), () => NOW);
    expect(drawn).toHaveLength(2);
    await act(async () => take());
    const rows = [...root.querySelectorAll('[data-testid="account-copy"]')];
    expect(rows).toHaveLength(2);
    rows.forEach((row, i) => expect(row).toBe(drawn[i]));

    await act(async () => (rows[1] as HTMLElement).click());
    await settle();
    expect(fake.copied).toEqual(['222456']);
  });

  it('turns the countdown red when the page takes over later than the screen was drawn', async () => {
    // Drawn with 6 s left; the page takes over 1.5 s later, when the code is in its last 5 s.
    const overview = unlocked([account('a', 'Alpha', 0)]);
    if (overview.state === 'unlocked') overview.codes[0]!.secondsRemaining = 6;
    const { root, take } = await takeOver(overview, () => NOW + 1_500);
    const code = () => root.querySelector('[data-testid="account-code"]')!;
    expect(code().classList.contains('urgent')).toBe(false);
    await act(async () => take());
    await settle(600); // the countdown's next tick
    expect(code().classList.contains('urgent')).toBe(true);
  });
});

describe('the popup response', () => {
  const source = (reply: Reply<'vault.overview'>) => ({
    template: async () => TEMPLATE,
    overview: async () => reply,
    now: () => NOW,
    version: '1.2.3',
  });

  it('is HTML that is never cached or framed, and runs scripts from the package only', async () => {
    const response = await popupDocument(source({ ok: true, value: { state: 'locked' } }));
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(readEmbeddedOverview(parse(await response.text()))).toEqual({ state: 'locked' });
  });

  it('comes without an answer when the background could not give one: the script then asks, and shows why', async () => {
    for (const failure of [
      source({ ok: false, error: { code: 'vault/corrupt', message: 'The vault cannot be read.' } }),
      { ...source({ ok: true, value: { state: 'locked' } }), overview: () => Promise.reject(new Error('worker stopping')) },
    ]) {
      const doc = parse(await (await popupDocument(failure)).text());
      expect(readEmbeddedOverview(doc)).toBeUndefined();
      expect(doc.getElementById('app')?.children).toHaveLength(0);
      expect(doc.querySelector('script[src="/popup-ask.js"]')).toBeNull();
      expect(doc.querySelector('script[type="module"]')).not.toBeNull();
    }
  });

  it('is the packaged page as it is when that page is not the one expected', async () => {
    const unexpected = '<!doctype html><html><head></head><body><p>Another page</p></body></html>';
    const response = await popupDocument({ ...source({ ok: true, value: { state: 'locked' } }), template: async () => unexpected });
    expect(await response.text()).toBe(unexpected);
  });
});

describe('remembering a packaged file', () => {
  it('reads once after a success, and again after a failure', async () => {
    let reads = 0;
    const read = rememberSuccess(async () => {
      reads++;
      if (reads === 1) throw new Error('not yet');
      return 'text';
    });
    await expect(read()).rejects.toThrow('not yet');
    await expect(read()).resolves.toBe('text');
    await expect(read()).resolves.toBe('text');
    expect(reads).toBe(2);
  });
});
