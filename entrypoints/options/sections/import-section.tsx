import { useEffect, useState } from 'preact/hooks';
import type { ImportPreview } from '../../../src/messages';
import { useClient } from '../../../src/ui/client-context';
import { decodeImageFile } from '../../../src/ui/decode-image-file';
import { describeUiError } from '../../../src/ui/describe-ui-error';
import { t } from '../../../src/ui/i18n';
import { describeImportOutcome, readFileBase64 } from '../../../src/ui/import-outcome';
import { ImportPreviewView } from '../../../src/ui/import-preview-view';
import { Field, FilePicker } from '../../../src/ui/field';

interface ChosenFile {
  name: string;
  /** The file's bytes, base64: its format is recognised from them in the background, never from its name. */
  base64: string;
}

function appendLines(text: string, lines: string[]): string {
  return [text.trimEnd(), ...lines].filter(Boolean).join('\n');
}

/** Seconds a request has been running, counted once it passes one second (a key derivation being slow). */
function useSlowSeconds(busy: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!busy) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [busy]);
  return seconds;
}

/** Import links, Google Authenticator export QR images, or an export file of another authenticator, with a preview first. */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const client = useClient();
  const [text, setText] = useState('');
  const [file, setFile] = useState<ChosenFile | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [preview, setPreview] = useState<ImportPreview | undefined>(undefined);
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const slowSeconds = useSlowSeconds(busy && file !== undefined);

  const chooseFile = async (chosen: File) => {
    setProblems([]);
    setFile({ name: chosen.name, base64: await readFileBase64(chosen) });
  };

  const readImages = async (files: File[]) => {
    setBusy(true);
    const found: string[] = [];
    const failed: string[] = [];
    for (const image of files) {
      try {
        found.push(await decodeImageFile(image, client.request));
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
    setResult(undefined);
    try {
      const request = file
        ? { type: 'import.preview' as const, file: file.base64, ...(password ? { backupPassphrase: password } : {}) }
        : { type: 'import.preview' as const, text };
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
    setFile(undefined);
    setPassword('');
  };

  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('import_title')}</h2>
      <p>{t('import_intro_files')}</p>
      {preview ? (
        <ImportPreviewView
          preview={preview}
          onCancel={() => setPreview(undefined)}
          onCommitted={(outcome) => {
            reset();
            setResult(describeImportOutcome(outcome));
            onImported();
          }}
        />
      ) : (
        <div class="stack">
          {file ? (
            <div class="stack narrow" data-testid="import-backup">
              <p>
                {t('import_file_chosen', file.name)}{' '}
                <button type="button" class="link" onClick={() => setFile(undefined)}>
                  {t('remove')}
                </button>
              </p>
              <Field label={t('field_import_file_password')}>
                <input type="password" autocomplete="off" data-testid="backup-passphrase" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
              </Field>
            </div>
          ) : (
            <Field label={t('field_import_text')}>
              <textarea rows={5} class="mono" spellcheck={false} data-testid="import-text" value={text} placeholder="otpauth://totp/…&#10;otpauth-migration://offline?data=…" onInput={(e) => setText(e.currentTarget.value)} />
            </Field>
          )}
          <div class="file-row">
            <FilePicker
              label={t('field_import_any_file')}
              accept=""
              testId="import-file"
              onFiles={([chosen]) => chooseFile(chosen!).catch((err) => setProblems([describeUiError(err)]))}
            />
            <FilePicker label={t('field_import_images')} accept="image/*" multiple testId="import-images" onFiles={(files) => void readImages(files)} />
          </div>
          <button type="button" class="primary" data-testid="import-preview" disabled={busy || (file ? false : !text.trim())} onClick={runPreview}>
            {busy ? t('working') : t('import_preview_button')}
          </button>
          {slowSeconds >= 1 ? (
            <p class="muted" role="status" data-testid="import-progress">
              {t('import_deriving', slowSeconds)}
            </p>
          ) : null}
        </div>
      )}
      {problems.map((problem, index) => (
        <p key={index} class="error" role="alert" data-testid="import-problem">
          {problem}
        </p>
      ))}
      {result ? (
        <p class={result.ok ? 'ok' : 'error'} role={result.ok ? 'status' : 'alert'} data-testid="import-result">
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
