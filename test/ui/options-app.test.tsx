// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../entrypoints/options/App';
import { DEFAULT_SETTINGS, type EffectiveSettings, type PageRequest, type Settings } from '../../src/messages';
import { RequestFailed } from '../../src/send-request';
import { byTestId, createFakeClient, mount, settle, typeInto, useEnglishMessages, waitFor } from './helpers';

function createBackground(state: 'locked' | 'unlocked', policy: Partial<EffectiveSettings> = {}, reminder?: { count: number; insist: boolean }) {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let unbacked = reminder;
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
      case 'backup.reminder':
        if (!unbacked) throw new Error('unexpected backup.reminder');
        return unbacked;
      case 'export.backup':
        if (unbacked) unbacked = { ...unbacked, count: 0 };
        return { text: '{}', filename: 'portal-authenticator-backup-2024-01-02.json' };
      case 'export.plain':
        if (request.passphrase !== 'the vault passphrase') throw new RequestFailed('vault/wrong-passphrase', 'The passphrase does not open this vault.', { key: 'error_wrong_passphrase_vault' });
        return { text: 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP\n', filename: 'otpauth-links-2024-01-02.txt', mime: 'text/plain' };
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

/** The checkbox once the page has loaded what it shows (it is disabled until then). */
function enabledCheckbox(root: HTMLElement, testId: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = byTestId<HTMLInputElement>(root, testId);
    return found && !found.disabled ? found : null;
  });
}

describe('options App', () => {
  beforeEach(() => {
    useEnglishMessages();
    document.body.innerHTML = '';
  });

  it('switches the diagnostics log on and shows why a page was not filled, without the address query', async () => {
    const { client, calls } = createFakeClient(createBackground('locked'));
    const root = await mount(<App />, client);
    const box = await enabledCheckbox(root, 'record-decisions');
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
    const autoFill = await enabledCheckbox(root, 'auto-fill');
    expect(autoFill.checked).toBe(true);
    expect(byTestId<HTMLInputElement>(root, 'auto-submit')!.checked).toBe(false);
    expect(byTestId<HTMLInputElement>(root, 'freshness-seconds')!.value).toBe('5');
    await act(async () => {
      autoFill.click();
    });
    await settle();
    expect(calls.filter((c) => c.type === 'settings.set').at(-1)).toEqual({ type: 'settings.set', settings: { autoFill: false } });
    expect(byTestId<HTMLInputElement>(root, 'auto-fill')!.checked).toBe(false);
    await typeInto(byTestId(root, 'auto-lock'), '0', 'change');
    await settle();
    expect(calls.filter((c) => c.type === 'settings.set').at(-1)).toEqual({ type: 'settings.set', settings: { autoLockMinutes: 0 } });
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
    for (const gone of ['export-aegis-form', 'export-links-form', 'export-migration']) expect(byTestId(root, gone)).toBeNull();
    expect(byTestId(root, 'export-backup')).not.toBeNull();
  });

  it('downloads the otpauth links only with the vault passphrase, under the secrets warning, and says where the file went', async () => {
    const { client, calls } = createFakeClient(createBackground('unlocked'));
    const root = await mount(<App />, client);
    const form = await waitFor(() => byTestId(root, 'export-links-form'));
    expect(form.textContent).toContain('secret keys in plain text');
    const button = byTestId<HTMLButtonElement>(root, 'export-links')!;
    expect(button.disabled).toBe(true);
    await typeInto(byTestId(root, 'export-links-passphrase'), 'a wrong one');
    await act(async () => {
      button.click();
    });
    await settle();
    expect(byTestId(root, 'export-links-result')?.textContent).toMatch(/^The passphrase does not open this vault\./);
    await typeInto(byTestId(root, 'export-links-passphrase'), 'the vault passphrase');
    await act(async () => {
      button.click();
    });
    await settle();
    expect(calls.filter((c) => c.type === 'export.plain')).toEqual([
      { type: 'export.plain', format: 'otpauth-lines', passphrase: 'a wrong one' },
      { type: 'export.plain', format: 'otpauth-lines', passphrase: 'the vault passphrase' },
    ]);
    expect(byTestId(root, 'export-links-result')?.textContent).toMatch(/^Saved as otpauth-links-2024-01-02\.txt\. Anyone who gets this file/);
    expect(byTestId<HTMLInputElement>(root, 'export-links-passphrase')!.value).toBe('');
  });

  it('saves the backup reminder switch; fixed by the organisation it is disabled and says so', async () => {
    const { client, calls } = createFakeClient(createBackground('unlocked'));
    const root = await mount(<App />, client);
    const box = await enabledCheckbox(root, 'backup-reminder-setting');
    expect(box.checked).toBe(true);
    expect(box.closest('label')?.textContent).toBe('Remind me when accounts have no backup');
    await act(async () => {
      box.click();
    });
    await settle();
    expect(calls.filter((c) => c.type === 'settings.set')).toEqual([{ type: 'settings.set', settings: { backupReminder: false } }]);

    document.body.innerHTML = '';
    const fixed = createFakeClient(createBackground('unlocked', { locked: { backupReminder: 'policy' } }));
    const managedRoot = await mount(<App />, fixed.client);
    const managedBox = await waitFor(() => byTestId<HTMLInputElement>(managedRoot, 'backup-reminder-setting'));
    await settle();
    expect(managedBox.disabled).toBe(true);
    expect(managedBox.closest('label')?.querySelector('[data-testid="set-by-organisation"]')?.textContent).toBe('Set by your organisation');
  });

  it('when the organisation insists, shows the reminder at the top, takes the focus to the backup form, and drops it after a backup', async () => {
    const { client, calls } = createFakeClient(createBackground('unlocked', {}, { count: 2, insist: true }));
    const root = await mount(<App />, client);
    const banner = await waitFor(() => byTestId(root, 'backup-insist'));
    expect(banner.textContent).toBe('2 accounts have no backup. Your organisation asks for a backup of every account. Back up now');
    expect(root.querySelector('.options')!.children[1]).toBe(banner);
    await act(async () => {
      byTestId<HTMLButtonElement>(root, 'backup-insist-now')!.click();
    });
    expect(document.activeElement).toBe(byTestId(root, 'export-passphrase'));
    await typeInto(byTestId(root, 'export-passphrase'), 'a long backup passphrase');
    await typeInto(byTestId(root, 'export-passphrase-confirm'), 'a long backup passphrase');
    await act(async () => {
      byTestId<HTMLButtonElement>(root, 'export-backup')!.click();
    });
    await settle();
    expect(calls.filter((c) => c.type === 'backup.reminder')).toHaveLength(2);
    expect(byTestId(root, 'backup-insist')).toBeNull();
  });

  it('shows no reminder at the top when the organisation does not insist', async () => {
    const { client, calls } = createFakeClient(createBackground('unlocked', {}, { count: 2, insist: false }));
    const root = await mount(<App />, client);
    await waitFor(() => byTestId(root, 'export-backup-form'));
    await waitFor(() => calls.find((c) => c.type === 'backup.reminder'));
    await settle();
    expect(byTestId(root, 'backup-insist')).toBeNull();
  });

  it('shows a shrunk vault at the top of the page; "Import a backup" takes the focus to the file picker', async () => {
    const background = createBackground('unlocked');
    const loss = { kind: 'shrunk' as const, expected: 3, found: 1, noticedAt: 0 };
    const { client } = createFakeClient((request) => (request.type === 'vault.loss' ? { loss } : background(request)));
    const root = await mount(<App />, client);
    const notice = await waitFor(() => byTestId(root, 'vault-loss'));
    expect(notice.textContent).toContain('2 accounts that Portal Authenticator saved are no longer in the vault.');
    await waitFor(() => byTestId(root, 'import-file'));
    await act(async () => {
      byTestId<HTMLButtonElement>(root, 'vault-loss-import')!.click();
    });
    expect(document.activeElement).toBe(byTestId(root, 'import-file'));
  });
});
