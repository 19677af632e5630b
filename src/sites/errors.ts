import { PortalError } from '../errors';

/** A site binding that cannot be understood (junk origin, insecure scheme). Codes start with `site/`. */
export class SiteError extends PortalError {}
