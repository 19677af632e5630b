// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { App as OptionsApp } from '../../entrypoints/options/App';
import { ClockSection } from '../../entrypoints/options/sections/clock-section';
import { ExportPlainBlock } from '../../entrypoints/options/sections/export-plain-block';
import { ExportSection } from '../../entrypoints/options/sections/export-section';
import { ImportSection } from '../../entrypoints/options/sections/import-section';
import { SecuritySection } from '../../entrypoints/options/sections/security-section';
import type { MessageKey } from '../../src/translatable';
import { DEFAULT_SETTINGS, type AccountView, type EffectiveSettings, type PageRequest } from '../../src/messages';
import { RequestFailed } from '../../src/send-request';
import { EditAccount } from '../../src/ui/edit-account';
import { ImportPreviewView } from '../../src/ui/import-preview-view';
import { ImageForm, UriForm } from '../../src/ui/link-forms';
import { ManualEntryForm } from '../../src/ui/manual-entry-form';
import { CreateVaultForm, UnlockForm } from '../../src/ui/passphrase-forms';
import { ScanReportView } from '../../src/ui/scan-report-view';
import { byTestId, createFakeClient, mount, settle, typeInto, useEnglishMessages, waitFor } from './helpers';

/** The background's refusal as the page receives it: a code and the message key with its values. */
const fail = (code: string, key: MessageKey, subs: Array<string | number> = []) => new RequestFailed(code, `(${code})`, { key, subs });

const WRONG_PASSPHRASE = fail('vault/wrong-passphrase', 'error_wrong_passphrase_vault');
const TOO_SHORT = fail('vault/passphrase-too-short', 'error_passphrase_too_short', [12]);
const BAD_SITE = fail('site/invalid', 'error_site_not_address', ['portal example']);
const BAD_SECRET = fail('otp/bad-secret', 'error_otp_secret_bad_char', [3]);

/**
 * The field is marked invalid and names, in aria-describedby, elements that exist and say `message`; every other
 * field of the form is not marked invalid (an error tied to the wrong field fails too).
 */
function expectTied(root: HTMLElement, testId: string, message: RegExp) {
  const field = byTestId(root, testId)!;
  expect(field, testId).not.toBeNull();
  expect(field.getAttribute('aria-invalid'), testId).toBe('true');
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  expect(ids.length, testId).toBeGreaterThan(0);
  // Looked up inside the form's own tree, so another tree's element with the same id cannot stand in for it.
  const described = ids.map((id) => root.querySelector(`[id="${id}"]`)?.textContent ?? `(no element #${id})`).join(' ');
  expect(described, testId).toMatch(message);
  const others = [...root.querySelectorAll('input, textarea, select')].filter((other) => other !== field && other.getAttribute('aria-invalid') === 'true');
  expect(others.map((other) => other.getAttribute('data-testid')), testId).toEqual([]);
}

function expectNotInvalid(root: HTMLElement, testId: string) {
  const field = byTestId(root, testId)!;
  expect(field.getAttribute('aria-invalid'), testId).not.toBe('true');
  expect(field.hasAttribute('aria-describedby') && document.getElementById(field.getAttribute('aria-describedby')!)?.classList.contains('error'), testId).toBe(false);
}

async function chooseFiles(input: HTMLElement | null, files: File[]) {
  if (!input) throw new Error('no file input');
  await act(async () => {
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const click = async (root: HTMLElement, testId: string) => {
  await act(async () => byTestId<HTMLButtonElement>(root, testId)!.click());
  await settle(5);
};

const account: AccountView = {
  id: 'a1',
  type: 'totp',
  issuer: 'Acme',
  accountName: 'alice',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  sites: ['https://portal.example.com'],
  matchRegistrableDomain: false,
  createdAt: 0,
  updatedAt: 0,
  order: 0,
};

beforeEach(() => {
  useEnglishMessages();
  document.body.innerHTML = '';
});

describe('errors are tied to their field (aria-invalid, aria-describedby)', () => {
  it('unlock: a wrong passphrase points at its message', async () => {
    const { client } = createFakeClient(() => {
      throw WRONG_PASSPHRASE;
    });
    const root = await mount(<UnlockForm onState={() => {}} />, client);
    expectNotInvalid(root, 'passphrase');
    await typeInto(byTestId(root, 'passphrase'), 'wrong');
    await click(root, 'unlock');
    expectTied(root, 'passphrase', /^The passphrase does not open this vault/);
  });

  it('first run: two passphrases that differ mark the second; a refused one marks the first', async () => {
    const { client } = createFakeClient(() => {
      throw TOO_SHORT;
    });
    const root = await mount(<CreateVaultForm onState={() => {}} />, client);
    await typeInto(byTestId(root, 'passphrase'), 'short one');
    await typeInto(byTestId(root, 'passphrase-confirm'), 'short');
    expectTied(root, 'passphrase-confirm', /^The two passphrases are not the same\.$/);
    await typeInto(byTestId(root, 'passphrase-confirm'), 'short one');
    expectNotInvalid(root, 'passphrase-confirm');
    await click(root, 'create-vault');
    expectTied(root, 'passphrase', /^The passphrase must be at least 12 characters long\.$/);
  });

  it('manual entry: the preview marks the key or the digits; saving marks the sites', async () => {
    const { client } = createFakeClient((request: PageRequest) => {
      if (request.type === 'accounts.previewManual') {
        if (request.entry.secret.includes('1')) throw BAD_SECRET;
        if (String(request.entry.digits) === '9') throw fail('otp/bad-digits', 'error_otp_bad_digits', [8]);
        return { code: '123456' };
      }
      throw BAD_SITE;
    });
    const root = await mount(<ManualEntryForm initialSites="portal example" onSaved={() => {}} previewDelayMs={0} />, client);
    await typeInto(byTestId(root, 'secret'), 'JB1WY3DPEHPK3PXP');
    await waitFor(() => byTestId(root, 'manual-error'));
    expectTied(root, 'secret', /position 3/);
    await typeInto(byTestId(root, 'secret'), 'JBSWY3DPEHPK3PXP');
    await typeInto(byTestId(root, 'digits'), '9');
    await waitFor(() => byTestId(root, 'manual-error')?.textContent?.includes('number of digits') || undefined);
    expectTied(root, 'digits', /number of digits must be a whole number from 6 to 8/);
    await typeInto(byTestId(root, 'digits'), '6');
    await waitFor(() => byTestId(root, 'manual-preview'));
    expectNotInvalid(root, 'digits');
    await click(root, 'save-account');
    expectTied(root, 'sites', /"portal example" is not a web address/);
  });

  it('paste a link: a bad link marks the link; a bad site marks the sites', async () => {
    let refusal: RequestFailed = fail('otp/bad-scheme', 'error_otp_uri_not_link');
    const { client } = createFakeClient(() => {
      throw refusal;
    });
    const root = await mount(<UriForm initialSites="" onDone={() => {}} />, client);
    await typeInto(byTestId(root, 'uri-text'), 'hello');
    await click(root, 'save-uri');
    expectTied(root, 'uri-text', /not a link/);
    refusal = BAD_SITE;
    await click(root, 'save-uri');
    expectTied(root, 'sites', /is not a web address/);
  });

  it('image of a QR code: a file that is no image marks the file picker', async () => {
    const { client } = createFakeClient(() => {
      throw fail('qr/bad-image', 'error_qr_bad_image');
    });
    const root = await mount(<ImageForm initialSites="" onDone={() => {}} />, client);
    await chooseFiles(byTestId(root, 'image-file'), [new File(['x'], 'notes.png', { type: 'image/png' })]);
    await waitFor(() => byTestId(root, 'image-error'));
    expectTied(root, 'image-file', /“notes.png” could not be read as an image/);
  });

  it('edit account: a name too long marks the account name; a bad site marks the sites', async () => {
    let refusal = new RequestFailed('otp/too-long', '(too long)', { key: 'error_otp_name_too_long', subs: [{ key: 'error_otp_name_account' }, 256] });
    const { client } = createFakeClient((request) => {
      if (request.type === 'sites.registrableDomain') return { domain: 'example.com' };
      throw refusal;
    });
    const root = await mount(<EditAccount account={account} canMoveUp={false} canMoveDown={false} onSaved={() => {}} onMove={() => {}} onDelete={() => {}} />, client);
    await click(root, 'save-edit');
    expectTied(root, 'account-name', /The account name is longer than 256 characters/);
    refusal = BAD_SITE;
    await click(root, 'save-edit');
    expectTied(root, 'sites', /is not a web address/);
  });

  it('scan report and import preview: a bad site marks their sites field', async () => {
    const report = { accounts: [{ issuer: 'Acme', accountName: 'alice', duplicate: false }], notes: [], token: 't' };
    const { client } = createFakeClient((request) => {
      if (request.type === 'qr.scanTab') return report;
      throw BAD_SITE;
    });
    const scan = await mount(<ScanReportView tabId={1} initialSites="portal example" onDone={() => {}} />, client);
    await waitFor(() => byTestId(scan, 'accept-scan'));
    await click(scan, 'accept-scan');
    expectTied(scan, 'sites', /is not a web address/);

    document.body.innerHTML = '';
    const preview = { accepted: [{ issuer: 'Acme', accountName: 'alice', type: 'totp' as const }], skipped: [], token: 't' };
    const importView = await mount(<ImportPreviewView preview={preview} initialSites="portal example" onCommitted={() => {}} />, client);
    await click(importView, 'import-commit');
    expectTied(importView, 'import-sites', /is not a web address/);
  });

  it('change passphrase: a wrong current one marks it; a refused new one marks the new one', async () => {
    let refusal = WRONG_PASSPHRASE;
    const { client } = createFakeClient(() => {
      throw refusal;
    });
    const root = await mount(<SecuritySection unlocked save={async () => {}} onLocked={() => {}} />, client);
    await typeInto(byTestId(root, 'current-passphrase'), 'wrong');
    await typeInto(byTestId(root, 'new-passphrase'), 'next one');
    await typeInto(byTestId(root, 'new-passphrase-confirm'), 'next one');
    await click(root, 'change-passphrase');
    expectTied(root, 'current-passphrase', /does not open this vault/);
    refusal = TOO_SHORT;
    await click(root, 'change-passphrase');
    expectTied(root, 'new-passphrase', /at least 12 characters/);
  });

  it('import: a wrong file password marks the password; a refused paste marks the text', async () => {
    const { client } = createFakeClient((request) => {
      if (request.type === 'import.preview' && request.file) throw fail('import/wrong-password', 'error_import_wrong_password', ['Aegis']);
      throw fail('import/empty', 'error_import_nothing');
    });
    const root = await mount(<ImportSection onImported={() => {}} />, client);
    await typeInto(byTestId(root, 'import-text'), '   x');
    await click(root, 'import-preview');
    expectTied(root, 'import-text', /There is nothing to import/);
    await chooseFiles(byTestId(root, 'import-file'), [new File(['{}'], 'aegis.json', { type: 'application/json' })]);
    await waitFor(() => byTestId(root, 'backup-passphrase'));
    await typeInto(byTestId(root, 'backup-passphrase'), 'wrong');
    await click(root, 'import-preview');
    expectTied(root, 'backup-passphrase', /The password is wrong for this Aegis file/);
  });

  it('export: a refused backup passphrase and a wrong vault passphrase mark their fields', async () => {
    const { client } = createFakeClient((request) => {
      if (request.type === 'export.backup') throw fail('policy/passphrase-too-short', 'error_policy_passphrase_short', [20]);
      if (request.type === 'export.plain') throw WRONG_PASSPHRASE;
      return { accounts: [] };
    });
    const backup = await mount(<ExportSection plainExportAllowed={false} save={async () => undefined} onBackedUp={() => undefined} />, client);
    await typeInto(byTestId(backup, 'export-passphrase'), 'short');
    await typeInto(byTestId(backup, 'export-passphrase-confirm'), 'short');
    await click(backup, 'export-backup');
    expectTied(backup, 'export-passphrase', /requires a passphrase of at least 20 characters/);

    // One page, one tree: ids are unique within it.
    document.body.innerHTML = '';
    const aegis = await mount(<ExportPlainBlock format="aegis-json" onExported={() => undefined} />, client);
    await typeInto(byTestId(aegis, 'export-aegis-passphrase'), 'wrong');
    await click(aegis, 'export-aegis');
    expectTied(aegis, 'export-aegis-passphrase', /does not open this vault/);
  });

  it('clock check: a site that cannot be reached marks the site chooser', async () => {
    const { client } = createFakeClient((request) => {
      if (request.type === 'accounts.list') return { accounts: [account] };
      throw fail('clock/unreachable', 'error_clock_unreachable', ['https://portal.example.com']);
    });
    const root = await mount(<ClockSection />, client);
    await waitFor(() => byTestId(root, 'clock-site'));
    await click(root, 'clock-check');
    expectTied(root, 'clock-site', /Could not reach https:\/\/portal\.example\.com/);
  });

  it('settings: a refused value marks its control, pointing at the page’s message', async () => {
    const effective: EffectiveSettings = { settings: { ...DEFAULT_SETTINGS }, locked: {}, warnings: [], autoLockChoices: [0, 1, 5, 15, 60, 240], plainExportAllowed: true };
    const { client } = createFakeClient((request) => {
      if (request.type === 'vault.status') return { state: 'locked' };
      if (request.type === 'settings.get') return effective;
      if (request.type === 'debug.decisions') return { recording: false, decisions: [] };
      throw fail('settings/bad-value', 'error_settings_freshness');
    });
    const root = await mount(<OptionsApp />, client);
    const freshness = await waitFor(() => byTestId<HTMLInputElement>(root, 'freshness-seconds'));
    await typeInto(freshness, '99', 'change');
    await settle(5);
    const field = byTestId(root, 'freshness-seconds')!;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toMatch(/fresh-code wait must be a whole number of seconds from 0 to 20/);
    expectNotInvalid(root, 'auto-lock');
  });
});
