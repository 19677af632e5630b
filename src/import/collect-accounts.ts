import { parseMigrationBatch, parseOtpauthUri } from '../otp';
import type { OtpAccount } from '../otp/types';
import { classifyQrPayload, describeNonAuthenticatorQr, type PayloadSubject } from '../qr/payload';
import { isSameAccount } from '../vault';
import { accountLabelText } from '../account-label';
import { reasonOf } from './collector';
import type { TextSub } from '../translatable';
import type { SkippedEntry } from './types';

export { isSameAccount };

/** Accounts found in a set of texts (QR payloads or import lines), and what was skipped with why. */
export interface CollectedAccounts {
  accounts: OtpAccount[];
  skipped: SkippedEntry[];
}

/**
 * Parses otpauth and otpauth-migration texts into accounts. Migration batches are grouped by batch id and
 * a missing part is reported by number; anything that is not an authenticator code is skipped with a reason.
 */
export function collectAccounts(texts: string[], subject: PayloadSubject = 'qr'): CollectedAccounts {
  const accounts: OtpAccount[] = [];
  const skipped: CollectedAccounts['skipped'] = [];
  const batches = new Map<number, { size: number; seen: Set<number> }>();
  const addUnique = (account: OtpAccount) => {
    if (accounts.some((a) => isSameAccount(a, account))) skipped.push({ label: accountLabelText(account), reason: { key: 'import_skip_listed_twice' } });
    else accounts.push(account);
  };
  texts.forEach((raw, index) => {
    const text = raw.trim();
    if (!text) return;
    const kind = classifyQrPayload(text).kind;
    const label: TextSub = { key: 'import_label_item', subs: [index + 1] };
    try {
      if (kind === 'otpauth') addUnique(parseOtpauthUri(text));
      else if (kind === 'otpauth-migration') {
        const batch = parseMigrationBatch(text);
        batch.accounts.forEach(addUnique);
        const entry = batches.get(batch.batchId) ?? { size: batch.batchSize, seen: new Set<number>() };
        entry.seen.add(batch.batchIndex);
        batches.set(batch.batchId, entry);
      } else skipped.push({ label, reason: describeNonAuthenticatorQr(kind, text, subject) });
    } catch (error) {
      skipped.push({ label, reason: reasonOf(error) });
    }
  });
  for (const { size, seen } of batches.values()) {
    const missing = Array.from({ length: size }, (_, i) => i).filter((i) => !seen.has(i));
    if (missing.length > 0) {
      skipped.push({
        label: { key: 'import_label_google_export' },
        reason: { key: 'import_skip_parts_missing', subs: [missing.map((i) => i + 1).join(', '), size] },
      });
    }
  }
  return { accounts, skipped };
}
