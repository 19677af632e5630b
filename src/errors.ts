/** Base of every error the product raises on purpose: `userMessage` is safe and meant to be shown to a person. */
export class PortalError extends Error {
  /** A stable, machine-readable identifier, e.g. `otp/bad-secret` or `vault/wrong-passphrase`. */
  readonly code: string;
  /** What went wrong and what to do, in plain words. Never contains a secret. */
  readonly userMessage: string;

  constructor(code: string, userMessage: string) {
    super(userMessage);
    this.name = new.target.name;
    this.code = code;
    this.userMessage = userMessage;
  }
}

/** Any bad OTP input: a URI, a secret, a parameter, a migration payload. */
export class OtpError extends PortalError {}

/** Vault problems: wrong passphrase, tampering, unsupported versions, locked vault. */
export class VaultError extends PortalError {}

/** A request the background refuses: wrong sender, unknown message, bad arguments. */
export class ProtocolError extends PortalError {}

/** A file to import that cannot be read: unknown format, wrong password, too costly to open, damaged. */
export class ImportError extends PortalError {}

/** QR capture problems: nothing found, not an authenticator code, cannot read the page. */
export class QrError extends PortalError {}

/** Turns anything thrown into a message a person can read, without leaking internals. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof PortalError) return { code: error.code, message: error.userMessage };
  return { code: 'internal', message: 'Something unexpected went wrong. Please try again.' };
}
