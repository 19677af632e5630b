import type { ErrorText } from '../errors';
import { PolicyError } from '../policy/errors';
import { LOOPBACK_HOSTS as LOOPBACK, registrableDomainOf } from './registrable-domain';

/** A validated allow-list entry: one origin, or every host under a domain (`*.`), with one scheme and port. */
export interface SitePattern {
  scheme: 'https:' | 'http:';
  /** Lower-case ASCII (punycode) host, without the `*.` prefix. */
  host: string;
  /** True for `*.host`: the host itself and any subdomain of it. */
  wildcard: boolean;
  /** The port as URL gives it: '' for the scheme's default port. */
  port: string;
  /** The normalised text, e.g. `https://*.example.com` or `http://localhost:8417`. */
  text: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const HOST_CHARS = /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
const MAX_LENGTH = 2048;
const EXAMPLE = 'Use an origin such as https://portal.example.com or a pattern such as https://*.example.com.';
const EXAMPLE_TEXT: ErrorText = { key: 'error_policy_example' };

function invalid(code: string, message: string, text: ErrorText): PolicyError {
  return new PolicyError(`policy/${code}`, message, text);
}

function splitHost(rest: string): { hostPart: string; tail: string } {
  const end = rest.search(/[/?#]/);
  return end < 0 ? { hostPart: rest, tail: '' } : { hostPart: rest.slice(0, end), tail: rest.slice(end) };
}

/**
 * Parses one allowedSites entry. Without a scheme https is assumed. Plain http is accepted only for
 * localhost, 127.0.0.1 and [::1]; `*` only as the whole leftmost label, and never directly over a public suffix.
 */
export function parseSitePattern(entry: string): SitePattern {
  const text = entry.trim();
  if (!text) throw invalid('site-empty', `The entry is empty. ${EXAMPLE}`, { key: 'error_policy_site_empty', subs: [EXAMPLE_TEXT] });
  if (text.length > MAX_LENGTH || /[\s\u0000-\u001f\u007f]/.test(text)) {
    throw invalid('site-invalid', `A site contains no spaces or line breaks. ${EXAMPLE}`, { key: 'error_policy_site_spaces', subs: [EXAMPLE_TEXT] });
  }
  const schemeMatch = SCHEME.exec(text);
  if (!schemeMatch && text.includes('://')) {
    throw invalid('site-scheme', `The scheme must be written out as https:// (or http:// for localhost). ${EXAMPLE}`, {
      key: 'error_policy_scheme_written',
      subs: [EXAMPLE_TEXT],
    });
  }
  const scheme = (schemeMatch ? schemeMatch[1]!.toLowerCase() : 'https') + ':';
  if (scheme !== 'https:' && scheme !== 'http:') {
    throw invalid('site-scheme', `Only https sites (or http on localhost) can be allowed, not "${scheme}". ${EXAMPLE}`, {
      key: 'error_policy_scheme_not_https',
      subs: [scheme, EXAMPLE_TEXT],
    });
  }
  const { hostPart, tail } = splitHost(schemeMatch ? text.slice(schemeMatch[0].length) : text);
  if (tail !== '' && tail !== '/') {
    throw invalid('site-path', `Paths, queries and fragments are not supported: codes are allowed per site (origin). ${EXAMPLE}`, {
      key: 'error_policy_site_path',
      subs: [EXAMPLE_TEXT],
    });
  }
  if (hostPart.includes('@')) {
    throw invalid('site-credentials', `A site must not contain a user name or password. ${EXAMPLE}`, { key: 'error_policy_site_credentials', subs: [EXAMPLE_TEXT] });
  }
  const wildcard = hostPart.startsWith('*.');
  const bare = wildcard ? hostPart.slice(2) : hostPart;
  if (bare.includes('*')) {
    throw invalid('site-wildcard', `"*" is allowed only as the whole leftmost label, as in https://*.example.com. ${EXAMPLE}`, {
      key: 'error_policy_wildcard_place',
      subs: [EXAMPLE_TEXT],
    });
  }
  let url: URL;
  try {
    url = new URL(`${scheme}//${bare}/`);
  } catch {
    throw invalid('site-invalid', `This is not a valid site address. ${EXAMPLE}`, { key: 'error_policy_site_invalid', subs: [EXAMPLE_TEXT] });
  }
  const host = url.hostname;
  if (!HOST_CHARS.test(host) || host.endsWith('.')) {
    throw invalid('site-invalid', `The host name is not valid. ${EXAMPLE}`, { key: 'error_policy_host_invalid', subs: [EXAMPLE_TEXT] });
  }
  if (scheme === 'http:' && (wildcard || !LOOPBACK.has(host))) {
    throw invalid('site-insecure', 'Plain http is allowed only for localhost, 127.0.0.1 and [::1], without wildcards. Use https://.', {
      key: 'error_policy_site_insecure',
    });
  }
  if (wildcard) {
    if (IPV4.test(host) || host.startsWith('[')) {
      throw invalid('site-wildcard', 'A wildcard cannot be used with an IP address; list the address itself.', { key: 'error_policy_wildcard_ip' });
    }
    if (!registrableDomainOf(host)) {
      throw invalid('site-too-broad', `"*.${host}" would cover sites of many different owners. Name your own domain, as in https://*.example.com.`, {
        key: 'error_policy_too_broad',
        subs: [host],
      });
    }
  }
  const port = url.port;
  return { scheme, host, wildcard, port, text: `${scheme}//${wildcard ? '*.' : ''}${host}${port ? `:${port}` : ''}` };
}

/**
 * Whether `origin` matches `pattern`: same scheme and port, and the exact host, or for `*.` the host itself or
 * a name ending in "." + host (so `portal.example.com.evil.test` never matches `*.example.com`).
 */
export function matchSitePattern(pattern: SitePattern, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== pattern.scheme || url.port !== pattern.port || url.username || url.password) return false;
  const host = url.hostname;
  if (host === pattern.host) return true;
  return pattern.wildcard && host.endsWith(`.${pattern.host}`);
}
