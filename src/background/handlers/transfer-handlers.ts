import { OtpError, ProtocolError } from '../../errors';
import { checkPlainExportFormat, formatPlainExport, type ImportedAccount, type ParsedImport, readImportFile, readImportLines } from '../../import';
import { formatMigrationUris, formatOtpauthUri } from '../../otp';
import { decodeBase64 } from '../../otp/base64';
import { checkPassphraseAgainstPolicy, effectiveKdfParams, effectiveMinPassphraseLength, requirePlainExportAllowed } from '../../policy';
import { encryptBackup, type VaultAccount } from '../../vault';
import { encodeUtf8 } from '../../vault/bytes';
import { backupReminder, dismissBackupReminder, recordBackup } from '../backup-reminder';
import { isSameAccount } from '../../import/collect-accounts';
import type { BackgroundContext } from '../context';
import { accountLabelText, labelAccount } from '../../account-label';
import type { SkippedEntry } from '../../import/types';
import { parkPending, takePending } from '../pending';
import { normalizeSites } from './account-handlers';
import { act, query, rebind, type Handlers } from './handler-types';

type Importable = ImportedAccount;

async function readImport(text: string | undefined, file: string | undefined, password: string | undefined): Promise<ParsedImport> {
  if (typeof file === 'string' && file !== '') {
    let bytes: Uint8Array;
    try {
      bytes = decodeBase64(file);
    } catch {
      throw new ProtocolError('import/bad-request', 'The file did not arrive whole. Choose it again.', { key: 'error_import_not_whole' });
    }
    return readImportFile(bytes, { password });
  }
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ProtocolError('import/empty', 'There is nothing to import. Paste links or choose a file.', { key: 'error_import_nothing' });
  }
  // Pasted lines keep their per-line reasons; a pasted export file (JSON) is read like a chosen one.
  if (/^\s*[{[]/.test(text)) return readImportFile(encodeUtf8(text), { password });
  return readImportLines(text.split(/\r?\n/));
}

/** Whether `saved` holds `promised` unchanged: the same key, kind, hash, digits, period and names. */
function holdsAccount(saved: VaultAccount[], promised: Importable): boolean {
  return saved.some(
    (a) =>
      isSameAccount(a, promised) &&
      a.type === promised.type &&
      a.algorithm === promised.algorithm &&
      a.digits === promised.digits &&
      a.period === promised.period &&
      a.accountName === promised.accountName,
  );
}

/** The day of `at` as YYYY-MM-DD, for file names. */
function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Secrets in the clear (a file, links, QR codes) go only where the policy allows plain exports, and only to whoever
 * knows the vault's passphrase, not whoever finds the vault open.
 */
async function allowPlainReveal(context: BackgroundContext, passphrase: unknown): Promise<void> {
  requirePlainExportAllowed((await context.policy()).policy);
  await context.vault.verifyPassphrase(typeof passphrase === 'string' ? passphrase : '');
}

async function selectAccounts(context: BackgroundContext, ids: string[] | undefined): Promise<VaultAccount[]> {
  const accounts = await context.vault.list();
  return ids ? accounts.filter((a) => ids.includes(a.id)) : accounts;
}

/** Import (preview, then commit) and export in every supported format. Extension pages only. */
export const transferHandlers: Pick<Handlers, 'import.preview' | 'import.commit' | 'export.backup' | 'export.uris' | 'export.migration' | 'export.plain' | 'backup.reminder' | 'backup.dismissReminder'> = {
  'import.preview': act(async ({ text, file, backupPassphrase }, context) => {
    const { accounts, skipped, format } = await readImport(text, file, backupPassphrase);
    const existing = await context.vault.list();
    const accepted: Importable[] = [];
    for (const account of accounts) {
      if (existing.some((e) => isSameAccount(e, account))) skipped.push({ label: accountLabelText(account), reason: { key: 'import_skip_in_vault' } });
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
      format,
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
    // Read the vault back: "added N of N" is said only when every promised account is there as promised.
    const saved = await context.vault.list();
    const missing = accounts.filter((a) => !holdsAccount(saved, a)).map((a) => labelAccount(a));
    return { added: result.added.length, skipped: result.skipped.length, promised: accounts.length, verified: missing.length === 0, missing };
  }),
  'export.backup': act(async ({ passphrase }, context) => {
    const { policy } = await context.policy();
    checkPassphraseAgainstPolicy(policy, passphrase);
    const text = await encryptBackup(await context.vault.list(), passphrase, {
      kdfParams: effectiveKdfParams(policy),
      minPassphraseLength: effectiveMinPassphraseLength(policy),
    });
    await recordBackup(context);
    return { text, filename: `portal-authenticator-backup-${dayOf(context.now())}.json` };
  }),
  'export.uris': act(async ({ ids, passphrase }, context) => {
    await allowPlainReveal(context, passphrase);
    return { uris: (await selectAccounts(context, ids)).map(formatOtpauthUri) };
  }),
  'export.migration': act(async ({ ids, passphrase }, context) => {
    await allowPlainReveal(context, passphrase);
    const exportable: VaultAccount[] = [];
    const refused: SkippedEntry[] = [];
    for (const account of await selectAccounts(context, ids)) {
      try {
        formatMigrationUris([account]);
        exportable.push(account);
      } catch (error) {
        if (!(error instanceof OtpError)) throw error;
        refused.push({ label: accountLabelText(account), reason: error.text });
      }
    }
    return { uris: exportable.length > 0 ? formatMigrationUris(exportable) : [], refused };
  }),
  'export.plain': act(async ({ format, passphrase }, context) => {
    const checked = checkPlainExportFormat(format);
    await allowPlainReveal(context, passphrase);
    const file = formatPlainExport(checked, await context.vault.list(), dayOf(context.now()));
    await recordBackup(context);
    return file;
  }),
  'backup.reminder': query(async (_r, context) => backupReminder(context)),
  'backup.dismissReminder': act(async (_r, context) => {
    await dismissBackupReminder(context);
    return { ok: true };
  }),
};
