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
import { PasskeyUnlock } from './passkey-unlock';
import { WITHHELD_TEXT } from './passkey-offer';
import { usePasskeyState } from './use-passkey-state';

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

/**
 * The locked state. With a passkey registered (and the browser and the organisation allowing it) "Unlock with a
 * passkey" comes first and the passphrase is one click away; otherwise the passphrase field, with one line saying
 * why no passkey is offered.
 */
export function UnlockForm({ onState }: VaultFormProps) {
  const passkeys = usePasskeyState();
  const offer = passkeys?.offer;
  const [choice, setChoice] = useState<'passkey' | 'passphrase' | undefined>(undefined);
  const [typed, setTyped] = useState(false);
  // The passkey comes first once known, unless the person already started typing the passphrase meanwhile.
  const mode = offer?.offered ? (choice ?? (typed ? 'passphrase' : 'passkey')) : 'passphrase';

  return (
    <div class="vault-form locked" data-testid="unlock-form">
      <div class="lock-badge" aria-hidden="true">
        <IconLock size={28} />
      </div>
      <h1 data-testid="locked-title">{t('unlock_title')}</h1>
      {mode === 'passkey' && offer?.offered ? (
        <>
          <PasskeyUnlock offer={offer} onState={onState} />
          <button type="button" class="link" data-testid="use-passphrase" onClick={() => setChoice('passphrase')}>
            {t('passkey_use_passphrase')}
          </button>
        </>
      ) : (
        <>
          <PassphraseUnlock onState={onState} onTyped={() => setTyped(true)} autoFocus />
          {offer?.offered ? (
            <button type="button" class="link" data-testid="use-passkey" onClick={() => setChoice('passkey')}>
              {t('passkey_use_passkey')}
            </button>
          ) : null}
        </>
      )}
      {offer && !offer.offered ? (
        <p class="hint" data-testid="passkey-withheld">
          {t(WITHHELD_TEXT[offer.reason])}
        </p>
      ) : null}
    </div>
  );
}

/** One passphrase field, and the background's message when it is wrong. */
function PassphraseUnlock({ onState, onTyped, autoFocus }: VaultFormProps & { onTyped: () => void; autoFocus: boolean }) {
  const client = useClient();
  const focusRef = useFocusOnMount<HTMLInputElement>(autoFocus);
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
    <form class="stack" onSubmit={submit} data-testid="passphrase-form">
      <Field label={t('field_passphrase')}>
        <input
          type="password"
          autocomplete="current-password"
          data-testid="passphrase"
          value={value}
          ref={focusRef}
          {...invalidWhen(passphraseFieldOf(failure) ? errorId : undefined)}
          onInput={(e) => {
            setValue(e.currentTarget.value);
            onTyped();
          }}
        />
      </Field>
      {error ? <FieldError id={errorId} text={error} testId="error" /> : null}
      <button type="submit" class="primary" data-testid="unlock" disabled={!value || busy}>
        {busy ? t('unlock_busy') : t('unlock_submit')}
      </button>
    </form>
  );
}
