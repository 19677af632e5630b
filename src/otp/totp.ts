import { otpError } from './errors';
import { periodError } from './fields';
import { generateHotp } from './hotp';
import { MAX_PERIOD } from './limits';
import type { OtpAccount } from './types';

type TotpInput = Pick<OtpAccount, 'secret' | 'algorithm' | 'digits' | 'period'>;

/** The codes around one moment, for a display with a countdown. */
export interface TotpWindow {
  code: string;
  /** The code of the next step, shown when the current one is about to expire. */
  nextCode: string;
  /** Whole seconds until `code` expires, 1..period. */
  secondsRemaining: number;
  period: number;
  /** The RFC 6238 time step T the code belongs to. */
  counter: number;
}

/** RFC 6238 §4.2 time step T = floor((now − T0) / X) with T0 = 0, checking the clock value and the period. */
export function totpCounter(period: number, nowMs: number): number {
  if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD) {
    throw periodError();
  }
  if (!Number.isFinite(nowMs) || nowMs < 0 || nowMs > Number.MAX_SAFE_INTEGER) {
    throw otpError('otp/bad-time', 'The clock value must be a time after 1970 in milliseconds.', { key: 'error_otp_bad_time' });
  }
  return Math.floor(Math.floor(nowMs / 1000) / period);
}

/** RFC 6238 TOTP code of `account` at `nowMs` (milliseconds since the Unix epoch). */
export function generateTotp(account: TotpInput, nowMs: number = Date.now()): string {
  return generateHotp(account, totpCounter(account.period, nowMs));
}

/** The current and next RFC 6238 codes and how long the current one stays valid. */
export function totpWindow(account: TotpInput, nowMs: number = Date.now()): TotpWindow {
  const counter = totpCounter(account.period, nowMs);
  const seconds = Math.floor(nowMs / 1000);
  return {
    code: generateHotp(account, counter),
    nextCode: generateHotp(account, counter + 1),
    secondsRemaining: account.period - (seconds % account.period),
    period: account.period,
    counter,
  };
}
