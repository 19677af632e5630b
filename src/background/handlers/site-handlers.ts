import { registrableDomainOfSite } from '../../sites/origin-binding';
import { query, type Handlers } from './handler-types';

/** Facts about a site for the pages: the public suffix list stays in the background, out of the pages' scripts. */
export const siteHandlers: Pick<Handlers, 'sites.registrableDomain'> = {
  'sites.registrableDomain': query(async ({ site }) => {
    const domain = typeof site === 'string' ? registrableDomainOfSite(site) : undefined;
    return domain ? { domain } : {};
  }),
};
