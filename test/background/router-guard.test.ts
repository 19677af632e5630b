import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_REQUEST_TYPES, type PageRequest } from '../../src/messages';
import {
  ask,
  type Clock,
  contentSender,
  EXT,
  makeContext,
  PASS,
  popupSender,
  randomSecret,
  refusal,
  restoreStorage,
  saveStorage,
  type StorageSnapshot,
  storageBytes,
  T0,
  totpUri,
} from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const SECRET = randomSecret();
let saved: StorageSnapshot;
let accountId: string;

beforeAll(async () => {
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: PASS });
  const { account } = await ask(context(), { type: 'accounts.addUri', uri: totpUri(SECRET), sites: ['https://portal.example.com'] });
  accountId = account.id;
  saved = await saveStorage();
});

beforeEach(async () => {
  clock.now = T0;
  await restoreStorage(saved);
});

/** One example of every request only extension pages may send, with plausible arguments. */
function privilegedRequests(): PageRequest[] {
  const entry = { issuer: 'Evil', accountName: 'mallory', secret: randomSecret() };
  return [
    { type: 'vault.status' },
    { type: 'vault.create', passphrase: 'another long passphrase' },
    { type: 'vault.unlock', passphrase: PASS },
    { type: 'vault.lock' },
    { type: 'vault.changePassphrase', current: PASS, next: 'attacker passphrase' },
    { type: 'passkey.status' },
    { type: 'passkey.add', credentialId: 'AAAA', salt: 'A'.repeat(43) + '=', prfOutput: 'A'.repeat(43) + '=', label: 'Evil', userVerified: true },
    { type: 'passkey.remove', credentialId: 'AAAA' },
    { type: 'passkey.unlock', credentialId: 'AAAA', prfOutput: 'A'.repeat(43) + '=', userVerified: true },
    { type: 'vault.loss' },
    { type: 'vault.dismissLoss' },
    { type: 'accounts.list' },
    { type: 'accounts.codes', now: T0 },
    { type: 'accounts.addUri', uri: totpUri(randomSecret(), 'Evil'), sites: ['https://evil.test'] },
    { type: 'accounts.addManual', entry, sites: ['https://evil.test'] },
    { type: 'accounts.previewManual', entry },
    { type: 'accounts.update', id: accountId, patch: { sites: ['https://evil.test'] } },
    { type: 'accounts.remove', id: accountId },
    { type: 'accounts.undoRemove', undoToken: 'whatever' },
    { type: 'accounts.reorder', ids: [accountId] },
    { type: 'accounts.nextHotp', id: accountId },
    { type: 'import.preview', text: totpUri(randomSecret(), 'Evil') },
    { type: 'import.commit', token: 'whatever', sites: ['https://evil.test'] },
    { type: 'export.backup', passphrase: 'attacker passphrase' },
    { type: 'export.uris', passphrase: PASS },
    { type: 'export.migration', passphrase: PASS },
    { type: 'export.plain', format: 'otpauth-lines', passphrase: 'anything at all' },
    { type: 'backup.reminder' },
    { type: 'backup.dismissReminder' },
    { type: 'settings.get' },
    { type: 'settings.set', settings: { autoSubmit: true, freshnessSeconds: 0 } },
    { type: 'qr.scanTab', tabId: 7 },
    { type: 'qr.acceptScan', token: 'whatever', sites: ['https://evil.test'] },
    { type: 'clock.check', origin: 'https://portal.example.com' },
  ];
}

describe('routeMessage: privileged requests from web pages', () => {
  it('lists every page request type in this test (and none of the content types)', () => {
    const types = privilegedRequests().map((r) => r.type);
    expect(new Set(types).size).toBe(34);
    expect(types.filter((t) => CONTENT_REQUEST_TYPES.has(t))).toEqual([]);
  });

  const senders = {
    'the bound portal': contentSender('https://portal.example.com/login'),
    'a look-alike site': contentSender('https://portal.example.com.evil.test/login'),
    'a cross-origin iframe': contentSender('https://evil.test/frame', 'https://portal.example.com/'),
  };

  for (const [where, sender] of Object.entries(senders)) {
    it(`refuses each one from a content script on ${where} with protocol/forbidden and changes nothing`, async () => {
      const before = await storageBytes();
      for (const request of privilegedRequests()) {
        const error = await refusal(context(), request, sender);
        expect(error, request.type).toEqual({
          code: 'protocol/forbidden',
          message: expect.stringMatching(/cannot make this request/),
          text: { key: 'error_protocol_forbidden', subs: [] },
        });
        expect(JSON.stringify(error)).not.toContain(SECRET);
      }
      expect(await storageBytes()).toBe(before);
    });
  }

  it('still answers the same requests for the popup (the refusal is about the sender)', async () => {
    expect(await ask(context(), { type: 'vault.status' }, popupSender)).toEqual({ state: 'unlocked' });
    const { uris } = await ask(context(), { type: 'export.uris', passphrase: PASS }, popupSender);
    expect(uris.join('\n')).toContain(SECRET);
  });
});

describe('routeMessage: who may send at all', () => {
  it('refuses unknown request types and non-messages, without touching storage', async () => {
    const before = await storageBytes();
    const junk: unknown[] = [
      { type: 'vault.destroy' },
      { type: 'constructor' },
      { type: '__proto__' },
      { type: 'toString' },
      { type: 'hasOwnProperty' },
      { type: 42 },
      { kind: 'vault.status' },
      null,
      'vault.status',
      undefined,
    ];
    for (const message of junk) {
      for (const sender of [popupSender, contentSender('https://portal.example.com/')]) {
        expect((await refusal(context(), message, sender)).code, JSON.stringify(message)).toBe('protocol/unknown-request');
      }
    }
    expect(await storageBytes()).toBe(before);
  });

  it('refuses every request from another extension', async () => {
    const foreign = { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' };
    for (const message of [{ type: 'vault.status' }, { type: 'export.uris' }, { type: 'fill.request', trigger: 'manual' }]) {
      expect((await refusal(context(), message, foreign)).code).toBe('protocol/foreign-sender');
    }
  });

  it('refuses content requests from an opaque or non-web frame', async () => {
    const frames = [
      { id: EXT.id, url: 'about:srcdoc', origin: 'null', frameId: 2, tab: { id: 7, url: 'https://portal.example.com/' } },
      { id: EXT.id, url: 'file:///tmp/login.html', frameId: 0, tab: { id: 7, url: 'file:///tmp/login.html' } },
    ];
    for (const sender of frames) {
      expect((await refusal(context(), { type: 'fill.request', trigger: 'manual' }, sender)).code).toBe('protocol/unknown-frame');
    }
  });

  it('records the refusal of an opaque frame in the diagnostics log, only while recording is on, and nothing else', async () => {
    const sandboxed = { id: EXT.id, url: 'https://portal.example.com/login', origin: 'null', frameId: 2, tab: { id: 7, url: 'https://portal.example.com/' } };
    const decided = { type: 'fill.decided', decision: { outcome: 'refused', reason: 'sandboxed', detail: '' } };
    const logged = async () => (await ask(context(), { type: 'debug.decisions' })).decisions;
    expect((await refusal(context(), decided, sandboxed)).code).toBe('protocol/unknown-frame');
    expect(await logged()).toEqual([]);
    await ask(context(), { type: 'debug.setRecording', on: true });
    expect((await refusal(context(), decided, sandboxed)).code).toBe('protocol/unknown-frame');
    expect((await refusal(context(), { type: 'fill.submitted' }, sandboxed)).code).toBe('protocol/unknown-frame');
    expect(await logged()).toEqual([
      expect.objectContaining({ url: 'https://portal.example.com/login', tabId: 7, frameId: 2, outcome: 'refused', reason: 'unknown-frame' }),
    ]);
  });

  it('answers fill requests only for web frames, never for the popup', async () => {
    expect((await refusal(context(), { type: 'fill.request', trigger: 'manual' })).code).toBe('protocol/not-a-page');
    expect((await refusal(context(), { type: 'fill.choose', id: accountId })).code).toBe('protocol/not-a-page');
  });
});
