import { useState } from 'preact/hooks';
import type { EffectiveSettings } from '../../src/messages';
import { useClient } from '../../src/ui/client-context';
import { describeUiError } from '../../src/ui/describe-ui-error';
import { t } from '../../src/ui/i18n';
import { NewPassphraseFields, canSubmitNewPassphrase } from '../../src/ui/new-passphrase-fields';
import type { SaveSettings } from './App';

/** The order the delays are offered in: shortest first, "when the browser closes" last. */
const byLength = (a: number, b: number) => (a === 0 ? 1 : b === 0 ? -1 : a - b);

/** Props of `SecuritySection`. */
export interface SecuritySectionProps {
  unlocked: boolean;
  effective?: EffectiveSettings;
  save: SaveSettings;
  onLocked: () => void;
}

function describeDelay(minutes: number): string {
  if (minutes === 0) return t('autolock_browser_close');
  if (minutes === 1) return t('autolock_one_minute');
  if (minutes === 60) return t('autolock_one_hour');
  if (minutes % 60 === 0) return t('autolock_hours', minutes / 60);
  return t('autolock_minutes', minutes);
}

/** Passphrase change, auto-lock delay and "Lock now". */
export function SecuritySection({ unlocked, effective, save, onLocked }: SecuritySectionProps) {
  const settings = effective?.settings;
  const client = useClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [result, setResult] = useState<{ text: string; error?: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const change = async (event: Event) => {
    event.preventDefault();
    if (!current || !canSubmitNewPassphrase(next, confirm)) return;
    setBusy(true);
    setResult(undefined);
    try {
      await client.request({ type: 'vault.changePassphrase', current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setResult({ text: t('security_changed') });
    } catch (err) {
      setResult({ text: describeUiError(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  const lock = async () => {
    try {
      await client.request({ type: 'vault.lock' });
      onLocked();
    } catch (err) {
      setResult({ text: describeUiError(err), error: true });
    }
  };

  // The choices the background accepts (the organisation may bound them).
  const choices: number[] = [...(effective?.autoLockChoices ?? [])].sort(byLength);
  if (settings && !choices.includes(settings.autoLockMinutes)) choices.unshift(settings.autoLockMinutes);
  const bounded = effective !== undefined && !effective.autoLockChoices.includes(0);

  return (
    <section class="card" aria-labelledby="security-title">
      <h2 id="security-title">{t('security_title')}</h2>
      <div class="actions">
        <label class="field inline">
          <span>{t('autolock_label')}</span>
          <select
            data-testid="auto-lock"
            disabled={!settings}
            value={String(settings?.autoLockMinutes ?? '')}
            onChange={(e) => void save({ autoLockMinutes: Number(e.currentTarget.value) })}
          >
            {choices.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {describeDelay(minutes)}
              </option>
            ))}
          </select>
        </label>
        {unlocked ? (
          <button type="button" class="lock-now" data-testid="lock" onClick={lock}>
            {t('lock_now')}
          </button>
        ) : null}
      </div>
      <p class="hint">{t('autolock_hint')}</p>
      {bounded ? <p class="hint" data-testid="auto-lock-bounded">{t('autolock_policy_hint')}</p> : null}
      {unlocked ? (
        <>
          <form class="stack narrow" onSubmit={change} data-testid="change-passphrase-form">
            <h3>{t('security_change_title')}</h3>
            <label class="field">
              <span>{t('field_current_passphrase')}</span>
              <input type="password" autocomplete="current-password" data-testid="current-passphrase" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
            </label>
            <NewPassphraseFields value={next} confirm={confirm} onValue={setNext} onConfirm={setConfirm} testId="new-passphrase" />
            <button type="submit" class="primary" data-testid="change-passphrase" disabled={busy || !current || !canSubmitNewPassphrase(next, confirm)}>
              {t('security_change_submit')}
            </button>
          </form>
        </>
      ) : null}
      {result ? (
        <p class={result.error ? 'error' : 'ok'} role={result.error ? 'alert' : 'status'} data-testid="security-result">
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
