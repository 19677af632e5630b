import { ImportError } from '../errors';
import type { OtpAccount } from '../otp/types';
import { accountFromFields, asRecord, checkEntryCount, DAMAGED_REASON, entryLabel, entryNumber, ImportCollector, looseText, textField } from './collector';
import { base64Bytes, deriveScrypt, hexBytes, type KdfProgress, openAesGcm, passwordBytes, wrongPassword } from './file-crypto';
import type { ImportKdfCaps } from './limits';
import type { ParsedImport } from './types';

// Aegis vault file (its docs/vault.md): { version: 1, header: { slots, params }, db }. Plain: slots and params are
// null and db is { version, entries }. Encrypted: db is base64 AES-256-GCM ciphertext under a random master key,
// which each slot wraps; a password slot (type 1) derives its key with scrypt(n, r, p, salt).

/** Whether parsed JSON is an Aegis vault file, and whether it is encrypted. */
export function recogniseAegis(json: Record<string, unknown>): 'aegis' | 'aegis-encrypted' | undefined {
  const header = asRecord(json.header);
  if (json.version === undefined || !header || !('db' in json) || !('slots' in header)) return undefined;
  return header.slots === null ? 'aegis' : 'aegis-encrypted';
}

function readEntries(db: unknown): ParsedImport {
  const record = asRecord(db);
  if (!record || !Array.isArray(record.entries)) {
    throw new ImportError('import/damaged', 'This Aegis file has no list of entries; it is damaged.', { key: 'error_import_aegis_no_entries' });
  }
  if (typeof record.version === 'number' && record.version > 3) {
    throw new ImportError(
      'import/unsupported-version',
      `This Aegis file is of a newer version (${record.version}) than this extension reads. Export it again as plain JSON or update the extension.`,
      { key: 'error_import_aegis_version', subs: [String(record.version)] },
    );
  }
  checkEntryCount(record.entries.length);
  const out = new ImportCollector('aegis');
  record.entries.forEach((raw: unknown, index: number) => {
    const entry = asRecord(raw);
    const info = asRecord(entry?.info);
    if (!entry || !info) return out.skip(entryNumber(index), DAMAGED_REASON);
    out.add(entryLabel(looseText(entry.issuer), looseText(entry.name), index), () =>
      accountFromFields({
        type: textField(entry, 'type') || 'unknown',
        issuer: textField(entry, 'issuer'),
        accountName: textField(entry, 'name'),
        secret: textField(info, 'secret'),
        algorithm: textField(info, 'algo'),
        numbers: info,
      }),
    );
  });
  return out.result();
}

/** Reads an Aegis plain JSON vault export. */
export function parseAegisPlain(json: Record<string, unknown>): ParsedImport {
  return readEntries(json.db);
}

/** Decrypts an Aegis encrypted vault with a password slot (scrypt, capped before any work), then reads it. */
export async function parseAegisEncrypted(json: Record<string, unknown>, password: string | undefined, caps: ImportKdfCaps, onProgress?: KdfProgress): Promise<ParsedImport> {
  const header = asRecord(json.header)!;
  const params = asRecord(header.params);
  const slots = Array.isArray(header.slots) ? header.slots.map(asRecord) : [];
  const passwordSlots = slots.filter((s): s is Record<string, unknown> => s?.type === 1);
  if (!params || passwordSlots.length === 0) {
    throw new ImportError(
      'import/no-password-slot',
      'This Aegis vault can only be opened with a fingerprint or device key, not a password. In Aegis, export it with a password (or as plain JSON).',
      { key: 'error_import_aegis_no_password_slot' },
    );
  }
  const secret = passwordBytes(password, 'Aegis');
  let masterKey: Uint8Array | undefined;
  for (const slot of passwordSlots.slice(0, 4)) {
    const keyParams = asRecord(slot.key_params);
    const derived = await deriveScrypt(secret, hexBytes(slot.salt, 'salt'), slot.n as number, slot.r as number, slot.p as number, caps, onProgress);
    try {
      const wrapped = [...hexBytes(slot.key, 'key'), ...hexBytes(keyParams?.tag, 'key_params.tag')];
      masterKey = await openAesGcm(derived, hexBytes(keyParams?.nonce, 'key_params.nonce'), Uint8Array.from(wrapped), () => wrongPassword('Aegis'));
      break;
    } catch (error) {
      if (!(error instanceof ImportError) || error.code !== 'import/wrong-password') throw error;
    }
  }
  if (!masterKey) throw wrongPassword('Aegis');
  const ciphertext = base64Bytes(json.db, 'db');
  const tag = hexBytes(params.tag, 'params.tag');
  const plain = await openAesGcm(masterKey, hexBytes(params.nonce, 'params.nonce'), Uint8Array.from([...ciphertext, ...tag]), () =>
    new ImportError('import/damaged', 'The password is right, but this Aegis vault’s contents fail their integrity check: the file is damaged. Nothing was imported.', {
      key: 'error_import_aegis_integrity',
    }),
  );
  masterKey.fill(0);
  let db: unknown;
  try {
    db = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw new ImportError('import/damaged', 'This Aegis vault opened, but its contents are not readable JSON; the file is damaged.', { key: 'error_import_aegis_not_json' });
  }
  return { ...readEntries(db), format: 'aegis-encrypted' };
}

/** Writes accounts as an Aegis plain JSON vault (version 1, db version 3), which Aegis imports. */
export function formatAegisJson(accounts: Array<Pick<OtpAccount, keyof OtpAccount>>, newUuid: () => string = () => crypto.randomUUID()): string {
  const entries = accounts.map((a) => ({
    type: a.type,
    uuid: newUuid(),
    name: a.accountName,
    issuer: a.issuer,
    note: '',
    favorite: false,
    icon: null,
    info: a.type === 'totp' ? { secret: a.secret, algo: a.algorithm, digits: a.digits, period: a.period } : { secret: a.secret, algo: a.algorithm, digits: a.digits, counter: a.counter },
    groups: [],
  }));
  return `${JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries, groups: [] } }, null, 2)}\n`;
}
