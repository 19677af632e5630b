import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { english } from '../english-messages';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toLumaImage } from '../../src/qr/luma';
import type { PageScanResult } from '../../src/qr/page-scan-result';
import { renderQrRgba } from '../fixtures/qr/render';
import { ask, send, type Clock, contentSender, makeContext, oracleTotp, PASS, randomSecret, refusal, restoreStorage, saveStorage, type StorageSnapshot, T0, totpUri } from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const PORTAL = 'https://portal.example.com';
const S = { existing: randomSecret(), fresh: randomSecret() };
let saved: StorageSnapshot;

beforeAll(async () => {
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: PASS });
  await ask(context(), { type: 'accounts.addUri', uri: totpUri(S.existing, 'Old', 'alice'), sites: [PORTAL] });
  saved = await saveStorage();
});

function frameResult(payloads: string[]): PageScanResult {
  return {
    // Readable elements send their pixels; the background decodes them.
    pixels: payloads.map((payload) => ({ image: toLumaImage(renderQrRgba(payload, { moduleSize: 3 })), elementKind: 'img' as const })),
    needsCrop: [],
    viewport: { devicePixelRatio: 1, innerWidth: 1280, innerHeight: 800, scrollX: 0, scrollY: 0 },
    candidateCount: payloads.length,
    notes: [],
  };
}

/** The tab shows the portal's enrolment QR in its top frame and nothing in an embedded frame. */
function stubScanner() {
  const top = [totpUri(S.fresh, 'JumpCloud', 'alice'), totpUri(S.existing, 'Old', 'alice'), 'https://portal.example.com/help'];
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => [
    { frameId: 0, result: frameResult(top) },
    { frameId: 3, result: frameResult([]) },
  ]) as never);
}

beforeEach(async () => {
  clock.now = T0 + 12_000;
  await restoreStorage(saved);
  stubScanner();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('qr.scanTab / qr.acceptScan from the popup', () => {
  it('reports what the tab holds without secrets, then saves only the new account', async () => {
    const report = await ask(context(), { type: 'qr.scanTab', tabId: 7 });
    expect(report.accounts).toEqual([
      { issuer: 'JumpCloud', accountName: 'alice', duplicate: false },
      { issuer: 'Old', accountName: 'alice', duplicate: true },
    ]);
    expect(report.notes.map(english)).toEqual([expect.stringMatching(/web link.*not an authenticator code/)]);
    expect(JSON.stringify(report)).not.toContain(S.fresh);
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    const { added } = await ask(context(), { type: 'qr.acceptScan', token: report.token!, sites: ['portal.example.com'] });
    expect(added).toEqual([expect.objectContaining({ issuer: 'JumpCloud', sites: [PORTAL] })]);
    expect(JSON.stringify(added)).not.toContain(S.fresh);
    expect((await refusal(context(), { type: 'qr.acceptScan', token: report.token!, sites: [] })).code).toBe('protocol/expired');
    // The scanned tab is told, so its confirmation field asks for the first code; it gets the new account's.
    expect(told).toHaveBeenCalledWith(7, { type: 'content.captured' });
    const answer = await ask(context(), { type: 'fill.request', trigger: 'auto', setup: true }, contentSender(`${PORTAL}/settings/2fa`));
    expect(answer).toMatchObject({ status: 'fill', code: oracleTotp(S.fresh, T0 + 12_000) });
  });
});

describe('fill.request for a set-up step (re-enrolment)', () => {
  it('gives nothing when no account was just added from the site, though one is bound to it', async () => {
    const sender = contentSender(`${PORTAL}/settings/2fa`);
    expect(await ask(context(), { type: 'fill.request', trigger: 'auto', setup: true }, sender)).toEqual({ status: 'none' });
    expect(await ask(context(), { type: 'fill.request', trigger: 'manual', setup: true }, sender)).toEqual({ status: 'none' });
    // The same site's login field still gets the saved account.
    expect(await ask(context(), { type: 'fill.request', trigger: 'auto' }, sender)).toMatchObject({ status: 'fill', code: oracleTotp(S.existing, T0 + 12_000) });
  });

  it('forgets the captured account after a quarter of an hour', async () => {
    // The vault stays unlocked over the quarter of an hour: only the capture's own lifetime is at stake.
    await ask(context(), { type: 'settings.set', settings: { autoLockMinutes: 60 } });
    const sender = contentSender(`${PORTAL}/enrol`);
    const report = await ask(context(), { type: 'qr.offer' }, sender);
    await ask(context(), { type: 'qr.accept', token: report.token! }, sender);
    clock.now += 15 * 60_000 + 1;
    expect(await ask(context(), { type: 'fill.request', trigger: 'auto', setup: true }, sender)).toEqual({ status: 'none' });
  });

  it('gives another tab of the same site nothing, and forgets the capture once its code was submitted', async () => {
    const sender = contentSender(`${PORTAL}/enrol`);
    const report = await ask(context(), { type: 'qr.offer' }, sender);
    await ask(context(), { type: 'qr.accept', token: report.token! }, sender);
    const otherTab = { ...sender, tab: { ...sender.tab!, id: 8 } };
    expect(await ask(context(), { type: 'fill.request', trigger: 'auto', setup: true }, otherTab)).toEqual({ status: 'none' });
    expect(await ask(context(), { type: 'fill.request', trigger: 'auto', setup: true }, sender)).toMatchObject({ status: 'fill' });
    await ask(context(), { type: 'fill.submitted' }, sender);
    // A later set-up in this tab (a second re-enrolment) gets nothing until its own account is captured.
    expect(await ask(context(), { type: 'fill.request', trigger: 'auto', setup: true }, sender)).toEqual({ status: 'none' });
  });

  it('gives another site nothing from this site’s capture', async () => {
    const sender = contentSender(`${PORTAL}/enrol`);
    const report = await ask(context(), { type: 'qr.offer' }, sender);
    await ask(context(), { type: 'qr.accept', token: report.token! }, sender);
    const other = contentSender('https://other.example.org/settings/2fa');
    expect(await ask(context(), { type: 'fill.request', trigger: 'auto', setup: true }, other)).toEqual({ status: 'none' });
  });
});

describe('qr.offer / qr.accept from a content script', () => {
  it('binds the scanned account to the asking top frame, whose set-up field then gets its first code', async () => {
    const sender = contentSender(`${PORTAL}/enrol`);
    const report = await ask(context(), { type: 'qr.offer' }, sender);
    expect(report.accounts.map((a) => a.duplicate)).toEqual([false, true]);
    const accepted = await ask(context(), { type: 'qr.accept', token: report.token! }, sender);
    expect(accepted).toEqual({ added: 1 });
    const answer = await ask(context(), { type: 'fill.request', trigger: 'auto', setup: true }, sender);
    expect(answer).toMatchObject({ status: 'fill', code: oracleTotp(S.fresh, T0 + 12_000) });
    const { accounts } = await ask(context(), { type: 'accounts.list' });
    expect(accounts.map((a) => `${a.issuer}:${a.sites.join(',')}`)).toEqual([`Old:${PORTAL}`, `JumpCloud:${PORTAL}`]);
  });

  it('scans from a content script in its own tab only', async () => {
    const spy = stubScanner();
    await ask(context(), { type: 'qr.offer' }, contentSender(`${PORTAL}/enrol`));
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ target: expect.objectContaining({ tabId: 7 }) }));
  });

  it('refuses to scan the whole tab for a cross-origin iframe, whose origin the accounts would be bound to', async () => {
    const iframe = contentSender('https://ads.evil.test/slot', `${PORTAL}/enrol`);
    const reply = await refusal(context(), { type: 'qr.offer' }, iframe);
    expect(reply.code).toMatch(/^protocol\//);
  });

  it('never binds a secret shown in the top frame to an embedded frame’s origin', async () => {
    const iframe = contentSender('https://ads.evil.test/slot', `${PORTAL}/enrol`);
    const offer = await send(context(), { type: 'qr.offer' }, iframe);
    if (offer.ok) await send(context(), { type: 'qr.accept', token: (offer.value as { token: string }).token }, iframe);
    const { accounts } = await ask(context(), { type: 'accounts.list' });
    expect(accounts.flatMap((a) => a.sites)).not.toContain('https://ads.evil.test');
  });
});
