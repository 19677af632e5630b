import { useEffect, useId, useState } from 'preact/hooks';
import type { ScanReport } from '../messages';
import { useClient } from './client-context';
import { describeUiError } from './describe-ui-error';
import { useAction } from './use-action';
import { t, translate } from './i18n';
import { parseSiteLines } from './parse-sites';
import { SitesField } from './sites-field';
import { accountFieldOf, FieldError } from './field-error';

/** Props of `ScanReportView`: the tab to scan and the site proposed for the accounts found. */
export interface ScanReportViewProps {
  tabId?: number;
  initialSites: string;
  onDone: (note: string) => void;
}

/** Scans the active tab for enrolment QR codes, lists what was found (duplicates marked) and adds on request. */
export function ScanReportView({ tabId, initialSites, onDone }: ScanReportViewProps) {
  const client = useClient();
  const [report, setReport] = useState<ScanReport | undefined>(undefined);
  const [sites, setSites] = useState(initialSites);
  const { busy, error, failure, setError, run } = useAction();
  const errorId = useId();

  useEffect(() => {
    let live = true;
    client
      .request({ type: 'qr.scanTab', tabId })
      .then((value) => live && setReport(value))
      .catch((err) => live && setError(describeUiError(err)));
    return () => {
      live = false;
    };
  }, [client, tabId]);

  useEffect(() => setSites(initialSites), [initialSites]);

  const accept = async () => {
    const token = report?.token;
    if (!token) return;
    await run(async () => {
      const { added } = await client.request({ type: 'qr.acceptScan', token, sites: parseSiteLines(sites) });
      onDone(t('scan_added', added.length));
    });
  };

  if (!report && !error) return <p class="muted" role="status" data-testid="scan-busy">{t('scan_busy')}</p>;
  const fresh = report?.accounts.filter((a) => !a.duplicate).length ?? 0;
  return (
    <div class="stack" data-testid="scan-report">
      {report && report.accounts.length > 0 ? (
        <ul class="plain" data-testid="scan-accounts">
          {report.accounts.map((account, index) => (
            <li key={index} data-testid="scan-account">
              <strong>{account.issuer || account.accountName || '—'}</strong>
              {account.issuer && account.accountName ? ` — ${account.accountName}` : ''}
              {account.duplicate ? <span class="tag" data-testid="scan-duplicate">{t('scan_duplicate')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {report?.notes.map((note, index) => (
        <p key={index} class="note" data-testid="scan-note">{translate(note)}</p>
      ))}
      {report?.token && fresh > 0 ? <SitesField value={sites} onInput={setSites} errorId={error && accountFieldOf(failure) === 'sites' ? errorId : undefined} /> : null}
      {error ? <FieldError id={errorId} text={error} testId="scan-error" /> : null}
      {report?.token && fresh > 0 ? (
        <button type="button" class="primary" data-testid="accept-scan" disabled={busy} onClick={accept}>
          {t('scan_add', fresh)}
        </button>
      ) : null}
    </div>
  );
}
