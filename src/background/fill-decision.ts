import type { FillAnswer } from '../messages';
import { generateHotp, totpWindow } from '../otp';
import type { OtpAccount } from '../otp/types';

/** A bound account as the fill decision needs it. */
export interface FillCandidate extends OtpAccount {
  id: string;
}

/** Inputs to {@link decideFill}; everything that varies comes in, so the rule is testable. */
export interface FillDecisionInput {
  candidates: FillCandidate[];
  /** True when the asking frame's origin differs from its tab's top-level origin. */
  crossOriginFrame: boolean;
  /** The account the user picked in the chooser, if any. */
  chosenId?: string;
  freshnessSeconds: number;
  /** Whether to submit the form after filling (the user's setting). */
  submit: boolean;
  /** Highest TOTP time step already filled on this site, per account id (servers refuse a replayed code). */
  lastFilledStep: ReadonlyMap<string, number>;
  now: number;
}

/** What to fill and which step to remember as used, or why nothing is filled. */
export interface FillDecision {
  answer: FillAnswer;
  /** Set when a code is handed out: the account and the TOTP step (or HOTP counter) it used. */
  used?: { id: string; step: number; type: OtpAccount['type'] };
}

/** Labels an account the way people recognise it: "Issuer — account". */
export function labelAccount(account: Pick<OtpAccount, 'issuer' | 'accountName'>): string {
  return [account.issuer, account.accountName].filter(Boolean).join(' — ') || 'Unnamed account';
}

/**
 * Decides what a frame gets: one bound account is filled, several (or a cross-origin frame) need a choice.
 * A TOTP code with too little time left, or whose step was already used on this site, is replaced by the
 * next step's code with a wait, so the server never sees a stale or replayed code.
 */
export function decideFill(input: FillDecisionInput): FillDecision {
  const { candidates, chosenId } = input;
  if (candidates.length === 0) return { answer: { status: 'none' } };
  const chosen = chosenId ? candidates.find((c) => c.id === chosenId) : undefined;
  if (!chosen && (candidates.length > 1 || input.crossOriginFrame)) {
    return {
      answer: {
        status: 'choose',
        options: candidates.map((c) => ({ id: c.id, label: labelAccount(c) })),
        crossOrigin: input.crossOriginFrame,
      },
    };
  }
  const account = chosen ?? candidates[0]!;
  const label = labelAccount(account);
  if (account.type === 'hotp') {
    return {
      answer: { status: 'fill', code: generateHotp(account, account.counter), label, waitMs: 0, replayWait: false, submit: input.submit },
      used: { id: account.id, step: account.counter, type: 'hotp' },
    };
  }
  const window = totpWindow(account, input.now);
  const lastStep = input.lastFilledStep.get(account.id) ?? -1;
  const replayed = lastStep >= window.counter;
  const stale = window.secondsRemaining < input.freshnessSeconds;
  if (!replayed && !stale) {
    return {
      answer: { status: 'fill', code: window.code, label, waitMs: 0, replayWait: false, submit: input.submit },
      used: { id: account.id, step: window.counter, type: 'totp' },
    };
  }
  // The next step's code becomes valid when this period ends; the content script waits that long.
  const msIntoSecond = input.now % 1000;
  const waitMs = Math.max(0, window.secondsRemaining * 1000 - msIntoSecond);
  return {
    answer: { status: 'fill', code: window.nextCode, label, waitMs, replayWait: replayed, submit: input.submit },
    used: { id: account.id, step: window.counter + 1, type: 'totp' },
  };
}
