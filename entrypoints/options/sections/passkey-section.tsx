import { useState } from 'preact/hooks';
import type { PasskeyView } from '../../../src/messages';
import { ActionResult } from '../../../src/ui/action-result';
import { useClient } from '../../../src/ui/client-context';
import { Field } from '../../../src/ui/field';
import { formatDate, t } from '../../../src/ui/i18n';
import { newPasskeySalt, registerPasskey } from '../../../src/ui/passkey-ceremony';
import { WITHHELD_TEXT } from '../../../src/ui/passkey-offer';
import { useAction } from '../../../src/ui/use-action';
import { usePasskeyState } from '../../../src/ui/use-passkey-state';
import { encodeBase64 } from '../../../src/vault/bytes';
import { SetByOrganisation } from './setting-checkbox';

/**
 * "Unlock with a passkey": the passkeys registered (each removable), and registration with the PRF extension. The
 * WebAuthn ceremony runs here, in the page; the background gets the PRF output once, to wrap the vault's key.
 */
export function PasskeySection({ unlocked }: { unlocked: boolean }) {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const state = usePasskeyState(version);
  const [label, setLabel] = useState(() => t('passkey_label_default'));
  const [done, setDone] = useState('');
  const { busy, error, run } = useAction();

  const status = state?.status;
  const support = state?.support;
  const canAdd = unlocked && status?.allowed === true && support?.available === true;

  const add = async (event: Event) => {
    event.preventDefault();
    if (!status || !label.trim()) return;
    setDone('');
    const added = await run(async () => {
      const salt = newPasskeySalt();
      const answer = await registerPasskey(client.passkeyEnvironment(), {
        salt,
        label: label.trim(),
        userVerification: status.requireUserVerification ? 'required' : 'preferred',
        exclude: status.passkeys,
      });
      await client.request({ type: 'passkey.add', ...answer, salt: encodeBase64(salt), label: label.trim() });
    });
    if (!added) return;
    setDone(t('passkey_added'));
    setVersion((v) => v + 1);
  };

  const remove = (passkey: PasskeyView) =>
    run(async () => {
      setDone('');
      await client.request({ type: 'passkey.remove', credentialId: passkey.credentialId });
      setDone(t('passkey_removed', passkey.label));
      setVersion((v) => v + 1);
    });

  return (
    <section class="card" aria-labelledby="passkey-title" data-testid="passkey-section">
      <h2 id="passkey-title">
        {t('passkey_section_title')}
        <SetByOrganisation fixed={status?.managed === true} />
      </h2>
      <p>{t('passkey_section_intro')}</p>
      {status && !status.allowed ? (
        <p class="hint" data-testid="passkey-policy-blocked">
          {t(WITHHELD_TEXT.policy)}
        </p>
      ) : null}
      {status?.allowed && support && !support.available ? (
        <p class="hint" data-testid="passkey-unsupported">
          {t(WITHHELD_TEXT[support.reason])}
        </p>
      ) : null}
      {status?.allowed && status.requireUserVerification ? (
        <p class="hint" data-testid="passkey-verification-required">
          {t('passkey_verification_policy')}
        </p>
      ) : null}
      {status && status.passkeys.length > 0 ? (
        <ul class="passkey-list" aria-label={t('passkey_list_label')} data-testid="passkey-list">
          {status.passkeys.map((passkey) => (
            <li key={passkey.credentialId} data-testid="passkey-item">
              <span class="passkey-name">{passkey.label}</span>
              <span class="muted">
                {t('passkey_added_on', formatDate(passkey.createdAt))}
                {passkey.userVerified ? '' : ` · ${t('passkey_not_verified')}`}
              </span>
              {unlocked ? (
                <button type="button" class="small" data-testid="passkey-remove" aria-label={t('passkey_remove_label', passkey.label)} disabled={busy} onClick={() => void remove(passkey)}>
                  {t('passkey_remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : status ? (
        <p class="muted" data-testid="passkey-none">
          {t('passkey_none_yet')}
        </p>
      ) : null}
      {canAdd ? (
        <form class="stack narrow" onSubmit={add} data-testid="passkey-add-form">
          <Field label={t('passkey_label_field')}>
            <input type="text" data-testid="passkey-label" maxLength={64} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
          </Field>
          <button type="submit" class="primary" data-testid="passkey-add" disabled={busy || !label.trim()}>
            {busy ? t('passkey_add_busy') : t('passkey_add')}
          </button>
        </form>
      ) : null}
      {!unlocked && status?.allowed ? <p class="hint">{t('passkey_section_locked')}</p> : null}
      <p class="hint">{t('passkey_stored_note')}</p>
      <ActionResult error={error} done={done} testId="passkey-result" />
    </section>
  );
}
