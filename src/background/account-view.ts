import type { AccountView, CodeView } from '../messages';
import { generateHotp, totpWindow } from '../otp';
import type { VaultAccount } from '../vault';

/** Strips the secret: the only shape of an account that leaves the background for extension pages. */
export function toAccountView(account: VaultAccount): AccountView {
  const { secret: _secret, ...view } = account;
  return view;
}

/** The code an extension page shows for an account: TOTP with its countdown, HOTP only on request. */
export function toCodeView(account: VaultAccount, now: number, revealHotp = false): CodeView {
  if (account.type === 'hotp') {
    return { id: account.id, code: revealHotp ? generateHotp(account, account.counter) : '' };
  }
  const window = totpWindow(account, now);
  return { id: account.id, code: window.code, nextCode: window.nextCode, secondsRemaining: window.secondsRemaining, period: window.period };
}
