import { useId, useState } from 'preact/hooks';
import type { VaultState } from '../messages';
import { useClient } from './client-context';
import { t } from './i18n';
import { IconLock } from './icons';
import { NewPassphraseFields, canSubmitNewPassphrase } from './new-passphrase-fields';
import { useFocusOnMount } from './use-focus-on-mount';
import { Field } from './field';
import { FieldError, invalidWhen, passphraseFieldOf } from './field-error';
import { useAction } from './use-action';

/** Props shared by the create and unlock forms: both report the vault's new state. */
export interface VaultFormProps {
  onState: (state: VaultState) => void;
}

/** First run: choose the passphrase that encrypts the vault. There is no recovery, and the form says so. */
export function CreateVaultForm({ onState }: VaultFormProps) {
  const client = useClient();
  const [value, setValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, failure, run } = useAction();
  const errorId = useId();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!canSubmitNewPassphrase(value, confirm)) return;
    await run(async () => onState((await client.request({ type: 'vault.create', passphrase: value })).state));
  };

  return (
    <form class="vault-form" onSubmit={submit} data-testid="create-form">
      <h1>{t('create_title')}</h1>
      <p>{t('create_intro')}</p>
      <NewPassphraseFields autoFocus value={value} confirm={confirm} onValue={setValue} onConfirm={setConfirm} errorId={passphraseFieldOf(failure) ? errorId : undefined} />
      <p class="warning">{t('create_no_recovery')}</p>
      {error ? <FieldError id={errorId} text={error} testId="error" /> : null}
      <button type="submit" class="primary" data-testid="create-vault" disabled={!canSubmitNewPassphrase(value, confirm) || busy}>
        {busy ? t('create_busy') : t('create_submit')}
      </button>
    </form>
  );
}

/** The locked state: one passphrase field, and the background's message when it is wrong. */
export function UnlockForm({ onState }: VaultFormProps) {
  const client = useClient();
  const focusRef = useFocusOnMount<HTMLInputElement>();
  const [value, setValue] = useState('');
  const { busy, error, failure, run } = useAction();
  const errorId = useId();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!value) return;
    const unlocked = await run(async () => onState((await client.request({ type: 'vault.unlock', passphrase: value })).state));
    if (!unlocked) {
      // A wrong passphrase is typed again from scratch.
      setValue('');
      focusRef.current?.focus();
    }
  };

  return (
    <form class="vault-form locked" onSubmit={submit} data-testid="unlock-form">
      <div class="lock-badge" aria-hidden="true">
        <IconLock size={28} />
      </div>
      <h1 data-testid="locked-title">{t('unlock_title')}</h1>
      <Field label={t('field_passphrase')}>
        <input
          type="password"
          autocomplete="current-password"
          data-testid="passphrase"
          value={value}
          ref={focusRef}
          {...invalidWhen(passphraseFieldOf(failure) ? errorId : undefined)}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      </Field>
      {error ? <FieldError id={errorId} text={error} testId="error" /> : null}
      <button type="submit" class="primary" data-testid="unlock" disabled={!value || busy}>
        {busy ? t('unlock_busy') : t('unlock_submit')}
      </button>
    </form>
  );
}
