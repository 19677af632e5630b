import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DecisionRecord } from '../../../src/messages';
import { useClient } from '../../../src/ui/client-context';
import { describeUiError } from '../../../src/ui/describe-ui-error';
import { formatTime, t } from '../../../src/ui/i18n';
import { describeDecision } from './describe-decision';

/** The newest decisions shown; the log keeps more for the tester kit. */
const SHOWN = 25;

/** Origin and path of an address, without its query (which can hold tokens). */
function shortAddress(url: string): string {
  try {
    const { origin, pathname } = new URL(url);
    return origin + pathname;
  } catch {
    return url;
  }
}

/**
 * Diagnostics: a switch for the log of why each page's code field was filled or not (kept in memory until the
 * browser closes), and its newest entries, so a page where filling fails can be understood and reported.
 */
export function DiagnosticsSection() {
  const client = useClient();
  const [recording, setRecording] = useState<boolean | undefined>(undefined);
  const [decisions, setDecisions] = useState<DecisionRecord[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const log = await client.request({ type: 'debug.decisions' });
      setRecording(log.recording);
      setDecisions(log.decisions.slice(-SHOWN).reverse());
      setError(undefined);
    } catch (err) {
      setError(describeUiError(err));
    }
  }, [client]);
  useEffect(() => void refresh(), [refresh]);

  const toggle = async (on: boolean) => {
    try {
      await client.request({ type: 'debug.setRecording', on });
      await refresh();
    } catch (err) {
      setError(describeUiError(err));
    }
  };

  return (
    <section class="card" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('diagnostics_title')}</h2>
      <p class="muted">{t('diagnostics_intro')}</p>
      <label class="check">
        <input type="checkbox" data-testid="record-decisions" disabled={recording === undefined} checked={recording ?? false} onChange={(e) => void toggle(e.currentTarget.checked)} />
        <span>{t('diagnostics_record')}</span>
      </label>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {recording ? (
        <>
          <button type="button" onClick={() => void refresh()}>
            {t('diagnostics_refresh')}
          </button>
          {decisions.length === 0 ? (
            <p class="muted">{t('diagnostics_empty')}</p>
          ) : (
            <ul class="decision-log" data-testid="decision-log">
              {decisions.map((d) => (
                <li key={`${d.at}-${d.tabId}-${d.frameId}-${d.reason}`}>
                  <strong>{d.outcome}</strong> <code>{d.reason}</code> {d.field ? <code>{d.field}</code> : null} — {shortAddress(d.url)}
                  <br />
                  <span class="muted">
                    {formatTime(d.at)} · {describeDecision(d)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
