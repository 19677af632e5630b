// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../entrypoints/popup/App';
import { render } from 'preact';
import type { AccountView, PageRequest, VaultOverview } from '../../src/messages';
import { ClientContext } from '../../src/ui/client-context';
import { RequestFailed } from '../../src/send-request';
import { byTestId, createFakeClient, mount, settle, typeInto, useEnglishMessages, waitFor } from './helpers';

function account(id: string, issuer: string, order: number, extra: Partial<AccountView> = {}): AccountView {
  return { id, type: 'totp', issuer, accountName: `${id}@example.com`, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: [], matchRegistrableDomain: false, createdAt: 0, updatedAt: 0, order, ...extra };
}

/** A small stand-in for the background, keeping just enough state for the popup's flows. */
function createBackground(locked = false) {
  let state: 'locked' | 'unlocked' = locked ? 'locked' : 'unlocked';
  let accounts = [account('a', 'Alpha', 0), account('b', 'Beta', 1, { sites: ['https://sso.example.co.uk'] }), account('h', 'Hotp', 2, { type: 'hotp' })];
  const removed = new Map<string, AccountView>();
  const codes = () => ({
    now: Date.now(),
    codes: accounts.filter((a) => a.type === 'totp').map((a, i) => ({ id: a.id, code: `${i}00000`, nextCode: '999999', secondsRemaining: 25, period: 30 })),
  });
  const handler = (request: PageRequest): unknown => {
    if (request.type === 'vault.overview') return state === 'locked' ? { state } : { state, accounts, codesComplete: true, ...codes() };
    if (request.type === 'vault.unlock') {
      if (request.passphrase !== 'right') throw new RequestFailed('vault/wrong-passphrase', 'The passphrase does not open this vault.', { key: 'error_wrong_passphrase_vault' });
      state = 'unlocked';
      return { state };
    }
    if (state === 'locked') throw new RequestFailed('vault/locked', 'The vault is locked; unlock it with your passphrase first.', { key: 'error_locked' });
    switch (request.type) {
      case 'vault.lock':
        state = 'locked';
        return { state };
      case 'accounts.list':
        return { accounts };
      case 'accounts.codes':
        return codes();
      case 'accounts.nextHotp':
        return { code: { id: request.id, code: '777888' } };
      case 'accounts.remove': {
        const gone = accounts.find((a) => a.id === request.id)!;
        accounts = accounts.filter((a) => a.id !== request.id);
        removed.set(`undo-${gone.id}`, gone);
        return { undoToken: `undo-${gone.id}` };
      }
      case 'accounts.undoRemove': {
        const back = removed.get(request.undoToken)!;
        accounts = [...accounts, back];
        return { account: back };
      }
      case 'sites.registrableDomain':
        return request.site === 'https://sso.example.co.uk' ? { domain: 'example.co.uk' } : {};
      case 'accounts.reorder':
        accounts = request.ids.map((id, order) => ({ ...accounts.find((a) => a.id === id)!, order }));
        return { ok: true };
      default:
        throw new Error(`unexpected ${request.type}`);
    }
  };
  return { handler, accounts: () => accounts };
}

const rowIds = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-testid="account-row"]')].map((r) => r.dataset.accountId);
const click = async (root: HTMLElement, testId: string) => {
  const element = byTestId<HTMLButtonElement>(root, testId);
  if (!element) throw new Error(`no ${testId}`);
  element.click();
  await settle();
};

describe('popup App', () => {
  beforeEach(() => {
    useEnglishMessages();
    document.body.innerHTML = '';
  });

  it('unlocks after a wrong try and then lists the accounts', async () => {
    const background = createBackground(true);
    const { client } = createFakeClient(background.handler);
    const root = await mount(<App />, client);
    await waitFor(() => root.querySelector('[data-testid="account-row"], [data-testid="unlock-form"]'));
    await typeInto(byTestId(root, 'passphrase'), 'wrong');
    await click(root, 'unlock');
    expect(byTestId(root, 'error')?.textContent).toMatch(/^The passphrase does not open this vault\. Check it \(and Caps Lock\)/);
    await typeInto(byTestId(root, 'passphrase'), 'right');
    await click(root, 'unlock');
    await settle();
    expect(rowIds(root)).toEqual(['a', 'b', 'h']);
    expect(root.querySelector('[data-account-id="b"] [data-testid="account-code"]')?.textContent).toBe('100 000');
  });

  it('renders an opening overview in its first render, then fetches the codes it did not include', async () => {
    const background = createBackground();
    const { client, calls } = createFakeClient(background.handler);
    const accounts = background.accounts();
    const overview = { state: 'unlocked' as const, accounts, codes: [{ id: 'a', code: '123456', nextCode: '654321', secondsRemaining: 20, period: 30 }], codesComplete: false, now: Date.now() };
    const container = document.createElement('div');
    document.body.append(container);
    // Rendered synchronously, outside act(): what the first frame would show.
    render(<ClientContext.Provider value={client}><App overview={overview} /></ClientContext.Provider>, container);
    expect(rowIds(container)).toEqual(['a', 'b', 'h']);
    expect(container.querySelector('[data-account-id="a"] [data-testid="account-code"]')?.textContent).toBe('123 456');
    expect(calls).toEqual([]);
    await waitFor(() => calls.some((c) => c.type === 'accounts.codes'));
    await settle();
    expect(container.querySelector('[data-account-id="b"] [data-testid="account-code"]')?.textContent).toBe('100 000');
    expect(calls.map((c) => c.type)).not.toContain('vault.overview');
    expect(calls.map((c) => c.type)).not.toContain('accounts.list');
  });

  it('when the accounts cannot be read, still shows the unlocked screen with its buttons and says why', async () => {
    const damaged = new RequestFailed('vault/malformed-contents', 'The vault opened but its contents are not readable; restore from a backup.', { key: 'error_vault_contents_unreadable' });
    const { client } = createFakeClient((request) => {
      if (request.type === 'vault.status') return { state: 'unlocked' };
      throw damaged;
    });
    const root = await mount(<App />, client);
    await waitFor(() => byTestId(root, 'toast'));
    expect(byTestId(root, 'toast')?.textContent).toContain('restore from a backup');
    expect(byTestId(root, 'lock')).not.toBeNull();
    expect(byTestId(root, 'open-options')).not.toBeNull();
    expect(byTestId(root, 'error')).toBeNull();
  });

  it('with a complete overview asks the background for nothing on opening', async () => {
    const background = createBackground();
    const { client, calls } = createFakeClient(background.handler);
    const overview = background.handler({ type: 'vault.overview' }) as VaultOverview;
    const root = await mount(<App overview={overview} />, client);
    await settle();
    expect(rowIds(root)).toEqual(['a', 'b', 'h']);
    expect(calls).toEqual([]);
  });

  it('shows the quiet backup reminder the opening answer carries, opens the options on "Back up now", and goes on "Not now"', async () => {
    const background = createBackground();
    const { client, calls } = createFakeClient((request) => (request.type === 'backup.dismissReminder' ? { ok: true } : background.handler(request)));
    const overview = { ...(background.handler({ type: 'vault.overview' }) as VaultOverview), backupReminder: { count: 3, insist: false } } as VaultOverview;
    const root = await mount(<App overview={overview} />, client);
    await settle();
    expect(byTestId(root, 'backup-reminder')?.textContent).toBe('3 accounts have no backup — Back up now Not now');
    byTestId<HTMLButtonElement>(root, 'backup-dismiss')!.click();
    await settle();
    expect(calls).toEqual([{ type: 'backup.dismissReminder' }]);
    expect(byTestId(root, 'backup-reminder')).toBeNull();
  });

  it('offers no "Not now" when the organisation insists on a backup; "Back up now" opens the options', async () => {
    const background = createBackground();
    let opened = 0;
    const { client, calls } = createFakeClient(background.handler);
    client.openOptions = async () => {
      opened++;
    };
    const overview = { ...(background.handler({ type: 'vault.overview' }) as VaultOverview), backupReminder: { count: 1, insist: true } } as VaultOverview;
    const root = await mount(<App overview={overview} />, client);
    await settle();
    expect(byTestId(root, 'backup-reminder')?.textContent).toBe('1 account has no backup — Back up now');
    expect(byTestId(root, 'backup-dismiss')).toBeNull();
    byTestId<HTMLButtonElement>(root, 'backup-now')!.click();
    await settle();
    expect(opened).toBe(1);
    expect(calls).toEqual([]);
  });

  it('shows no backup reminder when every account has a backup', async () => {
    const background = createBackground();
    const { client } = createFakeClient(background.handler);
    const overview = { ...(background.handler({ type: 'vault.overview' }) as VaultOverview), backupReminder: { count: 0, insist: false } } as VaultOverview;
    const root = await mount(<App overview={overview} />, client);
    await settle();
    expect(rowIds(root)).toEqual(['a', 'b', 'h']);
    expect(byTestId(root, 'backup-reminder')).toBeNull();
  });

  it('reveals a HOTP code on "Next code" and copies it on click', async () => {
    const { client, copied } = createFakeClient(createBackground().handler);
    const root = await mount(<App />, client);
    await waitFor(() => root.querySelector('[data-testid="account-row"], [data-testid="unlock-form"]'));
    const row = () => root.querySelector('[data-account-id="h"]')!;
    expect(row().querySelector('[data-testid="account-code"]')?.textContent).toBe('••• •••');
    row().querySelector<HTMLButtonElement>('[data-testid="hotp-next"]')!.click();
    await settle();
    expect(row().querySelector('[data-testid="account-code"]')?.textContent).toBe('777 888');
    row().querySelector<HTMLButtonElement>('[data-testid="account-copy"]')!.click();
    await settle();
    expect(copied).toEqual(['777888']);
  });

  it('deletes after confirmation and brings the account back with Undo', async () => {
    const background = createBackground();
    const { client } = createFakeClient(background.handler);
    const root = await mount(<App />, client);
    await waitFor(() => root.querySelector('[data-testid="account-row"], [data-testid="unlock-form"]'));
    root.querySelector<HTMLButtonElement>('[data-account-id="a"] [data-testid="edit-account"]')!.click();
    await settle();
    await click(root, 'delete-account');
    await click(root, 'delete-confirm');
    expect(rowIds(root)).toEqual(['b', 'h']);
    expect(byTestId(root, 'toast')?.textContent).toContain('Deleted Alpha');
    await click(root, 'undo');
    expect(rowIds(root)).toEqual(['a', 'b', 'h']);
  });

  it('moves an account down and sends the new order', async () => {
    const background = createBackground();
    const { client, calls } = createFakeClient(background.handler);
    const root = await mount(<App />, client);
    await waitFor(() => root.querySelector('[data-testid="account-row"], [data-testid="unlock-form"]'));
    root.querySelector<HTMLButtonElement>('[data-account-id="a"] [data-testid="edit-account"]')!.click();
    await settle();
    expect(byTestId<HTMLButtonElement>(root, 'move-up')!.disabled).toBe(true);
    await click(root, 'move-down');
    expect(calls.at(-1)).toEqual({ type: 'accounts.reorder', ids: ['b', 'a', 'h'] });
    await click(root, 'back');
    expect(rowIds(root)).toEqual(['b', 'a', 'h']);
  });

  it('names the registrable domain the background reads from the public suffix list when editing an account', async () => {
    const { client, calls } = createFakeClient(createBackground().handler);
    const root = await mount(<App />, client);
    await waitFor(() => root.querySelector('[data-testid="account-row"]'));
    root.querySelector<HTMLButtonElement>('[data-account-id="b"] [data-testid="edit-account"]')!.click();
    await waitFor(() => (root.textContent?.includes('subdomains of example.co.uk') ? true : null));
    expect(calls).toContainEqual({ type: 'sites.registrableDomain', site: 'https://sso.example.co.uk' });
  });

  it("moves the focus to the new view: the heading after its button is gone, else the view's own first field", async () => {
    const { client } = createFakeClient(createBackground().handler);
    const root = await mount(<App />, client);
    await waitFor(() => root.querySelector('[data-testid="account-row"]'));
    const add = byTestId<HTMLButtonElement>(root, 'add-account')!;
    add.focus();
    await click(root, 'add-account');
    expect(document.activeElement?.tagName).toBe('H1');
    expect(document.activeElement?.textContent).toBe('Add an account');
    byTestId<HTMLButtonElement>(root, 'back')!.focus();
    await click(root, 'back');
    // The list focuses its search field itself, and keeps it.
    expect(document.activeElement).toBe(root.querySelector('input[type="search"], [data-testid="search"]'));
  });

  it('locks on "Lock now" and shows the locked state', async () => {
    const { client } = createFakeClient(createBackground().handler);
    const root = await mount(<App />, client);
    await waitFor(() => root.querySelector('[data-testid="account-row"], [data-testid="unlock-form"]'));
    await click(root, 'lock');
    expect(byTestId(root, 'locked-title')).not.toBeNull();
    expect(rowIds(root)).toEqual([]);
  });

  it('says plainly that the vault is gone on the first-run screen, with the way back, and forgets it on "Dismiss"', async () => {
    const { client, calls } = createFakeClient((request) => (request.type === 'vault.dismissLoss' ? { ok: true } : { state: 'uninitialised' }));
    const loss = { kind: 'vanished' as const, expected: 4, found: 0, noticedAt: 0 };
    const root = await mount(<App overview={{ state: 'uninitialised', loss }} />, client);
    const notice = byTestId(root, 'vault-loss')!;
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.querySelector('h2')?.textContent).toBe('Your vault is gone from this browser');
    expect(notice.textContent).toContain('Portal Authenticator had saved 4 accounts in this browser, and the browser’s storage no longer holds the vault.');
    expect(notice.textContent).toContain('create a new vault, then import your last backup');
    expect(byTestId(root, 'vault-loss-import')).toBeNull();
    expect(byTestId(root, 'create-form')).not.toBeNull();
    await click(root, 'vault-loss-dismiss');
    expect(calls).toEqual([{ type: 'vault.dismissLoss' }]);
    expect(byTestId(root, 'vault-loss')).toBeNull();
  });

  it('asks again after an unlock, when a shrunk vault is noticed, and offers the import in the options', async () => {
    const background = createBackground(true);
    const loss = { kind: 'shrunk' as const, expected: 5, found: 2, noticedAt: 0 };
    let unlocked = false;
    const { client, calls } = createFakeClient((request) => {
      if (request.type === 'vault.loss') return unlocked ? { loss } : {};
      if (request.type === 'vault.unlock' && request.passphrase === 'right') unlocked = true;
      return background.handler(request);
    });
    let opened = 0;
    client.openOptions = async () => {
      opened++;
    };
    const root = await mount(<App />, client);
    await waitFor(() => byTestId(root, 'unlock-form'));
    expect(byTestId(root, 'vault-loss')).toBeNull();
    await typeInto(byTestId(root, 'passphrase'), 'right');
    await click(root, 'unlock');
    const notice = await waitFor(() => byTestId(root, 'vault-loss'));
    expect(calls.map((c) => c.type)).toContain('vault.loss');
    expect(notice.querySelector('h2')?.textContent).toBe('Accounts are missing from your vault');
    expect(notice.textContent).toContain('3 accounts that Portal Authenticator saved are no longer in the vault.');
    expect(notice.textContent).toContain('import your last backup (Settings → Import)');
    await waitFor(() => rowIds(root).length > 0);
    expect(rowIds(root)).toEqual(['a', 'b', 'h']);
    await click(root, 'vault-loss-import');
    expect(opened).toBe(1);
  });
});
