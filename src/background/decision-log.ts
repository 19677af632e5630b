import { type DecisionOutcome, type DecisionRecord, type DecisionReport } from '../messages';
import { DECISION_LOG_KEY as LOG_KEY, DECISION_RECORDING_KEY, type KeyValueArea } from '../storage';

/** The log keeps the newest decisions only. */
const MAX_RECORDS = 200;
const MAX_TEXT = 300;
const OUTCOMES = new Set<DecisionOutcome>(['refused', 'filled', 'waiting', 'choose', 'locked', 'no-account', 'disabled', 'failed']);

const text = (value: unknown, max = MAX_TEXT): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** Keeps only the fields of a report a content script may send, cut to size (a page could have written them). */
export function cleanDecisionReport(raw: unknown): DecisionReport | undefined {
  const report = raw as Partial<Record<keyof DecisionReport, unknown>> | null;
  if (typeof report !== 'object' || report === null || !OUTCOMES.has(report.outcome as DecisionOutcome)) return undefined;
  const field = text(report.field, 120);
  return { outcome: report.outcome as DecisionOutcome, reason: text(report.reason, 60), detail: text(report.detail), ...(field ? { field } : {}) };
}

/**
 * The diagnostics log: why each frame did or did not fill a code. Off by default; while it is on, decisions go to
 * session storage (gone when the browser closes, unreadable by web pages) and to the background's console.
 */
export function createDecisionLog(local: KeyValueArea, session: KeyValueArea, now: () => number = Date.now) {
  const isRecording = async () => (await local.get(DECISION_RECORDING_KEY))[DECISION_RECORDING_KEY] === true;
  const read = async () => ((await session.get(LOG_KEY))[LOG_KEY] as DecisionRecord[] | undefined) ?? [];
  let queue: Promise<unknown> = Promise.resolve();
  return {
    isRecording,
    async setRecording(on: boolean): Promise<boolean> {
      await local.set({ [DECISION_RECORDING_KEY]: on === true });
      if (!on) await session.set({ [LOG_KEY]: [] });
      return on === true;
    },
    /** Adds one decision of the frame `where` names, when recording is on. */
    async record(where: Pick<DecisionRecord, 'url' | 'tabId' | 'frameId'>, raw: unknown): Promise<void> {
      const report = cleanDecisionReport(raw);
      if (!report || !(await isRecording())) return;
      const entry: DecisionRecord = { ...report, url: where.url, tabId: where.tabId, frameId: where.frameId, at: now() };
      console.debug('Portal Authenticator decision:', entry.outcome, entry.reason, entry.field ?? '', entry.url, entry.detail);
      // Frames report at the same moment: one read-change-write at a time, so none is lost.
      const step = queue.then(async () => session.set({ [LOG_KEY]: [...(await read()), entry].slice(-MAX_RECORDS) }));
      queue = step.catch(() => undefined);
      await step;
    },
    /** The decisions recorded since recording was switched on, oldest first. */
    list: read,
  };
}
