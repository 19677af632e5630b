import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import type { EffectiveSettings, Settings, VaultState } from '../../src/messages';
import { useClient } from '../../src/ui/client-context';
import { describeUiError } from '../../src/ui/describe-ui-error';
import { t } from '../../src/ui/i18n';
import { CreateVaultForm, UnlockForm } from '../../src/ui/passphrase-forms';
import { useVaultLoss, VaultLossNotice } from '../../src/ui/vault-loss-notice';
import { AboutSection } from './sections/about-section';
import { AutofillSection } from './sections/autofill-section';
import { BackupInsistBanner } from './sections/backup-insist-banner';
import { ClockSection } from './sections/clock-section';
import { DiagnosticsSection } from './sections/diagnostics-section';
import { ExportSection } from './sections/export-section';
import { ImportSection } from './sections/import-section';
import { PasskeySection } from './sections/passkey-section';
import type { SaveSettings, SettingError } from './sections/save-settings';
import { SecuritySection } from './sections/security-section';


/** Takes the focus to the import section's file picker, where the way back after a lost vault starts. */
function goToImport(): void {
  const picker = document.querySelector<HTMLInputElement>('section[aria-labelledby="import-title"] input[type="file"]');
  picker?.scrollIntoView({ block: 'center' });
  picker?.focus();
}

/** The options page: security, autofill, import, export, clock check and an explanation of how data is kept. */
export function App() {
  const client = useClient();
  const [state, setState] = useState<VaultState | 'loading'>('loading');
  const [effective, setEffective] = useState<EffectiveSettings | undefined>(undefined);
  // A refused setting is named too: its control points at the message.
  const [status, setStatus] = useState<{ text: string; error?: boolean; setting?: keyof Settings } | undefined>(undefined);
  const statusId = useId();
  // Bumped after an import so the sections listing accounts read them again.
  const [accountsVersion, setAccountsVersion] = useState(0);
  // Bumped after a backup or an import so the backup reminder is asked again.
  const [backupVersion, setBackupVersion] = useState(0);
  const bumpBackup = useCallback(() => setBackupVersion((v) => v + 1), []);

  useEffect(() => {
    const checkState = () =>
      client.request({ type: 'vault.status' }).then(({ state: next }) => setState(next), (err) => setStatus({ text: describeUiError(err), error: true }));
    void checkState();
    client.request({ type: 'settings.get' }).then(setEffective, (err) => setStatus({ text: describeUiError(err), error: true }));
    // The vault may lock while this page is open (idle timer, the popup's "Lock now"): notice it, so the export
    // screens with secrets on them are taken down with the unlocked sections.
    const timer = setInterval(() => void checkState(), 10_000);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void checkState();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [client]);

  useEffect(() => {
    if (!status || status.error) return;
    const timer = setTimeout(() => setStatus(undefined), 3000);
    return () => clearTimeout(timer);
  }, [status]);

  const vaultLoss = useVaultLoss(client);
  const refreshLoss = vaultLoss.refresh;
  useEffect(() => {
    // Unlocking or creating is when a lost vault is noticed; a locked or new page can say it too.
    if (state !== 'loading') refreshLoss();
  }, [state, refreshLoss]);

  const save: SaveSettings = useCallback(
    async (patch) => {
      try {
        setEffective(await client.request({ type: 'settings.set', settings: patch }));
        setStatus({ text: t('options_saved') });
      } catch (err) {
        setStatus({ text: describeUiError(err), error: true, setting: Object.keys(patch)[0] as keyof Settings | undefined });
      }
    },
    [client],
  );
  const settingError: SettingError | undefined = status?.error && status.setting ? { setting: status.setting, id: statusId } : undefined;

  const unlocked = state === 'unlocked';
  return (
    <div class="options" data-state={state}>
      <header class="page-head">
        <h1>{t('options_title')}</h1>
        <p class="muted" data-testid="vault-state">
          {state === 'unlocked' ? t('options_state_unlocked') : state === 'locked' ? t('options_state_locked') : state === 'uninitialised' ? t('options_state_new') : ''}
        </p>
      </header>
      {status ? (
        <p class={status.error ? 'banner error' : 'banner'} role={status.error ? 'alert' : 'status'} data-testid="options-status" id={statusId}>
          {status.text}
        </p>
      ) : null}
      {effective?.warnings.map((warning) => (
        <p class="banner error" role="alert" data-testid="policy-warning" key={warning}>
          {t('policy_warning', warning)}
        </p>
      ))}
      {vaultLoss.loss ? (
        <VaultLossNotice loss={vaultLoss.loss} vaultExists={state !== 'uninitialised'} onImport={unlocked ? goToImport : undefined} onDismiss={vaultLoss.dismiss} />
      ) : null}
      {unlocked ? <BackupInsistBanner version={backupVersion + accountsVersion} /> : null}
      {state === 'uninitialised' ? (
        <section class="card">
          <CreateVaultForm onState={setState} />
        </section>
      ) : null}
      {state === 'locked' ? (
        <section class="card">
          <UnlockForm onState={setState} />
          <p class="muted">{t('options_unlock_for_more')}</p>
        </section>
      ) : null}
      <SecuritySection unlocked={unlocked} effective={effective} save={save} settingError={settingError} onLocked={() => setState('locked')} />
      {state === 'locked' || unlocked ? <PasskeySection key={`passkeys-${state}`} unlocked={unlocked} /> : null}
      <AutofillSection effective={effective} save={save} settingError={settingError} />
      {unlocked ? (
        <>
          <ImportSection onImported={() => setAccountsVersion((v) => v + 1)} />
          <ExportSection
            key={`export-${accountsVersion}`}
            plainExportAllowed={effective?.plainExportAllowed ?? true}
            effective={effective}
            save={save}
            onBackedUp={bumpBackup}
          />
          <ClockSection key={`clock-${accountsVersion}`} />
        </>
      ) : null}
      <DiagnosticsSection />
      <AboutSection />
    </div>
  );
}
