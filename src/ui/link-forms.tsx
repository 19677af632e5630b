import { useId, useState } from 'preact/hooks';
import type { ImportPreview } from '../messages';
import { labelAccount } from '../account-label';
import { useClient } from './client-context';
import { decodeImageFile } from './decode-image-file';
import { t, translate } from './i18n';
import { ImportPreviewView } from './import-preview-view';
import { parseSiteLines } from './parse-sites';
import { SitesField } from './sites-field';
import { submitOtpText } from './submit-otp-text';
import { Field, FilePicker } from './field';
import { accountFieldOf, FieldError, invalidWhen } from './field-error';
import { useAction } from './use-action';

/** Props of the paste and image forms: `onDone` gets the sentence to show once accounts are saved. */
export interface LinkFormProps {
  initialSites: string;
  onDone: (note: string) => void;
}

/** Shared flow: send the text, then either report the saved account or show the migration preview. */
function useLinkSubmit(initialSites: string, onDone: (note: string) => void) {
  const client = useClient();
  const [sites, setSites] = useState(initialSites);
  const [preview, setPreview] = useState<ImportPreview | undefined>(undefined);
  const { busy, error, failure, run } = useAction();
  const errorId = useId();
  // A site the person typed wrongly is the sites field's error; anything else is about the link or image.
  const aboutSites = accountFieldOf(failure) === 'sites';

  const submit = (getText: () => Promise<string>) =>
    run(async () => {
      const outcome = await submitOtpText(client, await getText(), parseSiteLines(sites));
      if (outcome.kind === 'preview') setPreview(outcome.preview);
      else onDone([t('popup_added', labelAccount(outcome.account, t('account_unnamed'))), outcome.warning && translate(outcome.warning)].filter(Boolean).join(' '));
    });

  const previewView = preview ? (
    <ImportPreviewView
      preview={preview}
      initialSites={sites}
      onCommitted={({ added, skipped }) => onDone(t('import_done', added, skipped))}
      onCancel={() => setPreview(undefined)}
    />
  ) : null;

  return { sites, setSites, error, errorId, aboutSites, busy, submit, previewView };
}

/** Paste an `otpauth://` (or `otpauth-migration://`) link. */
export function UriForm({ initialSites, onDone }: LinkFormProps) {
  const [text, setText] = useState('');
  const flow = useLinkSubmit(initialSites, onDone);
  if (flow.previewView) return flow.previewView;
  return (
    <form
      class="stack"
      data-testid="uri-form"
      onSubmit={(e) => {
        e.preventDefault();
        void flow.submit(async () => text);
      }}
    >
      <Field label={t('field_uri')}>
        <textarea
          rows={3}
          class="mono"
          data-testid="uri-text"
          spellcheck={false}
          value={text}
          placeholder="otpauth://totp/…"
          {...invalidWhen(flow.error && !flow.aboutSites ? flow.errorId : undefined)}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </Field>
      <SitesField value={flow.sites} onInput={flow.setSites} errorId={flow.error && flow.aboutSites ? flow.errorId : undefined} />
      {flow.error ? <FieldError id={flow.errorId} text={flow.error} testId="uri-error" /> : null}
      <button type="submit" class="primary" data-testid="save-uri" disabled={flow.busy || !text.trim()}>
        {t('uri_save')}
      </button>
    </form>
  );
}

/** Pick a screenshot or photo of a QR code; the background decodes it, and its text is added as a link would be. */
export function ImageForm({ initialSites, onDone }: LinkFormProps) {
  const client = useClient();
  const flow = useLinkSubmit(initialSites, onDone);
  if (flow.previewView) return flow.previewView;
  return (
    <div class="stack" data-testid="image-form">
      <SitesField value={flow.sites} onInput={flow.setSites} errorId={flow.error && flow.aboutSites ? flow.errorId : undefined} />
      <FilePicker
        label={t('field_image')}
        accept="image/*"
        testId="image-file"
        disabled={flow.busy}
        errorId={flow.error && !flow.aboutSites ? flow.errorId : undefined}
        onFiles={([file]) => void flow.submit(() => decodeImageFile(file!, client.request))}
      />
      {flow.busy ? <p class="muted" role="status">{t('image_reading')}</p> : null}
      {flow.error ? <FieldError id={flow.errorId} text={flow.error} testId="image-error" /> : null}
    </div>
  );
}
