import type { AccountView, CodeView } from '../messages';
import { computeRemaining, isUrgent } from './countdown';
import { CountdownRing } from './countdown-ring';
import { groupCode, isolateLtr, maskCode, spellCode } from './format-code';
import { labelAccount } from '../account-label';
import { t } from './i18n';
import { IconEdit } from './icons';

/** Props of `AccountRow`. `revealedHotp` is the HOTP code the person asked for with "Next code". */
export interface AccountRowProps {
  account: AccountView;
  index: number;
  code?: CodeView;
  fetchedAt: number;
  now: number;
  copied: boolean;
  revealedHotp?: string;
  onCopy: (account: AccountView, code: string) => void;
  onNextHotp: (account: AccountView) => void;
  onEdit: (account: AccountView) => void;
}


/** What a TOTP row shows at `now`: the current code (the next one once the period has ended), and the next code near the end. */
export function pickTotpDisplay(code: CodeView, fetchedAt: number, now: number) {
  const remaining = computeRemaining(code.secondsRemaining ?? 0, fetchedAt, now);
  const period = code.period ?? 30;
  // Codes more than a period old are expired: show none rather than a stale one.
  if (remaining <= -period) return { current: '', next: undefined, remaining: 0, period };
  // After the rollover and before the re-fetch answers, the "next" code is the current one.
  if (remaining <= 0 && code.nextCode) return { current: code.nextCode, next: undefined, remaining: remaining + period, period };
  return { current: code.code, next: isUrgent(remaining) && remaining > 0 ? code.nextCode : undefined, remaining, period };
}

/** One account: name, grouped code with a countdown ring, click/Enter copies; HOTP rows reveal codes on demand. */
export function AccountRow(props: AccountRowProps) {
  const { account, index, code, fetchedAt, now, copied, revealedHotp } = props;
  const label = labelAccount(account, t('account_unnamed'));
  const isHotp = account.type === 'hotp';
  const totp = !isHotp && code ? pickTotpDisplay(code, fetchedAt, now) : undefined;
  const shown = isHotp ? revealedHotp : totp?.current;
  // A TOTP code not fetched yet keeps its place blank rather than looking like a hidden HOTP code.
  const codeText = shown ? groupCode(shown) : isHotp ? maskCode(account.digits) : '\u00a0';

  return (
    <li class="row" data-testid="account-row" data-account-id={account.id}>
      <button
        type="button"
        class="row-main"
        data-testid="account-copy"
        data-index={index}
        // Named by what it shows (WCAG 2.5.3); what a click does is its description.
        aria-describedby={shown ? `copy-hint-${account.id}` : undefined}
        onClick={() => shown && props.onCopy(account, shown)}
      >
        <span class="row-issuer">{account.issuer || account.accountName || '—'}</span>
        {account.issuer && account.accountName ? <span class="row-name">{account.accountName}</span> : null}
        <span class="row-code-line">
          <span class={totp && isUrgent(totp.remaining) ? 'row-code urgent' : shown ? 'row-code' : 'row-code masked'} data-testid="account-code" aria-hidden="true">
            {codeText}
          </span>
          {shown ? (
            <span class="sr-only">{spellCode(shown)}</span>
          ) : null}
          {copied ? (
            <span class="row-copied" role="status" data-testid="copied">
              {t('popup_copied')}
            </span>
          ) : totp?.next ? (
            <span class="row-next" data-testid="account-next-code">
              {t('popup_next_code_small', isolateLtr(groupCode(totp.next)))}
            </span>
          ) : null}
        </span>
      </button>
      {shown ? (
        <span class="sr-only" id={`copy-hint-${account.id}`}>
          {t('popup_copy_code_for', label)}
        </span>
      ) : null}
      <div class="row-side">
        {totp ? <CountdownRing remaining={totp.remaining} period={totp.period} /> : null}
        {isHotp ? (
          <button type="button" class="small" data-testid="hotp-next" aria-label={t('popup_hotp_next_for', label)} onClick={() => props.onNextHotp(account)}>
            {t('popup_hotp_next')}
          </button>
        ) : null}
        <button type="button" class="icon" data-testid="edit-account" aria-label={t('popup_edit_for', label)} title={t('popup_edit')} onClick={() => props.onEdit(account)}>
          <IconEdit />
        </button>
      </div>
    </li>
  );
}
