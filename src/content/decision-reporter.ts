import type { DecisionReport } from '../messages';

/** Names a field for the diagnostics log: `input#id[name=…]`, never its value. */
export function describeFieldForLog(input: HTMLInputElement): string {
  const name = input.getAttribute('name');
  return `input${input.id ? `#${input.id}` : ''}${name ? `[name=${name}]` : ''}`.slice(0, 120);
}

/**
 * Reports what this frame decided about a code field to the diagnostics log, only while recording is on (one
 * read of the flag per report, nothing sent otherwise), and never the same decision twice in a row: the watcher
 * looks again after every change of the page.
 */
export function createDecisionReporter(send: (report: DecisionReport) => Promise<unknown>, isRecording: () => Promise<boolean>) {
  let last = '';
  return (report: DecisionReport): void => {
    const key = `${report.outcome}|${report.reason}|${report.field ?? ''}`;
    if (key === last) return;
    last = key;
    void isRecording()
      .then((on) => (on ? send(report) : undefined))
      .catch(() => undefined);
  };
}
