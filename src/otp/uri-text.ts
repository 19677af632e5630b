import { otpError } from './errors';

/** Decodes one URI component, reading `+` as a space as real otpauth URIs do (e.g. `issuer=Air+Canada`). */
export function decodeComponent(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // decodeURIComponent throws URIError for a stray % or bytes that are not UTF-8.
    throw otpError(
      'otp/bad-escape',
      `The ${what} has a broken % escape. Each % must start a valid UTF-8 escape such as %20 or %C3%A9; a literal % is written %25.`,
    );
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
      const shown = /^[a-z0-9_-]{1,20}$/.test(name) ? `"${name}"` : 'a parameter';
      throw otpError('otp/duplicate-parameter', `The URI gives ${shown} more than once. Each parameter may appear only once.`);
    }
    params.set(name, decodeComponent(rawValue, `"${/^[a-z0-9_-]{1,20}$/.test(name) ? name : 'unnamed'}" parameter`));
  }
  return params;
}
