import { PortalError } from '../errors';

/** Something the organisation's managed policy does not allow. Codes start with `policy/`. */
export class PolicyError extends PortalError {}
