import { useId, useState } from 'preact/hooks';
import type { EffectiveSettings } from '../../../src/messages';
import { useClient } from '../../../src/ui/client-context';
import { ActionResult } from '../../../src/ui/action-result';
import { useAction } from '../../../src/ui/use-action';
import { t, tPlural } from '../../../src/ui/i18n';
import { NewPassphraseFields, canSubmitNewPassphrase } from '../../../src/ui/new-passphrase-fields';
import { settingInvalid, type SaveSettings, type SettingError } from './save-settings';
import { Field } from '../../../src/ui/field';
import { passphraseFieldOf } from '../../../src/ui/field-error';
import { CurrentPassphraseField } from '../../../src/ui/current-passphrase-field';

/** The order the delays are offered in: shortest first, "when the browser closes" last. */
const byLength = (a: number, b: number) => (a === 0 ? 1 : b === 0 ? -1 : a - b);

/** Props of `SecuritySection`. */
export interface SecuritySectionProps {
  unlocked: boolean;
  effective?: EffectiveSettings;
  save: SaveSettings;
  /** The setting the last save refused, if it was the auto-lock delay. */
  settingError?: SettingError;
  onLocked: () => void;
}

function describeDelay(minutes: number): string {
  if (minutes === 0) return t('autolock_browser_close');
  if (minutes % 60 === 0) return tPlural('autolock_hours', minutes / 60);
  return tPlural('autolock_minutes', minutes);
}

/** Passphrase change, auto-lock delay and "Lock now". */
export function SecuritySection({ unlocked, effective, save, settingError, onLocked }: SecuritySectionProps) {
  const settings = effective?.settings;
  const client = useClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState('');
  const { busy, error, failure, run } = useAction();
  const resultId = useId();
  const wrongPassphrase = error ? passphraseFieldOf(failure) : undefined;

  const change = async (event: Event) => {
    event.preventDefault();
    if (!current || !canSubmitNewPassphrase(next, confirm)) return;
    setDone('');
    const changed = await run(() => client.request({ type: 'vault.changePassphrase', current, next }).then(() => undefined));
    if (!changed) return;
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(t('security_changed'));
  };

  const lock = () =>
    run(async () => {
      await client.request({ type: 'vault.lock' });
      onLocked();
    });

  // The choices the background accepts (the organisation may bound them).
  const choices: number[] = [...(effective?.autoLockChoices ?? [])].sort(byLength);
  if (settings && !choices.includes(settings.autoLockMinutes)) choices.unshift(settings.autoLockMinutes);
  const bounded = effective !== undefined && !effective.autoLockChoices.includes(0);

  return (
    <section class="card" aria-labelledby="security-title">
      <h2 id="security-title">{t('security_title')}</h2>
      <div class="actions">
        <Field label={t('autolock_label')} inline>
          <select
            data-testid="auto-lock"
            {...settingInvalid(settingError, 'autoLockMinutes')}
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
        </Field>
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
            <CurrentPassphraseField
              label={t('field_current_passphrase')}
              value={current}
              testId="current-passphrase"
              errorId={wrongPassphrase === 'current' ? resultId : undefined}
              onValue={setCurrent}
            />
            <NewPassphraseFields
              value={next}
              confirm={confirm}
              onValue={setNext}
              onConfirm={setConfirm}
              testId="new-passphrase"
              errorId={wrongPassphrase === 'new' ? resultId : undefined}
            />
            <button type="submit" class="primary" data-testid="change-passphrase" disabled={busy || !current || !canSubmitNewPassphrase(next, confirm)}>
              {t('security_change_submit')}
            </button>
          </form>
        </>
      ) : null}
      <ActionResult error={error} done={done} testId="security-result" id={resultId} />
    </section>
  );
}
