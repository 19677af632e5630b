import { useEffect, useId, useState } from 'preact/hooks';
import { PortalError } from '../../../src/errors';
import type { ImportPreview } from '../../../src/messages';
import { useClient } from '../../../src/ui/client-context';
import { decodeImageFile } from '../../../src/ui/decode-image-file';
import { describeUiError } from '../../../src/ui/describe-ui-error';
import { t } from '../../../src/ui/i18n';
import { describeImportOutcome, readFileBase64 } from '../../../src/ui/import-outcome';
import { ImportPreviewView } from '../../../src/ui/import-preview-view';
import { Field, FilePicker } from '../../../src/ui/field';
import { FieldError, invalidWhen, passphraseFieldOf } from '../../../src/ui/field-error';

interface ChosenFile {
  name: string;
  /** The file's bytes, base64: its format is recognised from them in the background, never from its name. */
  base64: string;
}

/** Which control the problems shown are about: the image or file picker, the file's password, or the pasted text. */
type ProblemSource = 'images' | 'file' | 'password' | 'text';

/** A file that could not be opened: because of its password (asked for, or wrong), or because of the file itself. */
function fileProblemSource(error: unknown): ProblemSource {
  const code = error instanceof PortalError ? error.code : '';
  return code === 'import/needs-passphrase' || code === 'import/wrong-password' || passphraseFieldOf(error) ? 'password' : 'file';
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
  const [problemSource, setProblemSource] = useState<ProblemSource | undefined>(undefined);
  const problemId = useId();
  // The control the problems are about names each of them.
  const problemsAbout = (source: ProblemSource) =>
    invalidWhen(problems.length > 0 && problemSource === source ? problems.map((_, index) => `${problemId}-${index}`).join(' ') : undefined);
  const showProblems = (list: string[], source: ProblemSource) => {
    setProblems(list);
    setProblemSource(source);
  };
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
    showProblems(failed, 'images');
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
      showProblems([describeUiError(err)], file ? fileProblemSource(err) : 'text');
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
                <input
                  type="password"
                  autocomplete="off"
                  data-testid="backup-passphrase"
                  value={password}
                  {...problemsAbout('password')}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                />
              </Field>
            </div>
          ) : (
            <Field label={t('field_import_text')}>
              <textarea
                rows={5}
                class="mono"
                spellcheck={false}
                data-testid="import-text"
                value={text}
                placeholder="otpauth://totp/…&#10;otpauth-migration://offline?data=…"
                {...problemsAbout('text')}
                onInput={(e) => setText(e.currentTarget.value)}
              />
            </Field>
          )}
          <div class="file-row">
            <FilePicker
              label={t('field_import_any_file')}
              accept=""
              testId="import-file"
              errorId={problemsAbout('file')['aria-describedby']}
              onFiles={([chosen]) => chooseFile(chosen!).catch((err) => showProblems([describeUiError(err)], 'file'))}
            />
            <FilePicker
              label={t('field_import_images')}
              accept="image/*"
              multiple
              testId="import-images"
              errorId={problemsAbout('images')['aria-describedby']}
              onFiles={(files) => void readImages(files)}
            />
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
        <FieldError key={index} id={`${problemId}-${index}`} text={problem} testId="import-problem" />
      ))}
      {result ? (
        <p class={result.ok ? 'ok' : 'error'} role={result.ok ? 'status' : 'alert'} data-testid="import-result">
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
