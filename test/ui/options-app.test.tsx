// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../entrypoints/options/App';
import { DEFAULT_SETTINGS, type EffectiveSettings, type PageRequest, type Settings } from '../../src/messages';
import { byTestId, createFakeClient, mount, settle, typeInto, useEnglishMessages, waitFor } from './helpers';

function createBackground(state: 'locked' | 'unlocked', policy: Partial<EffectiveSettings> = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let recording = false;
  const decision = { outcome: 'refused', reason: 'enrolment-page', detail: 'This step sets up a new authenticator.', field: 'input#code', url: 'https://portal.example.com/2fa?token=abc', tabId: 1, frameId: 0, at: 0 };
  const effective = (): EffectiveSettings => ({
    settings,
    locked: {},
    warnings: [],
    autoLockChoices: [0, 1, 5, 15, 60, 240],
    plainExportAllowed: true,
    ...policy,
  });
  return (request: PageRequest): unknown => {
    switch (request.type) {
      case 'vault.status':
        return { state };
      case 'settings.get':
        return effective();
      case 'settings.set':
        settings = { ...settings, ...request.settings };
        return effective();
      case 'accounts.list':
        return { accounts: [] };
      case 'import.preview':
        return {
          accepted: [{ issuer: 'Acme', accountName: 'alice', type: 'totp' }],
          skipped: [{ label: { key: 'import_label_item', subs: [2] }, reason: { key: 'payload_is_link', subs: [{ key: 'payload_subject_line' }, 'https://portal.acme.test'] } }],
          token: 'tok',
        };
      case 'import.commit':
        return { added: 1, skipped: 0, promised: 1, verified: true, missing: [] };
      case 'debug.decisions':
        return { recording, decisions: recording ? [decision] : [] };
      case 'debug.setRecording':
        recording = request.on;
        return { recording };
      default:
        throw new Error(`unexpected ${request.type}`);
    }
  };
}

describe('options App', () => {
  beforeEach(() => {
    useEnglishMessages();
    document.body.innerHTML = '';
  });

  it('switches the diagnostics log on and shows why a page was not filled, without the address query', async () => {
    const { client, calls } = createFakeClient(createBackground('locked'));
    const root = await mount(<App />, client);
    const box = await waitFor(() => {
      const found = byTestId<HTMLInputElement>(root, 'record-decisions');
      return found && !found.disabled ? found : null;
    });
    expect(box.checked).toBe(false);
    expect(byTestId(root, 'decision-log')).toBeNull();
    await act(async () => {
      box.click();
    });
    const log = await waitFor(() => byTestId(root, 'decision-log'));
    expect(calls).toContainEqual({ type: 'debug.setRecording', on: true });
    expect(log.textContent).toContain('enrolment-page');
    expect(log.textContent).toContain('https://portal.example.com/2fa');
    expect(log.textContent).not.toContain('token=abc');
  });

  it('saves autofill and auto-lock settings through settings.set', async () => {
    const { client, calls } = createFakeClient(createBackground('locked'));
    const root = await mount(<App />, client);
    const autoFill = await waitFor(() => {
      const box = byTestId<HTMLInputElement>(root, 'auto-fill');
      return box && !box.disabled ? box : null;
    });
    expect(autoFill.checked).toBe(true);
    expect(byTestId<HTMLInputElement>(root, 'auto-submit')!.checked).toBe(false);
    expect(byTestId<HTMLInputElement>(root, 'freshness-seconds')!.value).toBe('5');
    await act(async () => {
      autoFill.click();
    });
    await settle();
    expect(calls.at(-1)).toEqual({ type: 'settings.set', settings: { autoFill: false } });
    expect(byTestId<HTMLInputElement>(root, 'auto-fill')!.checked).toBe(false);
    await typeInto(byTestId(root, 'auto-lock'), '0', 'change');
    await settle();
    expect(calls.at(-1)).toEqual({ type: 'settings.set', settings: { autoLockMinutes: 0 } });
    expect(byTestId(root, 'import-text')).toBeNull();
    expect(byTestId(root, 'unlock-form')).not.toBeNull();
  });

  it('previews pasted links, then imports them for the sites given', async () => {
    const { client, calls } = createFakeClient(createBackground('unlocked'));
    const root = await mount(<App />, client);
    const text = await waitFor(() => byTestId(root, 'import-text'));
    await typeInto(text, 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP\nhttps://example.com');
    byTestId<HTMLButtonElement>(root, 'import-preview')!.click();
    await settle();
    expect(calls.find((c) => c.type === 'import.preview')).toEqual({
      type: 'import.preview',
      text: 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP\nhttps://example.com',
    });
    expect(byTestId(root, 'import-skipped')?.textContent).toContain('Item 2: This line is a web link (https://portal.acme.test), not an authenticator code.');
    await typeInto(byTestId(root, 'import-sites'), 'https://portal.acme.test');
    byTestId<HTMLButtonElement>(root, 'import-commit')!.click();
    await settle();
    expect(calls.find((c) => c.type === 'import.commit')).toEqual({ type: 'import.commit', token: 'tok', sites: ['https://portal.acme.test'] });
    expect(byTestId(root, 'import-result')?.textContent).toBe('Added 1 of 1. Read back from the vault: every account is there.');
    expect(byTestId(root, 'version')?.textContent).toBe('Version 9.9.9');
  });

  it('shows what the organisation fixed, disables it, lists policy warnings, and hides plain exports', async () => {
    const { client } = createFakeClient(
      createBackground('unlocked', {
        locked: { autoSubmit: 'policy' },
        warnings: ['"allowedSites" entry "ftp://x" is not a web address.'],
        autoLockChoices: [1, 5],
        plainExportAllowed: false,
      }),
    );
    const root = await mount(<App />, client);
    const autoSubmit = await waitFor(() => byTestId<HTMLInputElement>(root, 'auto-submit'));
    await settle();
    expect(autoSubmit.disabled).toBe(true);
    expect(byTestId<HTMLInputElement>(root, 'auto-fill')!.disabled).toBe(false);
    expect(root.querySelectorAll('[data-testid="set-by-organisation"]')).toHaveLength(1);
    expect(byTestId(root, 'policy-warning')!.textContent).toContain('allowedSites');
    const options = [...byTestId<HTMLSelectElement>(root, 'auto-lock')!.options].map((o) => o.value);
    expect(options).not.toContain('0');
    expect(byTestId(root, 'auto-lock-bounded')).not.toBeNull();
    expect(byTestId(root, 'export-blocked')).not.toBeNull();
    expect(byTestId(root, 'export-uris-show')).toBeNull();
    expect(byTestId(root, 'export-backup')).not.toBeNull();
  });
});
