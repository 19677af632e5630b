import { PortalError } from '../errors';

/** A fill the extension refuses or cannot complete (wrong code length, field gone). Codes start with `fill/`. */
export class FillError extends PortalError {}
