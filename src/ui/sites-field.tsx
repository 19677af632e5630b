import { t } from './i18n';
import { Field } from './field';
import { invalidWhen } from './field-error';

/** Props of `SitesField`: the text is kept raw so typing a newline is not swallowed. */
export interface SitesFieldProps {
  value: string;
  onInput: (value: string) => void;
  testId?: string;
  /** The id of the message saying what is wrong with the sites, when something is. */
  errorId?: string;
}

/** A textarea for the sites an account may fill, one origin per line (e.g. https://portal.example.com). */
export function SitesField({ value, onInput, testId = 'sites', errorId }: SitesFieldProps) {
  return (
    <Field label={t('field_sites')}>
      <textarea
        rows={2}
        value={value}
        placeholder="https://portal.example.com"
        spellcheck={false}
        data-testid={testId}
        {...invalidWhen(errorId)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <small class="hint">{t('field_sites_hint')}</small>
    </Field>
  );
}
