import type { VaultState } from '../messages';
import { useClient } from './client-context';
import { t } from './i18n';
import { authenticatePasskey } from './passkey-ceremony';
import type { PasskeyOffer } from './passkey-offer';
import { useAction } from './use-action';
import { useFocusOnMount } from './use-focus-on-mount';

/**
 * "Unlock with a passkey": asks the browser for one of the registered passkeys (each evaluated on its own salt)
 * and hands only the PRF output to the background, which opens the vault with it.
 */
export function PasskeyUnlock({ offer, onState }: { offer: Extract<PasskeyOffer, { offered: true }>; onState: (state: VaultState) => void }) {
  const client = useClient();
  const focusRef = useFocusOnMount<HTMLButtonElement>();
  const { busy, error, run } = useAction();

  const unlock = () =>
    run(async () => {
      const answer = await authenticatePasskey(client.passkeyEnvironment(), { passkeys: offer.passkeys, userVerification: offer.userVerification });
      onState((await client.request({ type: 'passkey.unlock', ...answer })).state);
    });

  return (
    <div class="stack">
      <button type="button" class="primary" data-testid="passkey-unlock" ref={focusRef} disabled={busy} onClick={() => void unlock()}>
        {busy ? t('passkey_unlock_busy') : t('passkey_unlock_button')}
      </button>
      {error ? (
        <p class="error" role="alert" data-testid="passkey-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
