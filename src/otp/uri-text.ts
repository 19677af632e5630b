import { otpError } from './errors';

/** Which part of a URI a component is: the label, a parameter's name, or the value of the parameter named. */
export type UriPart = 'label' | 'parameter name' | { parameter: string };

const ESCAPE_RULE = 'Each % must start a valid UTF-8 escape such as %20 or %C3%A9; a literal % is written %25.';

function badEscapeError(part: UriPart) {
  if (part === 'label') return otpError('otp/bad-escape', `The label has a broken % escape. ${ESCAPE_RULE}`, { key: 'error_otp_escape_label' });
  if (part === 'parameter name') return otpError('otp/bad-escape', `A parameter name has a broken % escape. ${ESCAPE_RULE}`, { key: 'error_otp_escape_name' });
  // Only a plain name is repeated back; anything else could be a piece of the secret.
  if (!SAFE_NAME.test(part.parameter)) return otpError('otp/bad-escape', `A parameter has a broken % escape. ${ESCAPE_RULE}`, { key: 'error_otp_escape_value' });
  return otpError('otp/bad-escape', `The "${part.parameter}" parameter has a broken % escape. ${ESCAPE_RULE}`, {
    key: 'error_otp_escape_parameter',
    subs: [part.parameter],
  });
}

const SAFE_NAME = /^[a-z0-9_-]{1,20}$/;

/** Decodes one URI component, reading `+` as a space as real otpauth URIs do (e.g. `issuer=Air+Canada`). */
export function decodeComponent(raw: string, part: UriPart): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // decodeURIComponent throws URIError for a stray % or bytes that are not UTF-8.
    throw badEscapeError(part);
  }
}

/** Lower-cases ASCII letters only, so that look-alikes such as the Kelvin sign never fold into a parameter name. */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Splits a query string into a Map (never a plain object, so `__proto__` is just a name); repeats are refused. */
export function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    const name = lowerAscii(decodeComponent(rawName, 'parameter name'));
    if (params.has(name)) {
      if (!SAFE_NAME.test(name)) {
        throw otpError('otp/duplicate-parameter', 'The URI gives a parameter more than once. Each parameter may appear only once.', {
          key: 'error_otp_duplicate_unnamed',
        });
      }
      throw otpError('otp/duplicate-parameter', `The URI gives "${name}" more than once. Each parameter may appear only once.`, {
        key: 'error_otp_duplicate_parameter',
        subs: [name],
      });
    }
    params.set(name, decodeComponent(rawValue, { parameter: name }));
  }
  return params;
}
