import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AccountView, ManualEntry } from '../messages';
import type { OtpAlgorithm, OtpType } from '../otp/types';
import { useClient } from './client-context';
import { describeUiError } from './describe-ui-error';
import { groupCode } from './format-code';
import { t, translate } from './i18n';
import { parseSiteLines } from './parse-sites';
import { SitesField } from './sites-field';
import { Field } from './field';
import { accountFieldOf, FieldError, invalidWhen, type AccountField } from './field-error';
import { useAction } from './use-action';

/** The raw text of every field, as typed. */
export interface ManualFields {
  issuer: string;
  accountName: string;
  secret: string;
  type: OtpType;
  algorithm: OtpAlgorithm;
  digits: string;
  period: string;
  counter: string;
}

/** Turns the typed fields into the protocol's entry; the background validates and explains every bad value. */
export function buildManualEntry(fields: ManualFields): ManualEntry {
  const entry: ManualEntry = {
    issuer: fields.issuer.trim(),
    accountName: fields.accountName.trim(),
    secret: fields.secret,
    type: fields.type,
    algorithm: fields.algorithm,
    digits: Number(fields.digits.trim()),
  };
  if (fields.type === 'totp') entry.period = Number(fields.period.trim());
  else entry.counter = Number(fields.counter.trim());
  return entry;
}

/** Props of `ManualEntryForm`; `initialSites` is usually the active tab's origin. */
export interface ManualEntryFormProps {
  initialSites: string;
  onSaved: (account: AccountView, warning?: string) => void;
  /** Debounce for the live preview, in ms. */
  previewDelayMs?: number;
}

const EMPTY: ManualFields = { issuer: '', accountName: '', secret: '', type: 'totp', algorithm: 'SHA1', digits: '6', period: '30', counter: '0' };

/** Add an account by typing its key, with a live preview code (or the reason it is wrong) before saving. */
export function ManualEntryForm({ initialSites, onSaved, previewDelayMs = 250 }: ManualEntryFormProps) {
  const client = useClient();
  const [fields, setFields] = useState<ManualFields>(EMPTY);
  const [sites, setSites] = useState(initialSites);
  const [preview, setPreview] = useState<{ code?: string; warning?: string; error?: string; field?: AccountField }>({});
  const { busy, error: saveError, failure, run } = useAction();
  const latest = useRef(0);
  const previewErrorId = useId();
  const saveErrorId = useId();
  // The field a message is about points at it: the save's failure when there is one, else the preview's.
  const saveField = saveError ? accountFieldOf(failure) : undefined;
  const errorFor = (field: AccountField) =>
    invalidWhen(saveField === field ? saveErrorId : preview.error && preview.field === field ? previewErrorId : undefined);

  useEffect(() => setSites(initialSites), [initialSites]);

  useEffect(() => {
    if (!fields.secret.trim()) {
      setPreview({});
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      try {
        const { code, warning } = await client.request({ type: 'accounts.previewManual', entry: buildManualEntry(fields) });
        if (ticket === latest.current) setPreview({ code, warning: warning && translate(warning) });
      } catch (error) {
        if (ticket === latest.current) setPreview({ error: describeUiError(error), field: accountFieldOf(error) });
      }
    }, previewDelayMs);
    return () => clearTimeout(timer);
  }, [fields, client, previewDelayMs]);

  const set = (key: keyof ManualFields) => (event: Event) =>
    setFields({ ...fields, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });

  const save = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      const { account, warning } = await client.request({ type: 'accounts.addManual', entry: buildManualEntry(fields), sites: parseSiteLines(sites) });
      onSaved(account, warning && translate(warning));
    });
  };

  return (
    <form class="stack" onSubmit={save} data-testid="manual-form">
      <Field label={t('field_issuer')}>
        <input data-testid="issuer" value={fields.issuer} placeholder="JumpCloud" {...errorFor('issuer')} onInput={set('issuer')} />
      </Field>
      <Field label={t('field_account_name')}>
        <input data-testid="account-name" value={fields.accountName} placeholder="alice@example.com" {...errorFor('account-name')} onInput={set('accountName')} />
      </Field>
      <Field label={t('field_secret')}>
        <input
          data-testid="secret"
          class="mono"
          value={fields.secret}
          autocomplete="off"
          spellcheck={false}
          placeholder="JBSW Y3DP EHPK 3PXP"
          {...errorFor('secret')}
          onInput={set('secret')}
        />
        <small class="hint">{t('field_secret_hint')}</small>
      </Field>
      <details class="advanced">
        <summary>{t('field_advanced')}</summary>
        <div class="grid2">
          <Field label={t('field_type')}>
            <select data-testid="otp-type" value={fields.type} onChange={set('type')}>
              <option value="totp">{t('type_totp')}</option>
              <option value="hotp">{t('type_hotp')}</option>
            </select>
          </Field>
          <Field label={t('field_algorithm')}>
            <select data-testid="algorithm" value={fields.algorithm} onChange={set('algorithm')}>
              <option value="SHA1">SHA-1</option>
              <option value="SHA256">SHA-256</option>
              <option value="SHA512">SHA-512</option>
            </select>
          </Field>
          <Field label={t('field_digits')}>
            <input type="number" inputMode="numeric" data-testid="digits" value={fields.digits} {...errorFor('digits')} onInput={set('digits')} />
          </Field>
          {fields.type === 'totp' ? (
            <Field label={t('field_period')}>
              <input type="number" inputMode="numeric" data-testid="period" value={fields.period} {...errorFor('period')} onInput={set('period')} />
            </Field>
          ) : (
            <Field label={t('field_counter')}>
              <input type="number" inputMode="numeric" data-testid="counter" value={fields.counter} {...errorFor('counter')} onInput={set('counter')} />
            </Field>
          )}
        </div>
      </details>
      <SitesField value={sites} onInput={setSites} errorId={errorFor('sites')['aria-describedby']} />
      <div class="preview" aria-live="polite">
        {preview.error ? (
          <p class="error" id={previewErrorId} data-testid="manual-error">
            {preview.error}
          </p>
        ) : preview.code ? (
          <p data-testid="manual-preview">
            {t('manual_preview')} <strong class="code">{groupCode(preview.code)}</strong>
          </p>
        ) : null}
        {preview.warning && !preview.error ? <p class="warning" data-testid="manual-warning">{preview.warning}</p> : null}
      </div>
      {saveError ? <FieldError id={saveErrorId} text={saveError} testId="save-error" /> : null}
      <button type="submit" class="primary" data-testid="save-account" disabled={busy || !fields.secret.trim()}>
        {t('manual_save')}
      </button>
    </form>
  );
}
