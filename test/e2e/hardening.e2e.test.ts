import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as OTPAuth from 'otpauth';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserName, type ExtensionSession, launchWithExtension } from '../../src/testing';
import { qrPngBytes } from '../fixtures/qr/pages';
import { FIXTURE_OTPAUTH, FIXTURE_URL } from '../fixtures/qr/payloads';
import { BROWSERS, TEST_PASSPHRASE } from './browsers';
import { english } from '../english-messages';
import type { ScanReport } from '../../src/messages';

// Attacks from issue #15, each against the real extension. A "compromised content script" is imitated in Chromium by
// running code in the content script's own world (Puppeteer's extension realms); Firefox's driver has no handle on
// that world, so there the same storage writes are made from an extension page (they reach the same storage.local).

const TOTP_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';
const HOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
// Pages that must stay empty are watched this long (quiet-period pattern; switch to the decision signal when it lands).
const QUIET_MS = 3_000;

type Route = { body: string | Buffer; headers?: OutgoingHttpHeaders };

/** A tiny server for one origin; routes are looked up by path. */
async function serve(routes: (origin: string) => Record<string, Route>): Promise<{ origin: string; close(): Promise<void> }> {
  let table: Record<string, Route> = {};
  const server: Server = createServer((req, res) => {
    const route = table[new URL(req.url ?? '/', 'http://x').pathname];
    if (!route) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...route.headers }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(origin);
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const LOGIN_FORM = `<form id="f"><label for="otp">One-time code</label>
<input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6"><button id="go">Verify</button></form>`;
const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

/**
 * A bound page's script harvesting HOTP codes: whenever the field holds a code it reports "submitted" every way a
 * script can (requestSubmit, a dispatched submit, a click, Enter), then swaps in a fresh field for the next code.
 */
const HARVEST = `<script>
window.harvested = [];
const form = document.getElementById('f');
form.addEventListener('submit', (e) => e.preventDefault());
const timer = setInterval(() => {
  const input = document.getElementById('otp');
  if (window.stopHarvest || window.harvested.length >= 6 || !/^\\d{6}$/.test(input.value)) return;
  window.harvested.push(input.value);
  form.requestSubmit();
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  document.getElementById('go').click();
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  setTimeout(() => {
    const fresh = document.createElement('input');
    Object.assign(fresh, { id: 'otp', name: 'otp', autocomplete: 'one-time-code', inputMode: 'numeric', maxLength: 6 });
    input.replaceWith(fresh);
  }, 300);
}, 100);
</script>`;

function useBoundSite(browserName: BrowserName) {
  const env = {} as { session: ExtensionSession; site: Awaited<ReturnType<typeof serve>>; other: Awaited<ReturnType<typeof serve>>; hotpId: string };
  beforeAll(async () => {
    env.other = await serve((origin) => ({
      '/decoy.png': { body: qrPngBytes(FIXTURE_URL, { moduleSize: 5 }), headers: { 'content-type': 'image/png' } },
      '/secret.png': { body: qrPngBytes(FIXTURE_OTPAUTH, { moduleSize: 5 }), headers: { 'content-type': 'image/png' } },
      '/secret': { body: `<!doctype html><body style="margin:0;background:#fff"><img src="${origin}/secret.png" width="200" height="200"></body>` },
    }));
    env.site = await serve(() => ({
      '/login': { body: page('Sign in', LOGIN_FORM) },
      '/blank': { body: page('Portal', '<p>Welcome.</p>') },
      '/hotp': { body: page('Bank sign in', LOGIN_FORM + HARVEST) },
      '/sandboxed': { body: page('Sign in', LOGIN_FORM), headers: { 'content-security-policy': 'sandbox allow-scripts allow-forms' } },
      '/framed-sandbox': { body: page('Portal', '<iframe id="frame" sandbox="allow-scripts allow-forms" src="/login" width="500" height="300"></iframe>') },
      '/covered-qr': {
        body: page(
          'Set up your authenticator',
          `<p>Scan this QR code with your authenticator app.</p><div style="position:relative;width:200px;height:200px">
<img alt="QR code" width="200" height="200" src="${env.other.origin}/decoy.png">
<iframe src="${env.other.origin}/secret" style="position:absolute;left:0;top:0;width:200px;height:200px;border:0;pointer-events:none"></iframe></div>`,
        ),
      },
    }));
    env.session = await launchWithExtension({ browser: browserName });
    await env.session.provision({
      passphrase: TEST_PASSPHRASE,
      accounts: [
        { uri: `otpauth://totp/Portal:alice?secret=${TOTP_SECRET}&issuer=Portal`, sites: [env.site.origin] },
        { uri: `otpauth://hotp/Bank:alice?secret=${HOTP_SECRET}&issuer=Bank&counter=6`, sites: [`${env.site.origin}`] },
      ],
    });
    env.hotpId = (await env.session.request({ type: 'accounts.list' })).accounts.find((a) => a.type === 'hotp')!.id;
  });
  afterAll(async () => {
    await env.session?.close();
    await env.site?.close();
    await env.other?.close();
  });
  return env;
}

const hotpCode = (counter: number) => new OTPAuth.HOTP({ secret: OTPAuth.Secret.fromBase32(HOTP_SECRET) }).generate({ counter });

/** Runs `code` in an extension page of the session (trusted context), in either browser. */
async function inExtensionPage<T>(session: ExtensionSession, code: string): Promise<T> {
  // Not the popup: opening it is a person's action (it would restart the idle clock).
  const extensionPage = await session.openExtensionPage('options.html');
  try {
    return (await extensionPage.evaluate(`(async () => { const api = globalThis.browser ?? globalThis.chrome; ${code} })()`)) as T;
  } finally {
    await extensionPage.close();
  }
}

describe.each(BROWSERS)('hardening (#15) in %s', (browserName) => {
  const env = useBoundSite(browserName);
  const counter = async () => (await env.session.request({ type: 'accounts.list' })).accounts.find((a) => a.id === env.hotpId)!.counter;

  it('1. a bound page cannot harvest HOTP codes with script submissions; a person’s click still uses the code', async () => {
    // Only the HOTP account is bound to this check's page for the duration: the TOTP one would make a chooser.
    const totp = (await env.session.request({ type: 'accounts.list' })).accounts.find((a) => a.type === 'totp')!;
    await env.session.request({ type: 'accounts.update', id: totp.id, patch: { sites: [] } });
    const tab = await env.session.browser.newPage();
    try {
      const start = await counter();
      await tab.goto(`${env.site.origin}/hotp`);
      await tab.waitForFunction(() => (window as unknown as { harvested: string[] }).harvested.length > 0, { timeout: 15_000 });
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS)); // quiet period: the script keeps trying meanwhile
      const harvested = await tab.evaluate(() => (window as unknown as { harvested: string[] }).harvested);
      expect(new Set(harvested)).toEqual(new Set([hotpCode(start)]));
      expect(await counter()).toBe(start);
      // A person's own click on the form's button is a submission: the code is used up, once.
      await tab.evaluate(() => void ((window as unknown as { stopHarvest: boolean }).stopHarvest = true));
      await tab.waitForFunction(() => (document.getElementById('otp') as HTMLInputElement).value.length === 6, { timeout: 10_000 });
      await tab.click('#go');
      await expect.poll(counter, { timeout: 10_000 }).toBe(start + 1);
    } finally {
      await tab.close();
      await env.session.request({ type: 'accounts.update', id: totp.id, patch: { sites: [env.site.origin] } });
    }
  });

  it('4. auto-lock: a read after the idle time finds the vault locked at once; polling is no activity; the lock alarm is set for when it falls due', async () => {
    await env.session.request({ type: 'settings.set', settings: { autoLockMinutes: 1 } });
    try {
      // The activity a request counts is recorded after its reply (touch, then the alarm): wait for the alarm it sets.
      const dueAfterActivity = async () => {
        const due = await inExtensionPage<number | undefined>(env.session, "return (await api.alarms.get('auto-lock-due'))?.scheduledTime;");
        const activity = await inExtensionPage<number>(env.session, "return (await api.storage.session.get('vault.lastActivity'))['vault.lastActivity'];");
        return due === undefined ? undefined : Math.abs(due - (activity + 60_000));
      };
      await expect.poll(dueAfterActivity, { timeout: 10_000 }).toBeLessThan(2_000);
      // Polling (the options page asks for the state every 10 s) leaves the idle clock alone.
      const thirtySecondsAgo = await inExtensionPage<number>(
        env.session,
        "const at = Date.now() - 30000; await api.storage.session.set({ 'vault.lastActivity': at }); return at;",
      );
      for (let i = 0; i < 3; i++) expect(await env.session.request({ type: 'vault.status' })).toEqual({ state: 'unlocked' });
      expect(await inExtensionPage<number>(env.session, "return (await api.storage.session.get('vault.lastActivity'))['vault.lastActivity'];")).toBe(thirtySecondsAgo);
      // Idle for a minute: the next read locks, whatever the alarms are doing.
      // (Written and read again as one step: an activity the browser had not yet recorded may land between them.)
      const readAfterIdleMinute = async () => {
        await inExtensionPage(env.session, "await api.storage.session.set({ 'vault.lastActivity': Date.now() - 61000 });");
        return env.session.request({ type: 'vault.status' });
      };
      await expect.poll(readAfterIdleMinute, { timeout: 15_000 }).toEqual({ state: 'locked' });
    } finally {
      await env.session.request({ type: 'vault.unlock', passphrase: TEST_PASSPHRASE }).catch(() => undefined);
      await env.session.request({ type: 'settings.set', settings: { autoLockMinutes: 15 } });
    }
  });

  it('3. settings written straight into storage.local are checked when read (invalid means strictest)', async () => {
    try {
      await inExtensionPage(env.session, "await api.storage.local.set({ settings: { autoLockMinutes: null, autoSubmit: 'yes', autoFill: true, freshnessSeconds: 5 } });");
      const { settings } = await env.session.request({ type: 'settings.get' });
      expect(settings).toEqual({ autoLockMinutes: 1, autoSubmit: false, autoFill: true, freshnessSeconds: 5, backupReminder: true });
    } finally {
      await inExtensionPage(env.session, 'await api.storage.local.remove(\'settings\');');
    }
  });

  it('5. sandboxed documents at the bound site get nothing: a CSP sandbox page and a sandboxed iframe', async () => {
    const pages: Page[] = [];
    // Each page is opened when its turn comes, so the one being waited on is the tab in front (a tab behind draws no frames).
    const open = async (path: string) => {
      const page = await env.session.browser.newPage();
      pages.push(page);
      await page.goto(`${env.site.origin}${path}`);
      return page;
    };
    try {
      // Only the TOTP account fills here; the HOTP one is taken off the site so the control page fills without a chooser.
      await env.session.request({ type: 'accounts.update', id: env.hotpId, patch: { sites: [] } });
      const control = await open('/login');
      await control.waitForFunction(() => (document.getElementById('otp') as HTMLInputElement).value.length === 6, { timeout: 15_000, polling: 100 });
      await env.session.request({ type: 'debug.setRecording', on: true });
      const since = Date.now();
      const sandboxed = await open('/sandboxed');
      const framed = await open('/framed-sandbox');
      expect(await sandboxed.evaluate(() => self.origin)).toBe('null');
      // The background's own word that it looked at each sandboxed document and refused it.
      const refused = { outcome: 'refused', reason: 'unknown-frame', since } as const;
      await env.session.waitForDecision({ ...refused, url: `${env.site.origin}/sandboxed` });
      await env.session.waitForDecision({ ...refused, url: `${env.site.origin}/login` });
      expect(await sandboxed.$eval('#otp', (i) => (i as HTMLInputElement).value)).toBe('');
      const frame = framed.frames().find((f) => f.url().endsWith('/login'))!;
      expect(await frame.$eval('#otp', (i) => (i as HTMLInputElement).value)).toBe('');
    } finally {
      await Promise.all(pages.map((page) => page.close()));
      await env.session.request({ type: 'debug.setRecording', on: false });
      await env.session.request({ type: 'accounts.update', id: env.hotpId, patch: { sites: [env.site.origin] } });
    }
  });
});

/** Runs `fn` in the content script's own world of `tab`'s top frame (Chromium only). */
async function inContentScript<T, A>(tab: Page, fn: (arg: A) => Promise<T>, arg?: A): Promise<T> {
  await expect.poll(() => tab.extensionRealms().length, { timeout: 10_000 }).toBeGreaterThan(0);
  for (const realm of tab.extensionRealms()) {
    if (await realm.evaluate(() => window === window.top)) return realm.evaluate(fn as never, arg as never) as Promise<T>;
  }
  throw new Error('no content script realm in the top frame');
}

describe('hardening (#15): a compromised content script in chromium', () => {
  const env = useBoundSite('chromium');

  it('2. gets no code of a period that has not started, however often it reports "submitted"', async () => {
    await env.session.request({ type: 'accounts.update', id: env.hotpId, patch: { sites: [] } });
    // Without a freshness margin the current period's code is handed out whenever the test runs, never a wait.
    const { settings: before } = await env.session.request({ type: 'settings.get' });
    await env.session.request({ type: 'settings.set', settings: { freshnessSeconds: 0 } });
    const tab = await env.session.browser.newPage();
    try {
      await tab.goto(`${env.site.origin}/blank`);
      const t0 = Date.now();
      const answers = await inContentScript(tab, async () => {
        const out: unknown[] = [];
        for (let i = 0; i < 6; i++) {
          out.push(await chrome.runtime.sendMessage({ type: 'fill.request', trigger: 'manual' }));
          await chrome.runtime.sendMessage({ type: 'fill.submitted' });
        }
        return out;
      });
      const t1 = Date.now();
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(TOTP_SECRET) });
      const current = new Set([totp.generate({ timestamp: t0 }), totp.generate({ timestamp: t1 })]);
      const codes = answers.map((a) => (a as { value?: { code?: string } }).value?.code).filter((c): c is string => c !== undefined);
      expect(codes.length, JSON.stringify(answers)).toBeGreaterThan(0);
      for (const code of codes) expect(current, `${code} is a code of the period under way`).toContain(code);
    } finally {
      await tab.close();
      await env.session.request({ type: 'settings.set', settings: { freshnessSeconds: before.freshnessSeconds } });
      await env.session.request({ type: 'accounts.update', id: env.hotpId, patch: { sites: [env.site.origin] } });
    }
  });

  it('3. can read and rewrite storage.local, but an older vault put back is refused, not used', async () => {
    const tab = await env.session.browser.newPage();
    try {
      await tab.goto(`${env.site.origin}/blank`);
      const older = await inContentScript(tab, async () => (await chrome.storage.local.get('vault')).vault as unknown);
      expect(older).toBeDefined(); // readable: only Argon2id stands between it and the secrets (README, security model)
      await env.session.request({ type: 'accounts.addUri', uri: 'otpauth://totp/Later:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Later', sites: [] });
      await inContentScript(tab, async (vault) => chrome.storage.local.set({ vault }), older);
      await expect(env.session.request({ type: 'accounts.list' })).rejects.toThrow(/vault\/rolled-back/);
      await inContentScript(tab, async () => chrome.storage.local.set({ settings: { autoLockMinutes: null, autoSubmit: true } }));
      const { settings } = await env.session.request({ type: 'settings.get' });
      expect(settings.autoLockMinutes).toBe(1);
    } finally {
      await tab.close();
      await env.session.request({ type: 'vault.lock' });
      await env.session.request({ type: 'vault.unlock', passphrase: TEST_PASSPHRASE });
      await env.session.request({ type: 'settings.set', settings: { autoLockMinutes: 15, autoSubmit: false } });
    }
    // Taken up at the next unlock, the older copy is noticed for what it is: an account went missing.
    expect(await env.session.request({ type: 'vault.loss' })).toMatchObject({ loss: { kind: 'shrunk', found: expect.any(Number) } });
    await env.session.request({ type: 'vault.dismissLoss' });
  });

  it('7. the page-initiated QR scan does not crop what a framed page of another site paints over a tainted image', async () => {
    const tab = await env.session.browser.newPage();
    try {
      await tab.goto(`${env.site.origin}/covered-qr`);
      await tab.waitForFunction(() => [...document.images].every((i) => i.complete), { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the frame's image paints
      const report = (await inContentScript(tab, async () => chrome.runtime.sendMessage({ type: 'qr.offer' }))) as {
        ok: boolean;
        value: ScanReport;
      };
      expect(report.ok).toBe(true);
      const notes = report.value.notes.map(english);
      expect(report.value.accounts, notes.join(' | ')).toEqual([]);
      expect(notes.join(' ')).toMatch(/covered by another element or an embedded page/);
    } finally {
      await tab.close();
    }
  });
});
