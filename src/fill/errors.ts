import { PortalError } from '../errors';

/** A fill the extension refuses or cannot complete (wrong code length, field gone). Codes start with `fill/`. */
export class FillError extends PortalError {}

/** A site binding that cannot be understood (junk origin, insecure scheme). Codes start with `site/`. */
export class SiteError extends PortalError {}
