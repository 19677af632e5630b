import { useId, useState } from 'preact/hooks';
import type { ImportOutcome, ImportPreview } from '../messages';
import { useClient } from './client-context';
import { useAction } from './use-action';
import { t } from './i18n';
import { describeImportFormat } from './import-outcome';
import { parseSiteLines } from './parse-sites';
import { SitesField } from './sites-field';
import { accountFieldOf, FieldError } from './field-error';
import { SkippedList } from './skipped-list';

/** Props of `ImportPreviewView`. */
export interface ImportPreviewViewProps {
  preview: ImportPreview;
  initialSites?: string;
  onCommitted: (outcome: ImportOutcome) => void;
  onCancel?: () => void;
}

/** What an import will add and what it skips (with why), and the button that saves it. */
export function ImportPreviewView({ preview, initialSites = '', onCommitted, onCancel }: ImportPreviewViewProps) {
  const client = useClient();
  const [sites, setSites] = useState(initialSites);
  const { busy, error, failure, run } = useAction();
  const errorId = useId();
  const typedSites = parseSiteLines(sites);

  const commit = () =>
    run(async () => onCommitted(await client.request({ type: 'import.commit', token: preview.token, sites: parseSiteLines(sites) })));

  return (
    <section class="stack import-preview" data-testid="import-preview-result" aria-label={t('import_preview_title')}>
      {preview.format ? <p class="muted" data-testid="import-format">{t('import_format', describeImportFormat(preview.format))}</p> : null}
      <h3>{t('import_accepted_title', preview.accepted.length)}</h3>
      {preview.accepted.length > 0 ? (
        <ul class="plain" data-testid="import-accepted">
          {preview.accepted.map((item, index) => (
            <li key={index} data-testid="import-accepted-item">
              <strong>{item.issuer || item.accountName || '—'}</strong>
              {item.issuer && item.accountName ? ` — ${item.accountName}` : ''} <span class="tag">{item.type.toUpperCase()}</span>
              {item.sites ? (
                <div class="muted" data-testid="import-accepted-sites">
                  {item.sites.length === 0
                    ? t('import_bound_nowhere')
                    : item.matchRegistrableDomain
                      ? t('import_bound_sites_domain', item.sites.join(', '))
                      : t('import_bound_sites', item.sites.join(', '))}
                </div>
              ) : (
                // Nothing is bound silently: the sites typed below are shown against each account as they are typed.
                <div class="muted" data-testid="import-accepted-binding">
                  {typedSites.length > 0 ? t('import_will_bind', typedSites.join(', ')) : t('import_will_bind_nowhere')}
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('import_nothing')}</p>
      )}
      {preview.skipped.length > 0 ? (
        <>
          <h3>{t('import_skipped_title', preview.skipped.length)}</h3>
          <SkippedList items={preview.skipped} testId="import-skipped" itemTestId="import-skipped-item" />
        </>
      ) : null}
      {preview.accepted.length > 0 ? (
        <SitesField value={sites} onInput={setSites} testId="import-sites" errorId={error && accountFieldOf(failure) === 'sites' ? errorId : undefined} />
      ) : null}
      {error ? <FieldError id={errorId} text={error} testId="import-error" /> : null}
      <div class="actions">
        {onCancel ? (
          <button type="button" onClick={onCancel} data-testid="import-cancel">
            {t('cancel')}
          </button>
        ) : null}
        <button type="button" class="primary" data-testid="import-commit" disabled={busy || preview.accepted.length === 0} onClick={commit}>
          {t('import_commit', preview.accepted.length)}
        </button>
      </div>
    </section>
  );
}
