import type { EffectiveSettings, Settings } from '../../../src/messages';
import { t } from '../../../src/ui/i18n';
import { settingInvalid, type SaveSettings, type SettingError } from './save-settings';

/** The on/off settings. */
type SwitchName = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

/** "Set by your organisation" beside a setting the policy fixed. */
export function SetByOrganisation({ fixed }: { fixed: boolean }) {
  return fixed ? (
    <span class="policy-badge" data-testid="set-by-organisation">
      {t('policy_set_by_org')}
    </span>
  ) : null;
}

/** An on/off setting as a labelled checkbox, disabled with "Set by your organisation" where the policy fixed it. */
export function SettingCheckbox({
  effective,
  save,
  settingError,
  name,
  label,
  testId,
}: {
  effective?: EffectiveSettings;
  save: SaveSettings;
  /** The last refused save: the box is marked invalid and described by the message when it was about this setting. */
  settingError?: SettingError;
  name: SwitchName;
  label: string;
  testId: string;
}) {
  const fixed = effective?.locked[name] === 'policy';
  return (
    <label class="check">
      <input
        type="checkbox"
        data-testid={testId}
        {...settingInvalid(settingError, name)}
        disabled={!effective || fixed}
        checked={effective?.settings[name] ?? false}
        onChange={(e) => void save({ [name]: e.currentTarget.checked })}
      />
      <span>{label}</span>
      <SetByOrganisation fixed={fixed} />
    </label>
  );
}
