import { useEffect, useId, useState } from 'preact/hooks';
import type { Responses } from '../../../src/messages';
import { useClient } from '../../../src/ui/client-context';
import { describeUiError } from '../../../src/ui/describe-ui-error';
import { useAction } from '../../../src/ui/use-action';
import { FieldError, invalidWhen } from '../../../src/ui/field-error';
import { formatDateTime, t, tPlural } from '../../../src/ui/i18n';

type ClockResult = Responses['clock.check'];

function describeVerdict(result: ClockResult, site: string): string {
  const seconds = Math.round(Math.abs(result.offsetSeconds));
  if (result.verdict === 'ok') return tPlural('clock_ok', seconds, site);
  if (result.verdict === 'warn') return tPlural('clock_warn', seconds, site);
  return tPlural('clock_bad', seconds, site);
}

/** Compares this computer's clock with a bound site's `Date` header, since codes depend on both agreeing. */
export function ClockSection() {
  const client = useClient();
  const [sites, setSites] = useState<string[]>([]);
  const [site, setSite] = useState('');
  const [result, setResult] = useState<{ site: string; value: ClockResult } | undefined>(undefined);
  const { busy, error, setError, run } = useAction();
  const errorId = useId();

  useEffect(() => {
    client.request({ type: 'accounts.list' }).then(
      ({ accounts }) => {
        const all = [...new Set(accounts.flatMap((a) => a.sites))].sort();
        setSites(all);
        setSite((current) => current || all[0] || '');
      },
      (err) => setError(describeUiError(err)),
    );
  }, [client]);

  const check = () =>
    run(async () => {
      setResult(undefined);
      setResult({ site, value: await client.request({ type: 'clock.check', origin: site }) });
    });

  return (
    <section class="card" aria-labelledby="clock-title">
      <h2 id="clock-title">{t('clock_title')}</h2>
      <p>{t('clock_intro')}</p>
      {sites.length === 0 ? (
        <p class="muted">{t('clock_no_sites')}</p>
      ) : (
        <div class="actions">
          <select
            data-testid="clock-site"
            aria-label={t('clock_site_label')}
            value={site}
            {...invalidWhen(error ? errorId : undefined)}
            onChange={(e) => setSite(e.currentTarget.value)}
          >
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <button type="button" data-testid="clock-check" disabled={busy || !site} onClick={check}>
            {busy ? t('working') : t('clock_button')}
          </button>
        </div>
      )}
      {result ? (
        <div class={`verdict verdict-${result.value.verdict}`} role="status" data-testid="clock-result" data-verdict={result.value.verdict}>
          <p>{describeVerdict(result.value, result.site)}</p>
          <p class="muted">{t('clock_times', formatDateTime(new Date(result.value.serverDate)), formatDateTime(new Date()))}</p>
        </div>
      ) : null}
      {error ? <FieldError id={errorId} text={error} testId="clock-error" /> : null}
    </section>
  );
}
