import { useEffect, useId, useState } from 'preact/hooks';
import type { AccountView } from '../messages';
import { labelAccount } from '../account-label';
import { useClient } from './client-context';
import { useAction } from './use-action';
import { t } from './i18n';
import { parseSiteLines } from './parse-sites';
import { SitesField } from './sites-field';
import { Field } from './field';
import { accountFieldOf, FieldError, invalidWhen, type AccountField } from './field-error';

/** Props of `EditAccount`; moving and deleting are handled by the list that owns the order. */
export interface EditAccountProps {
  account: AccountView;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onSaved: (account: AccountView) => void;
  onMove: (account: AccountView, delta: -1 | 1) => void;
  onDelete: (account: AccountView) => void;
}

/** The registrable domain (eTLD+1) of the first site, e.g. example.co.uk, as the background reads it from the public suffix list. */
function useRegistrableDomain(sitesText: string): string | undefined {
  const client = useClient();
  const [domain, setDomain] = useState<string | undefined>(undefined);
  const first = parseSiteLines(sitesText)[0];
  useEffect(() => {
    let live = true;
    if (!first) {
      setDomain(undefined);
      return;
    }
    client
      .request({ type: 'sites.registrableDomain', site: first })
      .then((answer) => live && setDomain(answer.domain))
      .catch(() => live && setDomain(undefined));
    return () => {
      live = false;
    };
  }, [client, first]);
  return domain;
}

/** Rename an account, change the sites it may fill, move it, or delete it (after a confirmation). */
export function EditAccount(props: EditAccountProps) {
  const { account } = props;
  const client = useClient();
  const [issuer, setIssuer] = useState(account.issuer);
  const [accountName, setAccountName] = useState(account.accountName);
  const [sites, setSites] = useState(account.sites.join('\n'));
  const [wide, setWide] = useState(account.matchRegistrableDomain);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, failure, run } = useAction();
  const domain = useRegistrableDomain(sites);
  const errorId = useId();
  const errorFor = (field: AccountField) => (error && accountFieldOf(failure) === field ? errorId : undefined);

  const save = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      const patch = { issuer: issuer.trim(), accountName: accountName.trim(), sites: parseSiteLines(sites), matchRegistrableDomain: wide };
      const { account: saved } = await client.request({ type: 'accounts.update', id: account.id, patch });
      props.onSaved(saved);
    });
  };

  return (
    <form class="stack" onSubmit={save} data-testid="edit-form">
      <Field label={t('field_issuer')}>
        <input data-testid="issuer" value={issuer} {...invalidWhen(errorFor('issuer'))} onInput={(e) => setIssuer(e.currentTarget.value)} />
      </Field>
      <Field label={t('field_account_name')}>
        <input data-testid="account-name" value={accountName} {...invalidWhen(errorFor('account-name'))} onInput={(e) => setAccountName(e.currentTarget.value)} />
      </Field>
      <SitesField value={sites} onInput={setSites} errorId={errorFor('sites')} />
      <label class="check">
        <input type="checkbox" data-testid="match-domain" checked={wide} onChange={(e) => setWide(e.currentTarget.checked)} />
        <span>{domain ? t('edit_match_domain', domain) : t('edit_match_domain_generic')}</span>
      </label>
      {error ? <FieldError id={errorId} text={error} testId="edit-error" /> : null}
      <div class="actions">
        <button type="button" data-testid="move-up" disabled={!props.canMoveUp} onClick={() => props.onMove(account, -1)}>
          {t('edit_move_up')}
        </button>
        <button type="button" data-testid="move-down" disabled={!props.canMoveDown} onClick={() => props.onMove(account, 1)}>
          {t('edit_move_down')}
        </button>
        <button type="submit" class="primary" data-testid="save-edit" disabled={busy}>
          {t('save')}
        </button>
      </div>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">{t('edit_delete_confirm', labelAccount(account, t('account_unnamed')))}</p>
          <div class="actions">
            <button type="button" data-testid="delete-cancel" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
            <button type="button" class="danger" data-testid="delete-confirm" onClick={() => props.onDelete(account)}>
              {t('edit_delete_yes')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="danger-link" data-testid="delete-account" onClick={() => setConfirming(true)}>
          {t('edit_delete')}
        </button>
      )}
    </form>
  );
}
