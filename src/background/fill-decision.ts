import type { FillAnswer } from '../messages';
import { labelAccount } from '../account-label';
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
  /** User names the page shows, lower-cased; pick the one bound account they name instead of asking. */
  hints?: readonly string[];
  freshnessSeconds: number;
  /** Whether to submit the form after filling (the user's setting). */
  submit: boolean;
  /** Highest TOTP time step already filled on this site, per account id (servers refuse a replayed code). */
  lastFilledStep: ReadonlyMap<string, number>;
  /** The step this site last refused, per account id: never filled again. */
  refusedStep?: ReadonlyMap<string, number>;
  /** This computer's clock, corrected by the offset measured against the portal (if one is kept). */
  now: number;
}

/** What to fill and which step to remember as used, or why nothing is filled. */
export interface FillDecision {
  answer: FillAnswer;
  /** Set when a code is handed out: the account and the TOTP step (or HOTP counter) it used. */
  used?: { id: string; step: number; type: OtpAccount['type'] };
}


/**
 * The account to fill without asking: the user's pick; else, outside cross-origin frames, the only bound
 * account, or the only one whose account name the page shows.
 */
function pickAccount(input: FillDecisionInput): FillCandidate | undefined {
  const { candidates, chosenId, hints } = input;
  if (chosenId) return candidates.find((c) => c.id === chosenId);
  if (input.crossOriginFrame) return undefined;
  if (candidates.length === 1) return candidates[0];
  const named = candidates.filter((c) => c.accountName.trim() !== '' && hints?.includes(c.accountName.trim().toLowerCase()));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Decides what a frame gets: one bound account is filled, several (or a cross-origin frame) need a choice.
 * A TOTP code with too little time left, or whose step was already handed to this site, is not handed out:
 * the answer is a wait until the next period starts, so the server never sees a stale or replayed code and no
 * code leaves the background before its period.
 */
export function decideFill(input: FillDecisionInput): FillDecision {
  const { candidates } = input;
  if (candidates.length === 0) return { answer: { status: 'none' } };
  const account = pickAccount(input);
  if (!account) {
    return {
      answer: {
        status: 'choose',
        // An unnamed account's label is left empty: the page names it in its own language.
        options: candidates.map((c) => ({ id: c.id, label: labelAccount(c, '') })),
        crossOrigin: input.crossOriginFrame,
      },
    };
  }
  const label = labelAccount(account);
  if (account.type === 'hotp') {
    return {
      answer: { status: 'fill', code: generateHotp(account, account.counter), label, submit: input.submit, counterBased: true },
      used: { id: account.id, step: account.counter, type: 'hotp' },
    };
  }
  // Work in milliseconds: a code with 4.5 s left is stale under a 5 s freshness setting.
  const periodMs = account.period * 1000;
  const current = Math.floor(input.now / periodMs);
  const lastStep = input.lastFilledStep.get(account.id) ?? -1;
  // Never hand out a step this site already got (servers refuse replayed codes).
  let step = Math.max(current, lastStep + 1);
  if ((step + 1) * periodMs - input.now < input.freshnessSeconds * 1000) step += 1;
  if (step === input.refusedStep?.get(account.id)) step += 1;
  if (step > current) {
    // A code is never handed out before its period has started: whoever holds it early could use it later. The
    // frame asks again when the wait is over; a wait never reaches past the next period's start.
    const waitMs = Math.min(step, current + 1) * periodMs - input.now;
    return { answer: { status: 'wait', label, waitMs, replayWait: lastStep >= current } };
  }
  return {
    answer: { status: 'fill', code: generateHotp(account, step), label, submit: input.submit, counterBased: false },
    used: { id: account.id, step, type: 'totp' },
  };
}
