import { normalizeTranslatable, type Translatable } from './translatable';

/** Base of every error the product raises on purpose: `userMessage` is safe and meant to be shown to a person. */
export class PortalError extends Error {
  /** A stable, machine-readable identifier, e.g. `otp/bad-secret` or `vault/wrong-passphrase`. */
  readonly code: string;
  /** What went wrong and what to do, in plain English words (logs, diagnostics, tests). Never contains a secret. */
  readonly userMessage: string;
  /** The same message as a `_locales` key and its `$1`..`$9` values: the page that shows it translates it. */
  readonly text: ErrorText;

  /** Every error says what went wrong in English and as a message key: a new error cannot forget its translation. */
  constructor(code: string, userMessage: string, text: ErrorText) {
    super(userMessage);
    this.name = new.target.name;
    this.code = code;
    this.userMessage = userMessage;
    this.text = normalizeTranslatable(text);
  }
}

/** A translatable message: a key of public/_locales/<lang>/messages.json and the values of its placeholders. */
export type ErrorText = Translatable;

/** Any bad OTP input: a URI, a secret, a parameter, a migration payload. */
export class OtpError extends PortalError {}

/** Vault problems: wrong passphrase, tampering, unsupported versions, locked vault. */
export class VaultError extends PortalError {}

/** Passkey unlock problems: a passkey this vault does not know, an answer that does not open it, a bad registration. */
export class PasskeyError extends PortalError {}

/** A request the background refuses: wrong sender, unknown message, bad arguments. */
export class ProtocolError extends PortalError {}

/** A file to import that cannot be read: unknown format, wrong password, too costly to open, damaged. */
export class ImportError extends PortalError {}

/** QR capture problems: nothing found, not an authenticator code, cannot read the page. */
export class QrError extends PortalError {}

/** Turns anything thrown into a message a person can read, without leaking internals. */
export function describeError(error: unknown): { code: string; message: string; text: ErrorText } {
  if (error instanceof PortalError) return { code: error.code, message: error.userMessage, text: error.text };
  return { code: 'internal', message: 'Something unexpected went wrong. Please try again.', text: { key: 'error_unexpected' } };
}
