import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FillAnswer } from '../../src/messages';
import {
  ask,
  type Clock,
  contentSender,
  makeContext,
  oracleHotp,
  oracleTotp,
  PASS,
  randomSecret,
  restoreStorage,
  saveStorage,
  type StorageSnapshot,
  T0,
  totpUri,
} from './helpers';

const clock: Clock = { now: T0 };
const context = () => makeContext(clock);
const PORTAL = 'https://portal.example.com';
const S = { portal: randomSecret(), bank: randomSecret(), multiA: randomSecret(), multiB: randomSecret() };
const id: Record<string, string> = {};
let saved: StorageSnapshot;

beforeAll(async () => {
  fakeBrowser.reset();
  await ask(context(), { type: 'vault.create', passphrase: PASS });
  const add = async (name: string, uri: string, site: string) => {
    id[name] = (await ask(context(), { type: 'accounts.addUri', uri, sites: [site] })).account.id;
  };
  await add('portal', totpUri(S.portal, 'JumpCloud', 'alice'), PORTAL);
  await add('bank', `otpauth://hotp/Bank:alice?secret=${S.bank}&issuer=Bank&counter=5`, 'https://bank.example.net');
  await add('multiA', totpUri(S.multiA, 'Multi', 'alice'), 'https://multi.example.org');
  await add('multiB', totpUri(S.multiB, 'Multi', 'bob'), 'https://multi.example.org');
  saved = await saveStorage();
});

beforeEach(async () => {
  clock.now = T0 + 3_000;
  await restoreStorage(saved);
});

async function fill(frameUrl: string, trigger: 'auto' | 'manual' = 'auto', topUrl = frameUrl, extra: object = {}): Promise<FillAnswer> {
  const answer = await ask(context(), { type: 'fill.request', trigger, ...extra }, contentSender(frameUrl, topUrl));
  for (const secret of Object.values(S)) expect(JSON.stringify(answer)).not.toContain(secret);
  return answer;
}

describe('fill.request: site binding', () => {
  it('fills the oracle code on the bound origin', async () => {
    expect(await fill(`${PORTAL}/login`)).toEqual({
      status: 'fill',
      code: oracleTotp(S.portal, T0 + 3_000),
      label: 'JumpCloud — alice',
      submit: false,
      counterBased: false,
    });
  });

  it.each([
    'https://portal.example.com.evil.test/login',
    'https://portal-example.com/login',
    'http://portal.example.com/login',
    'https://portal.example.com:8443/login',
    'https://login.portal.example.com/',
    'https://example.com/',
  ])('answers none on %s', async (url) => {
    expect(await fill(url, 'manual')).toEqual({ status: 'none' });
  });

  it('reads the frame from the sender, never from the message', async () => {
    const forged = { origin: PORTAL, frameOrigin: PORTAL, url: `${PORTAL}/login`, tab: { url: `${PORTAL}/` } };
    expect(await fill('https://portal.example.com.evil.test/', 'manual', undefined, forged)).toEqual({ status: 'none' });
  });

  it('asks for confirmation in a cross-origin iframe, then fills the confirmed account', async () => {
    const answer = await fill(`${PORTAL}/otp-frame`, 'auto', 'https://intranet.example.net/');
    expect(answer).toEqual({ status: 'choose', options: [{ id: id.portal, label: 'JumpCloud — alice' }], crossOrigin: true });
    const sender = contentSender(`${PORTAL}/otp-frame`, 'https://intranet.example.net/');
    expect(await ask(context(), { type: 'fill.choose', id: id.portal! }, sender)).toMatchObject({ status: 'fill', code: oracleTotp(S.portal, T0 + 3_000) });
  });

  it('offers a choice between several bound accounts and fills the chosen one', async () => {
    const answer = await fill('https://multi.example.org/');
    expect(answer).toMatchObject({ status: 'choose', crossOrigin: false });
    expect(answer.status === 'choose' && answer.options.map((o) => o.id).sort()).toEqual([id.multiA, id.multiB].sort());
    const sender = contentSender('https://multi.example.org/');
    expect(await ask(context(), { type: 'fill.choose', id: id.multiB! }, sender)).toMatchObject({ status: 'fill', code: oracleTotp(S.multiB, T0 + 3_000) });
  });

  it('will not fill an account of another site when a frame chooses its id', async () => {
    const sender = contentSender('https://multi.example.org/');
    expect(await ask(context(), { type: 'fill.choose', id: id.portal! }, sender)).toMatchObject({ status: 'choose' });
    expect(await ask(context(), { type: 'fill.choose', id: id.multiA! }, contentSender('https://evil.test/'))).toEqual({ status: 'none' });
  });
});

describe('fill.request: locked vault and settings', () => {
  it('says locked on a bound origin and none elsewhere, from the hashed site index', async () => {
    await ask(context(), { type: 'vault.lock' });
    expect(await fill(`${PORTAL}/login`)).toEqual({ status: 'locked' });
    expect(await fill('https://bank.example.net/')).toEqual({ status: 'locked' });
    expect(await fill('https://portal.example.com.evil.test/')).toEqual({ status: 'none' });
    expect(await fill('https://portal-example.com/')).toEqual({ status: 'none' });
    const index = JSON.stringify(await fakeBrowser.storage.local.get('siteIndex'));
    expect(index).not.toContain('portal.example.com');
  });

  it('extends the locked hint to the registrable domain only when the account allows it', async () => {
    await ask(context(), { type: 'accounts.update', id: id.portal!, patch: { matchRegistrableDomain: true } });
    await ask(context(), { type: 'vault.lock' });
    expect(await fill('https://sso.example.com/')).toEqual({ status: 'locked' });
    expect(await fill('https://multi.example.org.evil.test/')).toEqual({ status: 'none' });
  });

  it('forgets a removed binding in the index', async () => {
    await ask(context(), { type: 'accounts.update', id: id.bank!, patch: { sites: ['https://bank2.example.net'] } });
    await ask(context(), { type: 'vault.lock' });
    expect(await fill('https://bank.example.net/')).toEqual({ status: 'none' });
    expect(await fill('https://bank2.example.net/')).toEqual({ status: 'locked' });
  });

  it('answers disabled to automatic requests when auto-fill is off, but still fills on request', async () => {
    await ask(context(), { type: 'settings.set', settings: { autoFill: false } });
    expect(await fill(`${PORTAL}/login`, 'auto')).toEqual({ status: 'disabled' });
    expect(await fill(`${PORTAL}/login`, 'manual')).toMatchObject({ status: 'fill', code: oracleTotp(S.portal, T0 + 3_000) });
  });

  it('passes the auto-submit setting and honours the freshness setting', async () => {
    await ask(context(), { type: 'settings.set', settings: { autoSubmit: true, freshnessSeconds: 10 } });
    clock.now = T0 + 22_000;
    expect(await fill(`${PORTAL}/login`)).toEqual({ status: 'wait', label: 'JumpCloud — alice', waitMs: 8_000, replayWait: false });
    clock.now = T0 + 30_000;
    expect(await fill(`${PORTAL}/login`)).toMatchObject({ status: 'fill', code: oracleTotp(S.portal, T0 + 30_000), submit: true });
  });
});

describe('fill.request: replay and HOTP', () => {
  it('answers a wait with replayWait, and no code, once the first was submitted in the same period', async () => {
    const first = await fill(`${PORTAL}/login`);
    await ask(context(), { type: 'fill.submitted' }, contentSender(`${PORTAL}/login`));
    clock.now = T0 + 9_000;
    const second = await fill(`${PORTAL}/login`, 'manual');
    expect(first).toMatchObject({ status: 'fill', code: oracleTotp(S.portal, T0 + 3_000) });
    expect(second).toEqual({ status: 'wait', label: 'JumpCloud — alice', replayWait: true, waitMs: 21_000 });
    clock.now = T0 + 30_000;
    expect(await fill(`${PORTAL}/login`, 'manual')).toMatchObject({ status: 'fill', code: oracleTotp(S.portal, T0 + 30_000) });
  });

  it('never hands a content script the code of a period that has not started, however often it reports submissions', async () => {
    // A compromised content script: report "submitted" after every answer and ask again, as fast as it likes.
    const sender = contentSender(`${PORTAL}/login`);
    const handed: Array<{ code: string; at: number }> = [];
    for (let round = 0; round < 12; round++) {
      const answer = await fill(`${PORTAL}/login`, 'manual');
      if (answer.status === 'fill') handed.push({ code: answer.code, at: clock.now });
      else expect(answer).toMatchObject({ status: 'wait' });
      if (answer.status === 'wait') expect(answer.waitMs).toBeLessThanOrEqual(30_000);
      await ask(context(), { type: 'fill.submitted' }, sender);
      clock.now += 1_000;
    }
    // Twelve rounds inside one period: only that period's code, once.
    expect(handed).toEqual([{ code: oracleTotp(S.portal, T0 + 3_000), at: T0 + 3_000 }]);
  });

  it('does not use up a code that was filled but never submitted (a reloaded login page)', async () => {
    const first = await fill(`${PORTAL}/login`);
    clock.now = T0 + 9_000;
    const again = await fill(`${PORTAL}/login`);
    expect(again).toMatchObject({ status: 'fill', code: (first as { code: string }).code });
  });

  it('counts a submission only for the frame that was handed the code, on its own site', async () => {
    await fill(`${PORTAL}/login`);
    await ask(context(), { type: 'fill.submitted' }, contentSender('https://portal.example.com.evil.test/'));
    clock.now = T0 + 9_000;
    expect(await fill(`${PORTAL}/login`)).toMatchObject({ status: 'fill', code: oracleTotp(S.portal, T0 + 3_000) });
  });

  it('keeps the replay memory per site', async () => {
    await ask(context(), { type: 'accounts.update', id: id.portal!, patch: { sites: [PORTAL, 'https://portal2.example.com'] } });
    await fill(`${PORTAL}/login`);
    expect(await fill('https://portal2.example.com/')).toMatchObject({ status: 'fill', code: oracleTotp(S.portal, T0 + 3_000) });
  });

  it('fills HOTP with the stored counter and advances it only once the code is submitted', async () => {
    const bank = contentSender('https://bank.example.net/');
    const counter = async () => (await ask(context(), { type: 'accounts.list' })).accounts.find((a) => a.id === id.bank)?.counter;
    expect(await fill('https://bank.example.net/')).toMatchObject({ status: 'fill', code: oracleHotp(S.bank, 5), counterBased: true });
    // A reload before submitting gets the same code: the server has not seen it.
    expect(await fill('https://bank.example.net/')).toMatchObject({ status: 'fill', code: oracleHotp(S.bank, 5) });
    expect(await counter()).toBe(5);
    await ask(context(), { type: 'fill.submitted' }, bank);
    expect(await counter()).toBe(6);
    expect(await fill('https://bank.example.net/')).toMatchObject({ status: 'fill', code: oracleHotp(S.bank, 6) });
    await ask(context(), { type: 'fill.submitted' }, bank);
    await ask(context(), { type: 'fill.submitted' }, bank); // a second report of the same submission changes nothing
    expect(await counter()).toBe(7);
  });
});
