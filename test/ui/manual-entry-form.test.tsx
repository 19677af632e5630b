// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { RequestFailed } from '../../src/send-request';
import type { AccountView, PageRequest } from '../../src/messages';
import { buildManualEntry, ManualEntryForm } from '../../src/ui/manual-entry-form';
import { byTestId, createFakeClient, mount, settle, typeInto, useEnglishMessages } from './helpers';

const saved: AccountView = {
  id: 'n1', type: 'totp', issuer: 'Acme', accountName: 'alice', algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
  sites: ['https://portal.example.com'], matchRegistrableDomain: false, createdAt: 0, updatedAt: 0, order: 0,
};

/** Background stand-in: a secret containing "!" is refused the way the real validator refuses it. */
function answer(request: PageRequest) {
  if (request.type === 'accounts.previewManual') {
    if (request.entry.secret.includes('!')) throw new RequestFailed('otp/bad-secret', 'The secret key has a character…', { key: 'error_otp_secret_bad_char', subs: [3] });
    if (request.entry.digits !== 6 && request.entry.digits !== 8) throw new RequestFailed('otp/bad-digits', 'The number of digits must be…', { key: 'error_otp_bad_digits', subs: [8] });
    return { code: request.entry.digits === 8 ? '12345678' : '492039' };
  }
  if (request.type === 'accounts.addManual') return { account: saved };
  throw new Error(`unexpected ${request.type}`);
}

describe('ManualEntryForm', () => {
  beforeEach(() => {
    useEnglishMessages();
    document.body.innerHTML = '';
  });

  it('shows the background error message inline for a bad secret, and no preview code', async () => {
    const { client } = createFakeClient(answer);
    const root = await mount(<ManualEntryForm initialSites="" onSaved={() => {}} previewDelayMs={0} />, client);
    await typeInto(byTestId(root, 'secret'), 'jbsw y3dp !!');
    await settle(5);
    expect(byTestId(root, 'manual-error')?.textContent).toBe('The secret key has a character that is not allowed at position 3. A key uses only the letters A–Z and the digits 2–7.');
    expect(byTestId(root, 'manual-preview')).toBeNull();
  });

  it('previews the grouped code for a good secret, sending it as typed', async () => {
    const { client, calls } = createFakeClient(answer);
    const root = await mount(<ManualEntryForm initialSites="" onSaved={() => {}} previewDelayMs={0} />, client);
    await typeInto(byTestId(root, 'secret'), 'jbsw y3dp ehpk 3pxp');
    await settle(5);
    expect(byTestId(root, 'manual-preview')?.textContent).toContain('492 039');
    expect(byTestId(root, 'manual-error')).toBeNull();
    const preview = calls.find((c) => c.type === 'accounts.previewManual');
    expect(preview?.type === 'accounts.previewManual' && preview.entry.secret).toBe('jbsw y3dp ehpk 3pxp');
  });

  it('replaces an earlier error once the input is fixed, and reports advanced-field errors', async () => {
    const { client } = createFakeClient(answer);
    const root = await mount(<ManualEntryForm initialSites="" onSaved={() => {}} previewDelayMs={0} />, client);
    await typeInto(byTestId(root, 'secret'), 'abc!');
    await settle(5);
    expect(byTestId(root, 'manual-error')).not.toBeNull();
    await typeInto(byTestId(root, 'secret'), 'abcdefgh');
    await settle(5);
    expect(byTestId(root, 'manual-error')).toBeNull();
    await typeInto(byTestId(root, 'digits'), '9');
    await settle(5);
    expect(byTestId(root, 'manual-error')?.textContent).toBe('The number of digits must be a whole number from 6 to 8 (usually 6).');
  });

  it('saves with the proposed site and reports the saved account', async () => {
    const { client, calls } = createFakeClient(answer);
    const done: AccountView[] = [];
    const root = await mount(<ManualEntryForm initialSites="https://portal.example.com" onSaved={(a) => done.push(a)} previewDelayMs={0} />, client);
    await typeInto(byTestId(root, 'issuer'), ' Acme ');
    await typeInto(byTestId(root, 'secret'), 'JBSWY3DPEHPK3PXP');
    await settle(5);
    byTestId<HTMLButtonElement>(root, 'save-account')!.click();
    await settle(5);
    const add = calls.find((c) => c.type === 'accounts.addManual');
    expect(add).toMatchObject({ entry: { issuer: 'Acme', secret: 'JBSWY3DPEHPK3PXP', digits: 6, period: 30 }, sites: ['https://portal.example.com'] });
    expect(done).toEqual([saved]);
  });
});

describe('buildManualEntry', () => {
  const base = { issuer: ' A ', accountName: ' b ', secret: 'x', algorithm: 'SHA256' as const, digits: '8', period: '60', counter: '5' };
  it('sends the period for TOTP and the counter for HOTP', () => {
    expect(buildManualEntry({ ...base, type: 'totp' })).toEqual({ issuer: 'A', accountName: 'b', secret: 'x', type: 'totp', algorithm: 'SHA256', digits: 8, period: 60 });
    expect(buildManualEntry({ ...base, type: 'hotp' })).toEqual({ issuer: 'A', accountName: 'b', secret: 'x', type: 'hotp', algorithm: 'SHA256', digits: 8, counter: 5 });
  });
});
