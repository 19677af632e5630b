// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { PageRequest, VaultState } from '../../src/messages';
import { RequestFailed } from '../../src/send-request';
import { CreateVaultForm, UnlockForm } from '../../src/ui/passphrase-forms';
import { ratePassphrase } from '../../src/ui/passphrase-strength';
import { byTestId, createFakeClient, mount, settle, typeInto, useEnglishMessages } from './helpers';

function vault(request: PageRequest) {
  if (request.type === 'vault.unlock') {
    if (request.passphrase !== 'correct horse battery staple') throw new RequestFailed('vault/wrong-passphrase', 'The passphrase does not open this vault.', { key: 'error_wrong_passphrase_vault' });
    return { state: 'unlocked' as const };
  }
  if (request.type === 'vault.create') return { state: 'unlocked' as const };
  throw new Error(`unexpected ${request.type}`);
}

describe('UnlockForm', () => {
  beforeEach(() => {
    useEnglishMessages();
    document.body.innerHTML = '';
  });

  it('shows the background message on a wrong passphrase and stays locked', async () => {
    const { client } = createFakeClient(vault);
    const states: VaultState[] = [];
    const root = await mount(<UnlockForm onState={(s) => states.push(s)} />, client);
    expect(byTestId(root, 'locked-title')?.textContent).toBe('Locked');
    await typeInto(byTestId(root, 'passphrase'), 'wrong');
    byTestId<HTMLButtonElement>(root, 'unlock')!.click();
    await settle();
    expect(byTestId(root, 'error')?.textContent).toMatch(/^The passphrase does not open this vault\. Check it \(and Caps Lock\)/);
    expect(byTestId<HTMLInputElement>(root, 'passphrase')!.getAttribute('aria-invalid')).toBe('true');
    expect(states).toEqual([]);
  });

  it('reports the unlocked state on the right passphrase', async () => {
    const { client } = createFakeClient(vault);
    const states: VaultState[] = [];
    const root = await mount(<UnlockForm onState={(s) => states.push(s)} />, client);
    await typeInto(byTestId(root, 'passphrase'), 'correct horse battery staple');
    byTestId<HTMLButtonElement>(root, 'unlock')!.click();
    await settle();
    expect(states).toEqual(['unlocked']);
  });
});

describe('CreateVaultForm', () => {
  beforeEach(() => {
    useEnglishMessages();
    document.body.innerHTML = '';
  });

  it('needs the passphrase twice, says there is no recovery, and rates strength', async () => {
    const { client, calls } = createFakeClient(vault);
    const root = await mount(<CreateVaultForm onState={() => {}} />, client);
    expect(root.textContent).toContain('no way to recover');
    const create = byTestId<HTMLButtonElement>(root, 'create-vault')!;
    await typeInto(byTestId(root, 'passphrase'), 'abc');
    expect(byTestId(root, 'passphrase-strength')?.className).toContain('strength-weak');
    await typeInto(byTestId(root, 'passphrase-confirm'), 'abd');
    expect(byTestId(root, 'passphrase-mismatch')).not.toBeNull();
    expect(create.disabled).toBe(true);
    await typeInto(byTestId(root, 'passphrase'), 'violet anchor mango tundra');
    await typeInto(byTestId(root, 'passphrase-confirm'), 'violet anchor mango tundra');
    expect(byTestId(root, 'passphrase-strength')?.className).toContain('strength-strong');
    expect(create.disabled).toBe(false);
    create.click();
    await settle();
    expect(calls).toEqual([{ type: 'vault.create', passphrase: 'violet anchor mango tundra' }]);
  });
});

describe('ratePassphrase', () => {
  it.each([
    ['', 'empty'],
    ['password', 'weak'],
    ['aaaaaaaaaaaaaaaaaaaa', 'weak'],
    ['Tr0ub4dor&3', 'fair'],
    ['Password123!Password123!', 'weak'],
    ['violetanchormangotundra', 'strong'],
    ['correct horse battery staple', 'strong'],
  ])('%j is %s', (passphrase, expected) => {
    expect(ratePassphrase(passphrase)).toBe(expected);
  });
});
