import { encodeBase32 } from '../otp';
import { accountFromFields, asRecord, checkEntryCount, DAMAGED_REASON, entryLabel, entryNumber, ImportCollector, looseText, textField } from './collector';
import { hexBytes } from './file-crypto';
import type { ParsedImport } from './types';

// The Authenticator browser extension's JSON backup: an object keyed by each entry's hash, each entry { account,
// issuer, secret, type (totp, hotp, hex, hhex, battle, steam), counter, period, digits, algorithm, encrypted }.
// "hex"/"hhex" are TOTP/HOTP with a hex key. An encrypted backup also has a "key" record and entries whose
// secret is encrypted with the extension's password. Its other export is otpauth:// lines, read as such.

const NOT_ENTRIES = new Set(['key']);

/** Whether parsed JSON is an Authenticator extension backup: every record (but "key") has a secret. */
export function recogniseAuthenticatorExt(json: Record<string, unknown>): 'authenticator-ext' | undefined {
  const records = Object.entries(json).filter(([k]) => !NOT_ENTRIES.has(k));
  return records.length > 0 && records.every(([, v]) => asRecord(v) && 'secret' in asRecord(v)!) ? 'authenticator-ext' : undefined;
}

/** Reads an Authenticator extension backup; entries encrypted with its password are skipped with a reason. */
export function parseAuthenticatorExt(json: Record<string, unknown>): ParsedImport {
  const records = Object.entries(json).filter(([k]) => !NOT_ENTRIES.has(k));
  checkEntryCount(records.length);
  const out = new ImportCollector('authenticator-ext');
  records.forEach(([, raw], index) => {
    const entry = asRecord(raw);
    if (!entry) return out.skip(entryNumber(index), DAMAGED_REASON);
    const label = entryLabel(looseText(entry.issuer), looseText(entry.account), index);
    if (entry.encrypted === true) {
      return out.skip(label, { key: 'import_skip_authenticator_encrypted' });
    }
    out.add(label, () => {
      const kind = (textField(entry, 'type') || 'totp').toLowerCase();
      const hex = kind === 'hex' || kind === 'hhex';
      const secret = textField(entry, 'secret');
      return accountFromFields({
        type: kind === 'hex' ? 'totp' : kind === 'hhex' ? 'hotp' : kind,
        issuer: textField(entry, 'issuer'),
        accountName: textField(entry, 'account'),
        secret: hex ? encodeBase32(hexBytes(secret, 'secret')) : secret,
        algorithm: textField(entry, 'algorithm'),
        numbers: entry,
      });
    });
  });
  return out.result();
}
