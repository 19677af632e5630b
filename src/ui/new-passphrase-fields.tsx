import { t } from './i18n';
import { ratePassphrase } from './passphrase-strength';
import { useFocusOnMount } from './use-focus-on-mount';
import { Field } from './field';
import { FieldError, invalidWhen } from './field-error';
import { useId } from 'preact/hooks';

/** Props of `NewPassphraseFields`; the parent owns both values. */
export interface NewPassphraseFieldsProps {
  value: string;
  confirm: string;
  onValue: (value: string) => void;
  onConfirm: (value: string) => void;
  /** Prefix for the data-testids: `<prefix>` and `<prefix>-confirm`. */
  testId?: string;
  label?: string;
  /** Focus the first field on mount (first-run screen only). */
  autoFocus?: boolean;
  /** The id of the message saying what is wrong with the new passphrase, when something is (the form shows it). */
  errorId?: string;
}

/** Whether a new passphrase and its confirmation may be submitted. */
export function canSubmitNewPassphrase(value: string, confirm: string): boolean {
  return value.length > 0 && value === confirm;
}

/** A new passphrase, typed twice, with a live strength hint and a mismatch warning. */
export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { value, confirm, testId = 'passphrase' } = props;
  const focusRef = useFocusOnMount<HTMLInputElement>(Boolean(props.autoFocus));
  const strength = ratePassphrase(value);
  const mismatch = confirm.length > 0 && confirm !== value;
  const mismatchId = useId();
  const hint =
    strength === 'empty' ? t('strength_empty') : strength === 'weak' ? t('strength_weak') : strength === 'fair' ? t('strength_fair') : t('strength_strong');
  return (
    <>
      <Field label={props.label ?? t('field_new_passphrase')}>
        <input
          type="password"
          autocomplete="new-password"
          data-testid={testId}
          ref={focusRef}
          value={value}
          {...invalidWhen(props.errorId)}
          onInput={(e) => props.onValue(e.currentTarget.value)}
        />
      </Field>
      <p class={`strength strength-${strength}`} data-testid={`${testId}-strength`} aria-live="polite">
        <span class="meter" aria-hidden="true">
          <span />
        </span>
        {hint}
      </p>
      <Field label={t('field_confirm_passphrase')}>
        <input
          type="password"
          autocomplete="new-password"
          data-testid={`${testId}-confirm`}
          value={confirm}
          {...invalidWhen(mismatch ? mismatchId : undefined)}
          onInput={(e) => props.onConfirm(e.currentTarget.value)}
        />
      </Field>
      {mismatch ? <FieldError id={mismatchId} text={t('passphrase_mismatch')} testId={`${testId}-mismatch`} /> : null}
    </>
  );
}
