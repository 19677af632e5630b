import { otpError } from './errors';
import { parseAlgorithm, parseCounter, parseDigits, parsePeriod, parseType } from './fields';
import { MAX_URI_LENGTH } from './limits';
import { checkName } from './names';
import { normalizeSecret } from './secret';
import type { OtpAccount } from './types';
import { decodeComponent, parseQuery } from './uri-text';
import { validateAccount } from './validate';

/*
 * Label rules (Key URI format: label = issuer (":" / "%3A") *"%20" accountname).
 * - A literal ":" is the separator; at most one is allowed. Colons inside names travel as %3A, so any name round-trips.
 * - Without a literal ":", a single %3A separates issuer and account (as many issuers write it); with several, the
 *   `issuer` parameter decides where the account name starts, and without one the label is refused.
 * - Spaces written %20 (or bare) right after the separator are part of it; an account name that really starts with
 *   spaces is written with `+` there, which still reads as a space.
 * - The `issuer` parameter is the source of truth; a label prefix that disagrees with it (beyond letter case and
 *   surrounding spaces) is refused.
 */

/** Names the scheme of something that is not an otpauth URI, without echoing anything else of it. */
function badSchemeError(uri: string) {
  const scheme = /^([a-z][a-z0-9+.-]{0,20}):/i.exec(uri)?.[1];
  if (scheme?.toLowerCase() === 'otpauth-migration') {
    return otpError(
      'otp/bad-scheme',
      'This is a Google Authenticator export (otpauth-migration://), not a single account. Import it in the options page, or paste it as a link.',
      { key: 'error_otp_uri_is_export' },
    );
  }
  if (!scheme) {
    return otpError(
      'otp/bad-scheme',
      'This is text that is not a link, not an authenticator QR code. An authenticator URI starts with otpauth://totp/ or otpauth://hotp/.',
      { key: 'error_otp_uri_not_link' },
    );
  }
  return otpError(
    'otp/bad-scheme',
    `This is a "${scheme}:" link, not an authenticator QR code. An authenticator URI starts with otpauth://totp/ or otpauth://hotp/.`,
    { key: 'error_otp_uri_other_scheme', subs: [scheme] },
  );
}

function labelColonsError() {
  return otpError('otp/bad-label', 'The label has more than one ":". It must look like Issuer:account, with any other colon written %3A.', {
    key: 'error_otp_label_colons',
  });
}

/** Splits the raw label into an optional issuer prefix and the account name (see the rules above). */
function splitLabel(raw: string, issuerParam: string): { prefix?: string; accountName: string } {
  const literal = raw.split(':');
  if (literal.length > 2) throw labelColonsError();
  if (literal.length === 2) {
    const prefix = decodeComponent(literal[0] ?? '', 'label');
    const accountName = decodeComponent((literal[1] ?? '').replace(/^(?:%20| )+/i, ''), 'label');
    return prefix === '' ? { accountName } : { prefix, accountName };
  }
  const decoded = decodeComponent(raw, 'label');
  const colons = decoded.split(':').length - 1;
  if (colons === 0) return { accountName: decoded };
  if (issuerParam !== '' && decoded.startsWith(`${issuerParam}:`)) {
    return { prefix: issuerParam, accountName: decoded.slice(issuerParam.length + 1).replace(/^ +/, '') };
  }
  if (colons > 1) throw labelColonsError();
  const at = decoded.indexOf(':');
  return { prefix: decoded.slice(0, at), accountName: decoded.slice(at + 1).replace(/^ +/, '') };
}

/** Parses a Key URI (`otpauth://totp/Issuer:alice?secret=…&issuer=Issuer`) into a validated account. */
export function parseOtpauthUri(uri: string): OtpAccount {
  if (typeof uri !== 'string') throw otpError('otp/bad-scheme', 'Expected an otpauth:// URI as text.', { key: 'error_otp_uri_not_text' });
  const text = uri.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (text.length > MAX_URI_LENGTH) {
    throw otpError('otp/too-long', `The URI is longer than ${MAX_URI_LENGTH} characters, more than any authenticator QR code holds.`, {
      key: 'error_otp_uri_too_long',
      subs: [MAX_URI_LENGTH],
    });
  }
  if (!/^otpauth:\/\//i.test(text)) throw badSchemeError(text);
  if (text.includes('#')) {
    throw otpError('otp/bad-characters', 'The URI contains "#", which would cut it short. Inside a name it must be written %23.', { key: 'error_otp_uri_hash' });
  }
  const rest = text.slice('otpauth://'.length);
  const q = rest.indexOf('?');
  const path = q === -1 ? rest : rest.slice(0, q);
  const params = parseQuery(q === -1 ? '' : rest.slice(q + 1));
  const slash = path.indexOf('/');
  const type = parseType(slash === -1 ? path : path.slice(0, slash));
  const rawLabel = slash === -1 ? '' : path.slice(slash + 1);

  const rawSecret = params.get('secret') ?? '';
  if (rawSecret === '') {
    throw otpError('otp/bad-secret', 'The URI has no secret parameter. It needs secret= followed by the base32 key.', { key: 'error_otp_uri_no_secret' });
  }
  const secret = normalizeSecret(rawSecret);
  const algorithm = parseAlgorithm(params.get('algorithm') ?? 'SHA1');
  const digits = parseDigits(params.get('digits') ?? '6', type);
  const period = parsePeriod(params.get('period') ?? '30');
  let counter = 0;
  if (type === 'hotp') {
    const rawCounter = params.get('counter');
    if (rawCounter === undefined) {
      throw otpError('otp/bad-counter', 'A counter-based (hotp) URI needs a counter parameter, e.g. counter=0.', { key: 'error_otp_uri_no_counter' });
    }
    counter = parseCounter(rawCounter);
  }

  const issuerParam = checkName(params.get('issuer') ?? '', 'issuer');
  const { prefix, accountName } = splitLabel(rawLabel, issuerParam);
  if (prefix !== undefined) checkName(prefix, 'issuer');
  if (issuerParam !== '' && prefix !== undefined && prefix.trim().toLowerCase() !== issuerParam.trim().toLowerCase()) {
    throw otpError(
      'otp/issuer-mismatch',
      'The issuer in the label (before ":") differs from the issuer parameter. They must name the same service.',
      { key: 'error_otp_issuer_mismatch' },
    );
  }
  return validateAccount({
    type,
    issuer: issuerParam !== '' ? issuerParam : prefix ?? '',
    accountName: checkName(accountName, 'account name'),
    secret,
    algorithm,
    digits,
    period: type === 'hotp' ? 30 : period,
    counter,
  });
}

/** Percent-encodes a name; `@` stays readable since it is legal in both the path and the query. */
function encodeName(name: string): string {
  return encodeURIComponent(name).replace(/%40/g, '@');
}

/** Writes an account as a Key URI that `parseOtpauthUri` reads back to an equal account. */
export function formatOtpauthUri(account: OtpAccount): string {
  const a = validateAccount(account);
  // Leading spaces of the account name become `+` so the parser does not take them for separator padding.
  const encodedAccount = encodeName(a.accountName).replace(/^(?:%20)+/, (m) => '+'.repeat(m.length / 3));
  let label = encodedAccount;
  if (a.issuer !== '') label = `${encodeName(a.issuer)}:${encodedAccount}`;
  else if (a.accountName.includes(':')) label = `:${encodedAccount}`;
  const params = [`secret=${a.secret}`];
  if (a.issuer !== '') params.push(`issuer=${encodeName(a.issuer)}`);
  params.push(`algorithm=${a.algorithm}`, `digits=${a.digits}`);
  params.push(a.type === 'totp' ? `period=${a.period}` : `counter=${a.counter}`);
  const uri = `otpauth://${a.type}/${label}?${params.join('&')}`;
  if (uri.length > MAX_URI_LENGTH) {
    throw otpError(
      'otp/too-long',
      `This account's URI would be longer than ${MAX_URI_LENGTH} characters, too long for a QR code. Shorten the issuer or account name.`,
      { key: 'error_otp_uri_account_too_long', subs: [MAX_URI_LENGTH] },
    );
  }
  return uri;
}
