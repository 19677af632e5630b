import { OtpError, ProtocolError } from '../../errors';
import { formatMigrationUris, formatOtpauthUri, validateAccount } from '../../otp';
import type { OtpAccount } from '../../otp/types';
import { checkPassphraseAgainstPolicy, effectiveKdfParams, effectiveMinPassphraseLength, requirePlainExportAllowed } from '../../policy';
import { decryptBackup, encryptBackup, type VaultAccount } from '../../vault';
import { collectAccounts, isSameAccount } from '../collect-accounts';
import type { BackgroundContext } from '../context';
import { labelAccount } from '../../account-label';
import { parkPending, takePending } from '../pending';
import { normalizeSites } from './account-handlers';
import { act, rebind, type Handlers } from './handler-types';

type Importable = OtpAccount & Partial<Pick<VaultAccount, 'sites' | 'matchRegistrableDomain'>>;

function looksLikeBackup(text: string): boolean {
  return text.trimStart().startsWith('{') && text.includes('portal-authenticator-backup');
}

async function readImport(text: string, backupPassphrase: string | undefined) {
  if (!looksLikeBackup(text)) return collectAccounts(text.split(/\r?\n/), 'This line');
  if (!backupPassphrase) throw new ProtocolError('import/needs-passphrase', 'This is an encrypted backup. Enter the passphrase it was saved with.');
  const accounts: Importable[] = [];
  const skipped: Array<{ label: string; reason: string }> = [];
  for (const stored of await decryptBackup(text, backupPassphrase)) {
    try {
      accounts.push({ ...stored, ...validateAccount(stored) });
    } catch (error) {
      if (!(error instanceof OtpError)) throw error;
      skipped.push({ label: labelAccount(stored), reason: error.userMessage });
    }
  }
  return { accounts, skipped };
}

async function selectAccounts(context: BackgroundContext, ids: string[] | undefined): Promise<VaultAccount[]> {
  const accounts = await context.vault.list();
  return ids ? accounts.filter((a) => ids.includes(a.id)) : accounts;
}

/** Import (preview, then commit) and export in every supported format. Extension pages only. */
export const transferHandlers: Pick<Handlers, 'import.preview' | 'import.commit' | 'export.backup' | 'export.uris' | 'export.migration'> = {
  'import.preview': act(async ({ text, backupPassphrase }, context) => {
    if (typeof text !== 'string' || text.trim() === '') throw new ProtocolError('import/empty', 'There is nothing to import. Paste links or choose a file.');
    const { accounts, skipped } = await readImport(text, backupPassphrase);
    const existing = await context.vault.list();
    const accepted: Importable[] = [];
    for (const account of accounts) {
      if (existing.some((e) => isSameAccount(e, account))) skipped.push({ label: labelAccount(account), reason: 'Already in your vault.' });
      else accepted.push(account);
    }
    return {
      // A backup's bindings decide where codes are filled: the person sees them before saying yes.
      accepted: accepted.map((a) => ({
        issuer: a.issuer,
        accountName: a.accountName,
        type: a.type,
        ...(a.sites ? { sites: normalizeSites(a.sites), matchRegistrableDomain: a.matchRegistrableDomain === true } : {}),
      })),
      skipped,
      token: await parkPending(context, 'import', accepted),
    };
  }),
  'import.commit': rebind(async ({ token, sites }, context) => {
    const accounts = await takePending<Importable[]>(context, 'import', token);
    const fallbackSites = normalizeSites(sites);
    const result = await context.vault.importAccounts(
      // A backup file's bindings are checked like typed ones: the file is as untrusted as any input.
      accounts.map((a) => ({ ...a, sites: a.sites ? normalizeSites(a.sites) : fallbackSites, matchRegistrableDomain: a.matchRegistrableDomain === true })),
    );
    return { added: result.added.length, skipped: result.skipped.length };
  }),
  'export.backup': act(async ({ passphrase }, context) => {
    const { policy } = await context.policy();
    checkPassphraseAgainstPolicy(policy, passphrase);
    const text = await encryptBackup(await context.vault.list(), passphrase, {
      kdfParams: effectiveKdfParams(policy),
      minPassphraseLength: effectiveMinPassphraseLength(policy),
    });
    const date = new Date(context.now()).toISOString().slice(0, 10);
    return { text, filename: `portal-authenticator-backup-${date}.json` };
  }),
  'export.uris': act(async ({ ids }, context) => {
    requirePlainExportAllowed((await context.policy()).policy);
    return { uris: (await selectAccounts(context, ids)).map(formatOtpauthUri) };
  }),
  'export.migration': act(async ({ ids }, context) => {
    requirePlainExportAllowed((await context.policy()).policy);
    const exportable: VaultAccount[] = [];
    const refused: Array<{ label: string; reason: string }> = [];
    for (const account of await selectAccounts(context, ids)) {
      try {
        formatMigrationUris([account]);
        exportable.push(account);
      } catch (error) {
        if (!(error instanceof OtpError)) throw error;
        refused.push({ label: labelAccount(account), reason: error.userMessage });
      }
    }
    return { uris: exportable.length > 0 ? formatMigrationUris(exportable) : [], refused };
  }),
};
