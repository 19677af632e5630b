import { judgeRefusal } from '../fill/refusal-text';
import type { FillAnswer } from '../messages';
import { measureClock } from './clock-check';
import { createClockOffsets, MAX_APPLIED_OFFSET_SECONDS } from './clock-offsets';
import type { BackgroundContext } from './context';
import { describeRefusal, explainRefusal, RECOVERY_PAUSE_MS } from './refusal-recovery';

/** How soon after a submission the portal's answer is looked for: a page load or a few seconds of a single-page app. */
export const REFUSAL_WINDOW_MS = 15_000;

/** The frame a refusal report comes from, as the browser identifies it. */
export interface RefusalFrame {
  frameKey: string;
  origin: string;
  /** Set when the code step is on a newly loaded page: it must be the page the code was submitted from. */
  path?: string;
  /**
   * The page that stayed loaded emptied the filled field (the code step shown again). A newly loaded page's field is
   * always empty, so there only a text can tell a refusal from the next login.
   */
  emptied?: boolean;
}

/** Keeps only short strings; the page controls them. */
function cleanSeen(seen: unknown): string[] {
  if (!Array.isArray(seen)) return [];
  return seen.filter((s): s is string => typeof s === 'string').slice(0, 8).map((s) => s.slice(0, 400));
}

/**
 * When the frame just submitted a code and what it shows now says the portal refused it: checks the portal's clock
 * (its `Date` header), keeps the offset for the portal's later codes, and either fills the next valid code (through
 * `fillAgain`, which applies the offset and never hands out a refused, replayed or not yet started step) with a
 * notice of what happened, or says that nothing explains it. Undefined when there is no refusal to recover from.
 */
export async function recoverRefusal(
  context: BackgroundContext,
  frame: RefusalFrame,
  seenRaw: unknown,
  fillAgain: (accountId: string) => Promise<FillAnswer>,
): Promise<FillAnswer | undefined> {
  if (!judgeRefusal(cleanSeen(seenRaw), frame.emptied === true)) return undefined;
  // A vault locked since the submission answers as a locked vault does, through the usual fill request.
  if ((await context.vault.status()) !== 'unlocked') return undefined;
  const submission = await context.replay.takeSubmission(frame.frameKey, frame.origin, REFUSAL_WINDOW_MS, frame.path);
  if (!submission) return undefined;
  const account = (await context.vault.list()).find((a) => a.id === submission.accountId);
  if (!account) return undefined;
  const last = (await context.replay.refusalsFor(frame.origin)).get(account.id);
  await context.replay.markRefused(submission);
  // Recover once, never in a loop: a refusal soon after the last one is only reported, without asking the portal.
  if (last !== undefined && context.now() - last.at < RECOVERY_PAUSE_MS) {
    return { status: 'unexplained', message: describeRefusal({ kind: 'repeated' }, false) };
  }
  let measured: number | undefined;
  try {
    measured = (await measureClock(frame.origin, context.now)).offsetSeconds;
  } catch {
    measured = undefined; // the portal could not be asked: the offset the code was chosen with stands
  }
  if (measured !== undefined && Math.abs(measured) <= MAX_APPLIED_OFFSET_SECONDS) {
    await createClockOffsets(context.browser.storage.local).keep(frame.origin, measured, context.now());
  }
  const cause = explainRefusal(
    { type: account.type, step: submission.step, periodSeconds: account.period, submittedAt: submission.submittedAt, offsetSeconds: submission.offsetSeconds ?? 0 },
    measured,
  );
  if (cause.kind !== 'clock' && cause.kind !== 'period-end') return { status: 'unexplained', message: describeRefusal(cause, false) };
  const answer = await fillAgain(account.id);
  if (answer.status === 'fill' || answer.status === 'wait') return { ...answer, notice: describeRefusal(cause, answer.status === 'fill') };
  return answer;
}
