import { useState } from 'preact/hooks';
import type { ImportPreview } from '../../../src/messages';
import { useClient } from '../../../src/ui/client-context';
import { decodeImageFile } from '../../../src/ui/decode-image-file';
import { describeUiError } from '../../../src/ui/describe-ui-error';
import { t } from '../../../src/ui/i18n';
import { ImportPreviewView } from '../../../src/ui/import-preview-view';
import { Field, FilePicker } from '../../../src/ui/field';

interface BackupFile {
  name: string;
  text: string;
}

function appendLines(text: string, lines: string[]): string {
  return [text.trimEnd(), ...lines].filter(Boolean).join('\n');
}

/** Import otpauth links, Google Authenticator export QR images or links, or an encrypted backup, with a preview first. */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const client = useClient();
  const [text, setText] = useState('');
  const [backup, setBackup] = useState<BackupFile | undefined>(undefined);
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [preview, setPreview] = useState<ImportPreview | undefined>(undefined);
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);

  const readTextFile = async (file: File) => {
    const content = await file.text();
    // An encrypted backup is JSON; anything else is read as links, one per line.
    if (/\.json$/i.test(file.name) || content.trimStart().startsWith('{')) setBackup({ name: file.name, text: content });
    else setText((current) => appendLines(current, content.split(/\r?\n/).map((l) => l.trim())));
  };

  const readImages = async (files: File[]) => {
    setBusy(true);
    const found: string[] = [];
    const failed: string[] = [];
    for (const file of files) {
      try {
        found.push(await decodeImageFile(file, client.request));
      } catch (err) {
        failed.push(describeUiError(err));
      }
    }
    setText((current) => appendLines(current, found));
    setProblems(failed);
    setBusy(false);
  };

  const runPreview = async () => {
    setBusy(true);
    setProblems([]);
    setResult('');
    try {
      const request = backup ? { type: 'import.preview' as const, text: backup.text, backupPassphrase } : { type: 'import.preview' as const, text };
      setPreview(await client.request(request));
    } catch (err) {
      setProblems([describeUiError(err)]);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setPreview(undefined);
    setText('');
    setBackup(undefined);
    setBackupPassphrase('');
  };

  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('import_title')}</h2>
      <p>{t('import_intro')}</p>
      {preview ? (
        <ImportPreviewView
          preview={preview}
          onCancel={() => setPreview(undefined)}
          onCommitted={({ added, skipped }) => {
            reset();
            setResult(t('import_done', added, skipped));
            onImported();
          }}
        />
      ) : (
        <div class="stack">
          {backup ? (
            <div class="stack narrow" data-testid="import-backup">
              <p>
                {t('import_backup_chosen', backup.name)}{' '}
                <button type="button" class="link" onClick={() => setBackup(undefined)}>
                  {t('remove')}
                </button>
              </p>
              <Field label={t('field_backup_passphrase')}>
                <input type="password" autocomplete="off" data-testid="backup-passphrase" value={backupPassphrase} onInput={(e) => setBackupPassphrase(e.currentTarget.value)} />
              </Field>
            </div>
          ) : (
            <Field label={t('field_import_text')}>
              <textarea rows={5} class="mono" spellcheck={false} data-testid="import-text" value={text} placeholder="otpauth://totp/…&#10;otpauth-migration://offline?data=…" onInput={(e) => setText(e.currentTarget.value)} />
            </Field>
          )}
          <div class="file-row">
            <FilePicker
              label={t('field_import_file')}
              accept=".txt,.json,text/plain,application/json"
              testId="import-file"
              onFiles={([file]) => readTextFile(file!).catch((err) => setProblems([describeUiError(err)]))}
            />
            <FilePicker label={t('field_import_images')} accept="image/*" multiple testId="import-images" onFiles={(files) => void readImages(files)} />
          </div>
          <button type="button" class="primary" data-testid="import-preview" disabled={busy || (backup ? !backupPassphrase : !text.trim())} onClick={runPreview}>
            {busy ? t('working') : t('import_preview_button')}
          </button>
        </div>
      )}
      {problems.map((problem, index) => (
        <p key={index} class="error" role="alert" data-testid="import-problem">
          {problem}
        </p>
      ))}
      {result ? <p class="ok" role="status" data-testid="import-result">{result}</p> : null}
    </section>
  );
}
