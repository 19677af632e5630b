import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../messages';
import { AccountRow } from './account-row';
import { filterAccounts } from './filter-accounts';
import { FIRST_PAINT_ROWS } from './first-screen';
import { t } from './i18n';
import { useFocusOnMount } from './use-focus-on-mount';
import type { CodesSnapshot } from './use-codes';

/** Props of `AccountList`. */
export interface AccountListProps {
  accounts: AccountView[];
  snapshot?: CodesSnapshot;
  revealedHotp: Record<string, string>;
  /** Copies the code; resolves false when the clipboard refused (the page shows why). */
  onCopy: (account: AccountView, code: string) => Promise<boolean>;
  onNextHotp: (account: AccountView) => void;
  onEdit: (account: AccountView) => void;
}

const COPIED_MS = 1200;

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

/** The searchable account list with keyboard control: `/` focuses search, Up/Down move, Enter copies, Escape clears. */
export function AccountList(props: AccountListProps) {
  const { accounts, snapshot } = props;
  const [query, setQuery] = useState('');
  const [copiedId, setCopiedId] = useState<string | undefined>(undefined);
  const searchRef = useFocusOnMount<HTMLInputElement>();
  const listRef = useRef<HTMLUListElement>(null);
  const visible = useMemo(() => filterAccounts(accounts, query), [accounts, query]);
  const [limit, setLimit] = useState(FIRST_PAINT_ROWS);

  useEffect(() => {
    if (limit >= accounts.length) return;
    // The rest of a long list renders after the first rows are painted (a frame, then a task), not before.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLimit(Infinity), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [limit, accounts.length]);

  useEffect(() => {
    if (!copiedId) return;
    const timer = setTimeout(() => setCopiedId(undefined), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copiedId]);

  const copy = async (account: AccountView, code: string) => {
    if (await props.onCopy(account, code)) setCopiedId(account.id);
  };

  const rowButtons = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[data-testid="account-copy"]') ?? [])];

  const focusRow = (index: number) => {
    const buttons = rowButtons();
    if (buttons.length === 0) return;
    buttons[Math.min(Math.max(index, 0), buttons.length - 1)]?.focus();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTextField(event.target)) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const inSearch = target === searchRef.current;
    const current = inSearch ? -1 : Number(target.dataset?.index ?? -1);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(current + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (current <= 0) searchRef.current?.focus();
      else focusRow(current - 1);
    } else if (event.key === 'Escape') {
      if (query) {
        event.preventDefault();
        setQuery('');
        searchRef.current?.focus();
      }
    } else if (event.key === 'Enter' && inSearch) {
      event.preventDefault();
      rowButtons()[0]?.click();
    }
  };

  return (
    <div class="list-wrap" onKeyDown={onKeyDown}>
      <input
        ref={searchRef}
        type="search"
        class="search"
        placeholder={t('popup_search_placeholder')}
        aria-label={t('popup_search_label')}
        data-testid="search"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {accounts.length === 0 ? (
        <p class="empty" data-testid="empty-list">{t('popup_empty')}</p>
      ) : visible.length === 0 ? (
        <p class="empty" data-testid="no-match">{t('popup_no_match', query)}</p>
      ) : null}
      <ul class="rows" ref={listRef} aria-label={t('popup_accounts_label')}>
        {visible.slice(0, limit).map((account, index) => (
          <AccountRow
            key={account.id}
            account={account}
            index={index}
            code={snapshot?.codes.get(account.id)}
            fetchedAt={snapshot?.fetchedAt ?? 0}
            now={snapshot?.now ?? 0}
            copied={copiedId === account.id}
            revealedHotp={props.revealedHotp[account.id]}
            onCopy={(a, c) => void copy(a, c)}
            onNextHotp={props.onNextHotp}
            onEdit={props.onEdit}
          />
        ))}
      </ul>
    </div>
  );
}
