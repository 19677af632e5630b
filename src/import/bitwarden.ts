import { ImportError } from '../errors';
import { parseOtpauthUri } from '../otp';
import { asRecord, checkEntryCount, entryLabel, fileSecret, ImportCollector, looseText, reasonOf, STEAM_REASON } from './collector';
import type { ParsedImport } from './types';

// Bitwarden exports. JSON: { encrypted: false, items: [{ type: 1 (login), name, login: { username, totp, uris } }] }.
// CSV: a header row with name, login_username and login_totp (personal: folder,favorite,type,name,notes,fields,
// reprompt,login_uri,login_username,login_password,login_totp; organisation: collections,… instead of folder,favorite).
// `totp` is an otpauth:// link, a bare base32 key (TOTP, SHA1, 6 digits, 30 s) or steam://KEY.

/** Whether parsed JSON is a Bitwarden JSON export. */
export function recogniseBitwardenJson(json: Record<string, unknown>): 'bitwarden-json' | undefined {
  return Array.isArray(json.items) && 'encrypted' in json ? 'bitwarden-json' : undefined;
}

/** Whether text is a Bitwarden CSV export (by its header row). */
export function recogniseBitwardenCsv(text: string): 'bitwarden-csv' | undefined {
  const header = text.slice(0, 500).split(/\r?\n/, 1)[0]!.replace(/^\uFEFF/, '');
  const columns = header.split(',').map((c) => c.trim());
  return columns.includes('login_totp') && columns.includes('name') ? 'bitwarden-csv' : undefined;
}

interface Login {
  name: string;
  username: string;
  totp: string;
}

function addLogin(out: ImportCollector, login: Login, index: number): void {
  const totp = login.totp.trim();
  const label = entryLabel(login.name, login.username, index);
  if (/^steam:\/\//i.test(totp)) return out.skip(label, STEAM_REASON);
  out.add(label, () => {
    if (/^otpauth:/i.test(totp)) {
      const parsed = parseOtpauthUri(totp);
      return { ...parsed, issuer: parsed.issuer || login.name, accountName: parsed.accountName || login.username };
    }
    return { type: 'totp', issuer: login.name, accountName: login.username, secret: fileSecret(totp), algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };
  });
}

function finish(out: ImportCollector, withoutCode: number): ParsedImport {
  if (withoutCode > 0) out.skip({ plural: 'import_label_logins', count: withoutCode }, { key: 'import_skip_no_totp' });
  return out.result();
}

/** Reads a Bitwarden JSON export (unencrypted). */
export function parseBitwardenJson(json: Record<string, unknown>): ParsedImport {
  if (json.encrypted === true) {
    throw new ImportError(
      'import/unsupported-encryption',
      'This Bitwarden export is encrypted with your Bitwarden account or a file password, which only Bitwarden can open. Export again as “.json” or “.csv” (unencrypted).',
      { key: 'error_import_bitwarden_encrypted' },
    );
  }
  const items = json.items as unknown[];
  checkEntryCount(items.length);
  const out = new ImportCollector('bitwarden-json');
  let withoutCode = 0;
  items.forEach((raw, index) => {
    const item = asRecord(raw);
    const login = asRecord(item?.login);
    const totp = looseText(login?.totp);
    if (!item || !login || !totp.trim()) return void withoutCode++;
    addLogin(out, { name: looseText(item.name), username: looseText(login.username), totp }, index);
  });
  return finish(out, withoutCode);
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      (row = []), (field = '');
    } else field += c;
  }
  if (quoted) throw new ImportError('import/damaged', 'This CSV file ends inside a quoted field; it is damaged or cut short.', { key: 'error_import_csv_quoted' });
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Reads a Bitwarden CSV export. */
export function parseBitwardenCsv(text: string): ParsedImport {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const column = (name: string) => header!.findIndex((c) => c.trim() === name);
  const [name, username, totp] = [column('name'), column('login_username'), column('login_totp')];
  checkEntryCount(rows.length);
  const out = new ImportCollector('bitwarden-csv');
  let withoutCode = 0;
  rows.forEach((row, index) => {
    const value = row[totp] ?? '';
    if (!value.trim()) return void withoutCode++;
    try {
      addLogin(out, { name: row[name] ?? '', username: username >= 0 ? (row[username] ?? '') : '', totp: value }, index);
    } catch (error) {
      out.skip({ key: 'import_label_row', subs: [index + 2] }, reasonOf(error));
    }
  });
  return finish(out, withoutCode);
}
