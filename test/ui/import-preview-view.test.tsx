// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/messages';
import { RequestFailed } from '../../src/send-request';
import { ImportPreviewView } from '../../src/ui/import-preview-view';
import { byTestId, createFakeClient, mount, settle, typeInto, useEnglishMessages } from './helpers';

const preview: ImportPreview = {
  accepted: [
    { issuer: 'JumpCloud', accountName: 'alice@example.com', type: 'totp' },
    { issuer: '', accountName: 'counter-account', type: 'hotp' },
  ],
  skipped: [
    { label: 'Legacy VPN', reason: { key: 'error_otp_export_md5' } },
    { label: 'GitHub (alice)', reason: { key: 'import_skip_in_vault' } },
  ],
  token: 'tok-1',
};

describe('ImportPreviewView: bindings a backup carries', () => {
  beforeEach(() => {
    useEnglishMessages();
    document.body.innerHTML = '';
  });

  it('shows the sites each account of a backup file is bound to, before anything is saved', async () => {
    const { client } = createFakeClient(() => ({ added: 0, skipped: 0 }));
    const fromBackup: ImportPreview = {
      accepted: [
        { issuer: 'JumpCloud', accountName: 'alice', type: 'totp', sites: ['https://console.jumpcloud.com'], matchRegistrableDomain: false },
        { issuer: 'Slow', accountName: 'bob', type: 'totp', sites: ['https://slow.example.org'], matchRegistrableDomain: true },
        { issuer: 'Bank', accountName: 'carol', type: 'hotp', sites: [], matchRegistrableDomain: false },
        { issuer: 'Typed', accountName: 'dave', type: 'totp' },
      ],
      skipped: [],
      token: 'tok-2',
    };
    const root = await mount(<ImportPreviewView preview={fromBackup} onCommitted={() => {}} />, client);
    const shown = [...root.querySelectorAll('[data-testid="import-accepted-item"]')].map(
      (li) => li.querySelector('[data-testid="import-accepted-sites"]')?.textContent ?? null,
    );
    expect(shown).toEqual([
      'The file binds it to: https://console.jumpcloud.com',
      'The file binds it to: https://slow.example.org, and every other site of the same domain',
      'The file binds it to no site',
      null,
    ]);
  });
});

describe('ImportPreviewView', () => {
  beforeEach(() => {
    useEnglishMessages();
    document.body.innerHTML = '';
  });

  it('lists what will be imported and what is skipped with why', async () => {
    const { client } = createFakeClient(() => ({ added: 0, skipped: 0 }));
    const root = await mount(<ImportPreviewView preview={preview} onCommitted={() => {}} />, client);
    const accepted = [...root.querySelectorAll('[data-testid="import-accepted-item"]')].map((li) => li.textContent);
    expect(accepted).toHaveLength(2);
    expect(accepted[0]).toContain('JumpCloud');
    expect(accepted[0]).toContain('alice@example.com');
    expect(accepted[1]).toContain('counter-account');
    expect(accepted[1]).toContain('HOTP');
    const skipped = [...root.querySelectorAll('[data-testid="import-skipped-item"]')].map((li) => li.textContent);
    expect(skipped).toEqual([
      'Legacy VPN: The export uses an unknown algorithm (MD5 is not supported). Supported: SHA1/SHA256/SHA512, 6 or 8 digits, TOTP or HOTP.',
      'GitHub (alice): Already in your vault.',
    ]);
    expect(root.textContent).toContain('To import (2)');
    expect(root.textContent).toContain('Skipped (2)');
  });

  it('commits with the token and the sites typed, one per line', async () => {
    const { client, calls } = createFakeClient(() => ({ added: 2, skipped: 2 }));
    const results: unknown[] = [];
    const root = await mount(<ImportPreviewView preview={preview} onCommitted={(r) => results.push(r)} />, client);
    await typeInto(byTestId(root, 'import-sites'), 'https://console.jumpcloud.com\n\n https://sso.example.com \n');
    byTestId<HTMLButtonElement>(root, 'import-commit')!.click();
    await settle();
    expect(calls).toEqual([{ type: 'import.commit', token: 'tok-1', sites: ['https://console.jumpcloud.com', 'https://sso.example.com'] }]);
    expect(results).toEqual([{ added: 2, skipped: 2 }]);
  });

  it('cannot commit when nothing is importable', async () => {
    const { client } = createFakeClient(() => ({ added: 0, skipped: 1 }));
    const root = await mount(<ImportPreviewView preview={{ accepted: [], skipped: preview.skipped.slice(0, 1), token: 't' }} onCommitted={() => {}} />, client);
    expect(byTestId<HTMLButtonElement>(root, 'import-commit')!.disabled).toBe(true);
    expect(byTestId(root, 'import-accepted')).toBeNull();
    expect(root.textContent).toContain('Nothing can be imported');
  });

  it('shows why a commit failed', async () => {
    const { client } = createFakeClient(() => {
      throw new RequestFailed('protocol/expired', 'That step has expired. Please start again.', { key: 'error_protocol_expired' });
    });
    const root = await mount(<ImportPreviewView preview={preview} onCommitted={() => {}} />, client);
    byTestId<HTMLButtonElement>(root, 'import-commit')!.click();
    await settle();
    expect(byTestId(root, 'import-error')?.textContent).toBe('That step has expired. Please start again.');
  });
});

describe('ImportPreviewView: the format and the site each account will be bound to', () => {
  beforeEach(() => useEnglishMessages());

  it('names the recognised format and shows the typed sites against every account without bindings of its own', async () => {
    const { client } = createFakeClient(() => ({ added: 0, skipped: 0, promised: 0, verified: true, missing: [] }));
    const withBackupItem: ImportPreview = { ...preview, format: 'aegis-encrypted', accepted: [...preview.accepted, { issuer: 'Bank', accountName: 'x', type: 'totp', sites: ['https://bank.example'] }] };
    const root = await mount(<ImportPreviewView preview={withBackupItem} onCommitted={() => {}} />, client);
    expect(byTestId(root, 'import-format')?.textContent).toBe('Recognised as: Aegis (encrypted)');
    const bindings = () => [...root.querySelectorAll('[data-testid="import-accepted-binding"]')].map((el) => el.textContent);
    expect(bindings()).toEqual([expect.stringMatching(/Bound to no site/), expect.stringMatching(/Bound to no site/)]);
    await typeInto(byTestId(root, 'import-sites'), 'https://portal.example.com\nhttps://sso.example.com');
    expect(bindings()).toEqual(['Will be bound to: https://portal.example.com, https://sso.example.com', 'Will be bound to: https://portal.example.com, https://sso.example.com']);
    expect(byTestId(root, 'import-accepted-sites')?.textContent).toBe('The file binds it to: https://bank.example');
  });
});
