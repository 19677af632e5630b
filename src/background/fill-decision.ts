import type { FillAnswer } from '../messages';
import { generateHotp } from '../otp';
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
 * A TOTP code with too little time left, or whose step was already handed to this site, is replaced by the
 * first later step that is neither, with a wait until it becomes valid, so the server never sees a stale or
 * replayed code.
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
  // Work in milliseconds: a code with 4.5 s left is stale under a 5 s freshness setting.
  const periodMs = account.period * 1000;
  const current = Math.floor(input.now / periodMs);
  const lastStep = input.lastFilledStep.get(account.id) ?? -1;
  // Never hand out a step this site already got (servers refuse replayed codes), even one handed out early.
  let step = Math.max(current, lastStep + 1);
  if ((step + 1) * periodMs - input.now < input.freshnessSeconds * 1000) step += 1;
  const waitMs = Math.max(0, step * periodMs - input.now);
  return {
    answer: { status: 'fill', code: generateHotp(account, step), label, waitMs, replayWait: lastStep >= current, submit: input.submit },
    used: { id: account.id, step, type: 'totp' },
  };
}
