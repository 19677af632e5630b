import { useState } from 'preact/hooks';
import type { EffectiveSettings } from '../../../src/messages';
import { t } from '../../../src/ui/i18n';
import { settingInvalid, type SaveSettings, type SettingError } from './save-settings';
import { Field } from '../../../src/ui/field';
import { SettingCheckbox } from './setting-checkbox';

/** Props of `AutofillSection`. */
export interface AutofillSectionProps {
  effective?: EffectiveSettings;
  save: SaveSettings;
  /** The setting the last save refused, if it was one of these. */
  settingError?: SettingError;
}

/** How codes are filled: automatically or not, submit after filling, and how fresh a code must be. */
export function AutofillSection({ effective, save, settingError }: AutofillSectionProps) {
  const settings = effective?.settings;
  // What is being typed, until it is saved; otherwise the stored value.
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const freshness = draft ?? (settings ? String(settings.freshnessSeconds) : '');

  return (
    <section class="card" aria-labelledby="autofill-title">
      <h2 id="autofill-title">{t('autofill_title')}</h2>
      <SettingCheckbox effective={effective} save={save} settingError={settingError} name="autoFill" label={t('autofill_auto')} testId="auto-fill" />
      <SettingCheckbox effective={effective} save={save} settingError={settingError} name="autoSubmit" label={t('autofill_submit')} testId="auto-submit" />
      <Field label={t('autofill_freshness')} inline>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={25}
          class="short"
          data-testid="freshness-seconds"
          {...settingInvalid(settingError, 'freshnessSeconds')}
          disabled={!settings}
          value={freshness}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => {
            // An emptied field is not a request for 0 seconds: put the stored value back.
            if (e.currentTarget.value.trim() === '') return setDraft(undefined);
            void save({ freshnessSeconds: Number(e.currentTarget.value) }).then(() => setDraft(undefined));
          }}
        />
      </Field>
      <p class="hint">{t('autofill_freshness_hint')}</p>
    </section>
  );
}
