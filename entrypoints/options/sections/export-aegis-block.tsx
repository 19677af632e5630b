import { useId, useState } from 'preact/hooks';
import { ActionResult } from '../../../src/ui/action-result';
import { useClient } from '../../../src/ui/client-context';
import { downloadText } from '../../../src/ui/download-text';
import { Field } from '../../../src/ui/field';
import { invalidWhen, passphraseFieldOf } from '../../../src/ui/field-error';
import { t } from '../../../src/ui/i18n';
import { useAction } from '../../../src/ui/use-action';

/** Download every account as Aegis plain JSON, after the vault's passphrase (shown only where plain exports are allowed). */
export function ExportAegisBlock() {
  const client = useClient();
  const [passphrase, setPassphrase] = useState('');
  const [done, setDone] = useState('');
  const { busy, error, failure, run } = useAction();
  const resultId = useId();

  const exportAegis = async (event: Event) => {
    event.preventDefault();
    setDone('');
    await run(async () => {
      const { text, filename } = await client.request({ type: 'export.aegis', passphrase });
      downloadText(text, filename, 'application/json');
      setPassphrase('');
      setDone(t('export_aegis_done', filename));
    });
  };

  return (
    <form class="stack narrow" onSubmit={exportAegis} data-testid="export-aegis-form">
      <h3>{t('export_aegis_title')}</h3>
      <p>{t('export_aegis_intro')}</p>
      <p class="warning">{t('export_secrets_warning')}</p>
      <Field label={t('field_vault_passphrase')}>
        <input
          type="password"
          autocomplete="current-password"
          data-testid="export-aegis-passphrase"
          value={passphrase}
          {...invalidWhen(error && passphraseFieldOf(failure) ? resultId : undefined)}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </Field>
      <button type="submit" data-testid="export-aegis" disabled={busy || !passphrase}>
        {t('export_aegis_button')}
      </button>
      <ActionResult error={error} done={done} testId="export-aegis-result" id={resultId} />
    </form>
  );
}
