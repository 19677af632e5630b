import { PortalError } from '../errors';
import { parseMigrationBatch, parseOtpauthUri } from '../otp';
import type { OtpAccount } from '../otp/types';
import { classifyQrPayload, describeNonAuthenticatorQr } from '../qr/payload';
import { isSameAccount } from '../vault';
import { labelAccount } from '../account-label';

export { isSameAccount };

/** Accounts found in a set of texts (QR payloads or import lines), and what was skipped with why. */
export interface CollectedAccounts {
  accounts: OtpAccount[];
  skipped: Array<{ label: string; reason: string }>;
}

function reasonOf(error: unknown): string {
  if (error instanceof PortalError) return error.userMessage;
  throw error;
}

/**
 * Parses otpauth and otpauth-migration texts into accounts. Migration batches are grouped by batch id and
 * a missing part is reported by number; anything that is not an authenticator code is skipped with a reason.
 */
export function collectAccounts(texts: string[], subject = 'This QR code'): CollectedAccounts {
  const accounts: OtpAccount[] = [];
  const skipped: CollectedAccounts['skipped'] = [];
  const batches = new Map<number, { size: number; seen: Set<number> }>();
  const addUnique = (account: OtpAccount) => {
    if (accounts.some((a) => isSameAccount(a, account))) skipped.push({ label: labelAccount(account), reason: 'Listed twice; added once.' });
    else accounts.push(account);
  };
  texts.forEach((raw, index) => {
    const text = raw.trim();
    if (!text) return;
    const kind = classifyQrPayload(text).kind;
    const label = `Item ${index + 1}`;
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
        label: 'Google Authenticator export',
        reason: `Part ${missing.map((i) => i + 1).join(', ')} of ${size} is missing. Scan every QR code of the export to get all accounts.`,
      });
    }
  }
  return { accounts, skipped };
}
