import type { DecisionRecord } from '../../../src/messages';
import type { Requester } from './requester';

/** Which decision to wait for: the frame's address (exactly, or a pattern) and, optionally, the outcome or reason. */
export interface DecisionQuery {
  url: string | RegExp;
  outcome?: DecisionRecord['outcome'];
  reason?: string;
  /** Only decisions recorded at or after this time (ms since the epoch). */
  since?: number;
}

const matches = (record: DecisionRecord, query: DecisionQuery) =>
  (typeof query.url === 'string' ? record.url === query.url : query.url.test(record.url)) &&
  (query.outcome === undefined || record.outcome === query.outcome) &&
  (query.reason === undefined || record.reason === query.reason) &&
  record.at >= (query.since ?? 0);

/**
 * Waits until the extension has recorded a decision about a code field in the frame at `query.url`: the
 * extension's own word that it looked at the page and what it decided (filled, refused and why, waiting, …).
 * Recording must be on (`request({ type: 'debug.setRecording', on: true })`). Returns the newest match.
 */
export async function waitForDecision(request: Requester, query: DecisionQuery, timeout = 15_000): Promise<DecisionRecord> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const { recording, decisions } = await request({ type: 'debug.decisions' });
    if (!recording) throw new Error('The decision log is off: send { type: "debug.setRecording", on: true } first.');
    const found = decisions.filter((d) => matches(d, query)).at(-1);
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = decisions.map((d) => `${d.outcome}/${d.reason} ${d.url}`).join('\n  ');
      throw new Error(`No decision for ${String(query.url)} (${query.outcome ?? 'any'}/${query.reason ?? 'any'}) within ${timeout} ms. Seen:\n  ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
