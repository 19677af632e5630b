import { useId, useState } from 'preact/hooks';
import type { PlainExportFormat } from '../../../src/import/plain-export';
import { ActionResult } from '../../../src/ui/action-result';
import { useClient } from '../../../src/ui/client-context';
import { downloadText } from '../../../src/ui/download-text';
import { CurrentPassphraseField } from '../../../src/ui/current-passphrase-field';
import { passphraseFieldOf } from '../../../src/ui/field-error';
import { type MessageKey, t } from '../../../src/ui/i18n';
import { useAction } from '../../../src/ui/use-action';

/** Each plain file's own words and test id; the warning and the passphrase are the same for all. */
const BLOCKS: Record<PlainExportFormat, { testId: string; title: MessageKey; intro: MessageKey; button: MessageKey }> = {
  'aegis-json': { testId: 'export-aegis', title: 'export_aegis_title', intro: 'export_aegis_intro', button: 'export_aegis_button' },
  'otpauth-lines': { testId: 'export-links', title: 'export_uris_title', intro: 'export_links_intro', button: 'export_links_button' },
};

/** Downloads every account as a plain file (Aegis JSON or otpauth links) after the vault's passphrase; shown only where plain exports are allowed. */
export function ExportPlainBlock({ format, onExported }: { format: PlainExportFormat; onExported: () => void }) {
  const client = useClient();
  const [passphrase, setPassphrase] = useState('');
  const [done, setDone] = useState('');
  const { busy, error, failure, run } = useAction();
  const resultId = useId();
  const block = BLOCKS[format];

  const exportFile = async (event: Event) => {
    event.preventDefault();
    setDone('');
    await run(async () => {
      const { text, filename, mime } = await client.request({ type: 'export.plain', format, passphrase });
      downloadText(text, filename, mime);
      setPassphrase('');
      setDone(t('export_plain_done', filename));
      onExported();
    });
  };

  return (
    <form class="stack narrow" onSubmit={exportFile} data-testid={`${block.testId}-form`}>
      <h3>{t(block.title)}</h3>
      <p>{t(block.intro)}</p>
      <p class="warning">{t('export_secrets_warning')}</p>
      <CurrentPassphraseField
        label={t('field_vault_passphrase')}
        value={passphrase}
        testId={`${block.testId}-passphrase`}
        errorId={error && passphraseFieldOf(failure) ? resultId : undefined}
        onValue={setPassphrase}
      />
      <button type="submit" data-testid={block.testId} disabled={busy || !passphrase}>
        {t(block.button)}
      </button>
      <ActionResult error={error} done={done} testId={`${block.testId}-result`} id={resultId} />
    </form>
  );
}
