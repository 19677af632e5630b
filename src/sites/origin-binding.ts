import { SiteError } from './errors';
import { LOOPBACK_HOSTS as LOOPBACK, registrableDomainOf } from './registrable-domain';

/** How a frame's origin relates to an account's sites. */
export type BindingMatch = 'exact' | 'registrable-domain' | 'no';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const HOST_CHARS = /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;
const MAX_INPUT = 2048;

function shown(input: string): string {
  return input.length > 60 ? `${input.slice(0, 57)}...` : input;
}

/**
 * Turns "portal.example.com", "https://Portal.Example.com/login" and the like into an origin
 * ("https://portal.example.com"); throws SiteError for anything that is not an https (or loopback http) site.
 */
export function normalizeOrigin(input: string): string {
  const text = input.trim();
  if (!text) throw new SiteError('site/empty', 'Enter the site address, for example https://portal.example.com.', { key: 'error_site_empty' });
  if (text.length > MAX_INPUT || /[\s\u0000-\u001f\u007f]/.test(text)) {
    throw new SiteError('site/invalid', 'A site address has no spaces or line breaks. Use a form like https://portal.example.com.', { key: 'error_site_spaces' });
  }
  if (text.includes('*')) {
    throw new SiteError(
      'site/wildcard',
      'Wildcards are not supported. Enter one site, such as https://portal.example.com, and allow its whole domain if needed.',
      { key: 'error_site_wildcard' },
    );
  }
  let url: URL;
  try {
    url = new URL(HAS_SCHEME.test(text) ? text : `https://${text}`);
  } catch {
    throw new SiteError('site/invalid', `"${shown(text)}" is not a web address. Use a form like https://portal.example.com.`, {
      key: 'error_site_not_address',
      subs: [shown(text)],
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteError('site/unsupported-scheme', `Only https sites can be bound to an account, not "${url.protocol}" addresses.`, {
      key: 'error_site_scheme',
      subs: [url.protocol],
    });
  }
  if (url.username || url.password) {
    throw new SiteError('site/has-credentials', 'A site address must not contain a user name or password (anything before "@").', { key: 'error_site_credentials' });
  }
  if (!HOST_CHARS.test(url.hostname)) {
    throw new SiteError('site/invalid', `"${shown(text)}" is not a valid host name. Use a form like https://portal.example.com.`, {
      key: 'error_site_bad_host',
      subs: [shown(text)],
    });
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new SiteError('site/insecure', 'Codes are only filled over https. Plain http is allowed only for localhost.', { key: 'error_site_insecure' });
  }
  return url.origin;
}

function tryOrigin(input: string): URL | undefined {
  try {
    return new URL(normalizeOrigin(input));
  } catch {
    return undefined;
  }
}

function registrableDomain(url: URL): string | null {
  return registrableDomainOf(url.hostname);
}

/**
 * Whether a frame may receive codes of an account bound to `accountSites`: the exact origin (scheme, host, port),
 * or, when the user allowed it, another https origin on the same registrable domain (public suffix list) and port.
 */
export function isOriginAllowed(accountSites: string[], matchRegistrableDomain: boolean, frameOrigin: string): BindingMatch {
  let frame: URL;
  try {
    frame = new URL(frameOrigin);
  } catch {
    return 'no';
  }
  const secure = frame.protocol === 'https:' || (frame.protocol === 'http:' && LOOPBACK.has(frame.hostname));
  if (!secure || frame.username || frame.password) return 'no';
  const sites = accountSites.map(tryOrigin).filter((u): u is URL => u !== undefined);
  if (sites.some((site) => site.origin === frame.origin)) return 'exact';
  if (!matchRegistrableDomain || frame.protocol !== 'https:') return 'no';
  const frameDomain = registrableDomain(frame);
  if (!frameDomain) return 'no';
  const sameDomain = sites.some(
    (site) => site.protocol === 'https:' && site.port === frame.port && registrableDomain(site) === frameDomain,
  );
  return sameDomain ? 'registrable-domain' : 'no';
}

/** The registrable domain of a site as a person types it ("portal.example.co.uk"), or undefined when it has none. */
export function registrableDomainOfSite(input: string): string | undefined {
  const url = tryOrigin(input);
  return (url && registrableDomainOf(url.hostname)) ?? undefined;
}
