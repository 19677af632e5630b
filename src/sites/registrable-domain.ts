import { getDomain } from 'tldts';

/** The only hosts where plain http is accepted, for binding and for policy patterns alike. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The registrable domain (eTLD+1) of a host name from the public suffix list, e.g. example.co.uk, or null (an IP
 * address, a bare suffix). Private suffixes (github.io, herokuapp.com …) count as public: alice.github.io is never
 * the same site as bob.github.io.
 */
export function registrableDomainOf(hostname: string): string | null {
  return hostname.startsWith('[') ? null : getDomain(hostname, { allowPrivateDomains: true });
}
