import { useState } from 'preact/hooks';
import type { Settings } from '../../src/messages';
import { t } from '../../src/ui/i18n';
import type { SaveSettings } from './App';

/** Props of `AutofillSection`. */
export interface AutofillSectionProps {
  settings?: Settings;
  save: SaveSettings;
}

/** How codes are filled: automatically or not, submit after filling, and how fresh a code must be. */
export function AutofillSection({ settings, save }: AutofillSectionProps) {
  // What is being typed, until it is saved; otherwise the stored value.
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const freshness = draft ?? (settings ? String(settings.freshnessSeconds) : '');

  return (
    <section class="card" aria-labelledby="autofill-title">
      <h2 id="autofill-title">{t('autofill_title')}</h2>
      <label class="check">
        <input type="checkbox" data-testid="auto-fill" disabled={!settings} checked={settings?.autoFill ?? false} onChange={(e) => void save({ autoFill: e.currentTarget.checked })} />
        <span>{t('autofill_auto')}</span>
      </label>
      <label class="check">
        <input type="checkbox" data-testid="auto-submit" disabled={!settings} checked={settings?.autoSubmit ?? false} onChange={(e) => void save({ autoSubmit: e.currentTarget.checked })} />
        <span>{t('autofill_submit')}</span>
      </label>
      <label class="field inline">
        <span>{t('autofill_freshness')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={25}
          class="short"
          data-testid="freshness-seconds"
          disabled={!settings}
          value={freshness}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => void save({ freshnessSeconds: Number(e.currentTarget.value) }).then(() => setDraft(undefined))}
        />
      </label>
      <p class="hint">{t('autofill_freshness_hint')}</p>
    </section>
  );
}
