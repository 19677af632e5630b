// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountView, CodeView } from '../../src/messages';
import { AccountList } from '../../src/ui/account-list';
import type { CodesSnapshot } from '../../src/ui/use-codes';
import { byTestId, createFakeClient, mount, settle, typeInto, useEnglishMessages } from './helpers';

function account(id: string, issuer: string, accountName: string, extra: Partial<AccountView> = {}): AccountView {
  return { id, type: 'totp', issuer, accountName, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: [], matchRegistrableDomain: false, createdAt: 0, updatedAt: 0, order: 0, ...extra };
}

const accounts = [
  account('a', 'JumpCloud', 'alice@example.com', { sites: ['https://console.jumpcloud.com'] }),
  account('b', 'GitHub', 'alice', { digits: 8 }),
  account('h', 'Legacy', 'token', { type: 'hotp' }),
];

function snapshotAt(now: number, codes: CodeView[]): CodesSnapshot {
  return { codes: new Map(codes.map((c) => [c.id, c])), fetchedAt: 0, now };
}

const codes: CodeView[] = [
  { id: 'a', code: '123456', nextCode: '654321', secondsRemaining: 20, period: 30 },
  { id: 'b', code: '12345678', nextCode: '87654321', secondsRemaining: 50, period: 60 },
];

async function setup(now = 0) {
  const { client } = createFakeClient(() => ({}));
  const copiedCodes: string[] = [];
  const root = await mount(
    <AccountList
      accounts={accounts}
      snapshot={snapshotAt(now, codes)}
      revealedHotp={{}}
      onCopy={async (_a, code) => {
        copiedCodes.push(code);
        return true;
      }}
      onNextHotp={() => {}}
      onEdit={() => {}}
    />,
    client,
  );
  const rows = () => [...root.querySelectorAll<HTMLElement>('[data-testid="account-row"]')];
  const codeOf = (id: string) => root.querySelector(`[data-account-id="${id}"] [data-testid="account-code"]`)?.textContent;
  return { root, rows, codeOf, copiedCodes };
}

describe('AccountList', () => {
  beforeEach(() => {
    useEnglishMessages();
    document.body.innerHTML = '';
  });

  it('shows grouped codes, and dots for HOTP until asked', async () => {
    const { rows, codeOf } = await setup();
    expect(rows()).toHaveLength(3);
    expect(codeOf('a')).toBe('123 456');
    expect(codeOf('b')).toBe('1234 5678');
    expect(codeOf('h')).toBe('••• •••');
  });

  it('shows the next code only in the last 5 seconds, and the next code as current after the rollover', async () => {
    const early = await setup(10_000);
    expect(early.root.querySelector('[data-account-id="a"] [data-testid="account-next-code"]')).toBeNull();
    document.body.innerHTML = '';
    const late = await setup(16_000);
    expect(late.root.querySelector('[data-account-id="a"] [data-testid="account-next-code"]')?.textContent).toContain('654 321');
    expect(late.root.querySelector('[data-account-id="a"] [data-testid="countdown"]')?.getAttribute('data-urgent')).toBe('true');
    expect(late.root.querySelector('[data-account-id="b"] [data-testid="account-next-code"]')).toBeNull();
    document.body.innerHTML = '';
    const after = await setup(21_000);
    expect(after.codeOf('a')).toBe('654 321');
  });

  it('copies on click and says "Copied"', async () => {
    const { root, copiedCodes } = await setup();
    root.querySelector<HTMLButtonElement>('[data-account-id="b"] [data-testid="account-copy"]')!.click();
    await settle();
    expect(copiedCodes).toEqual(['12345678']);
    expect(root.querySelector('[data-account-id="b"] [data-testid="copied"]')?.textContent).toBe('Copied');
  });

  it('filters as you type, and Escape clears the search', async () => {
    const { root, rows } = await setup();
    const search = byTestId<HTMLInputElement>(root, 'search')!;
    await typeInto(search, 'git');
    expect(rows().map((r) => r.dataset.accountId)).toEqual(['b']);
    await typeInto(search, 'jumpcloud.com');
    expect(rows().map((r) => r.dataset.accountId)).toEqual(['a']);
    await act(async () => {
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(search.value).toBe('');
    expect(rows()).toHaveLength(3);
  });

  it('moves with the arrow keys, copies the first match with Enter, and focuses search on "/"', async () => {
    const { root, copiedCodes } = await setup();
    const search = byTestId<HTMLInputElement>(root, 'search')!;
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="account-copy"]')];
    const press = (target: Element, key: string) =>
      act(async () => {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    search.focus();
    await press(search, 'ArrowDown');
    expect(document.activeElement).toBe(buttons[0]);
    await press(buttons[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(buttons[1]);
    await press(buttons[1]!, 'ArrowUp');
    expect(document.activeElement).toBe(buttons[0]);
    await press(buttons[0]!, 'ArrowUp');
    expect(document.activeElement).toBe(search);
    buttons[1]!.focus();
    await press(document.body, '/');
    expect(document.activeElement).toBe(search);
    await typeInto(search, 'alice');
    await press(search, 'Enter');
    await settle();
    expect(copiedCodes).toEqual(['123456']);
  });

  it('says so when nothing matches', async () => {
    const { root, rows } = await setup();
    await typeInto(byTestId(root, 'search'), 'zzz');
    expect(rows()).toHaveLength(0);
    expect(byTestId(root, 'no-match')?.textContent).toContain('zzz');
  });
});
