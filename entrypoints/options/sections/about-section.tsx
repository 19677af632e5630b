import { useClient } from '../../../src/ui/client-context';
import { t } from '../../../src/ui/i18n';

/** Version, where each kind of data is kept, and how the vault is encrypted, in plain words. */
export function AboutSection() {
  const client = useClient();
  return (
    <section class="card about" aria-labelledby="about-title">
      <h2 id="about-title">{t('about_title')}</h2>
      <p data-testid="version">{t('about_version', client.version())}</p>
      <h3>{t('about_storage_title')}</h3>
      <ul>
        <li>{t('about_storage_vault')}</li>
        <li>{t('about_storage_settings')}</li>
        <li>{t('about_storage_session')}</li>
        <li>{t('about_storage_none')}</li>
      </ul>
      <h3>{t('about_crypto_title')}</h3>
      <ul>
        <li>{t('about_crypto_kdf')}</li>
        <li>{t('about_crypto_key')}</li>
        <li>{t('about_crypto_lock')}</li>
        <li>{t('about_crypto_fill')}</li>
      </ul>
    </section>
  );
}
