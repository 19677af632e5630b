import { OtpError, type ErrorText } from '../errors';

export { OtpError };

/** Stable codes for every way OTP input can be refused; the UI may switch on them. */
export type OtpErrorCode =
  | 'otp/bad-scheme'
  | 'otp/bad-type'
  | 'otp/bad-secret'
  | 'otp/secret-too-short'
  | 'otp/bad-algorithm'
  | 'otp/bad-digits'
  | 'otp/bad-period'
  | 'otp/bad-counter'
  | 'otp/bad-time'
  | 'otp/duplicate-parameter'
  | 'otp/issuer-mismatch'
  | 'otp/bad-label'
  | 'otp/bad-escape'
  | 'otp/too-long'
  | 'otp/bad-characters'
  | 'otp/bad-account'
  | 'otp/bad-migration'
  | 'otp/unsupported-by-format';

/** Builds the OtpError for `code`; the message must say what is wrong and what is valid, never the secret. */
export function otpError(code: OtpErrorCode, message: string, text: ErrorText): OtpError {
  return new OtpError(code, message, text);
}

/** The same problem, prefixed with where it was found (`where` is a message with `$1` the place, `$2` the problem). */
export function otpErrorWithin(error: OtpError, english: string, where: ErrorText): OtpError {
  return new OtpError(error.code, `${english}${error.userMessage}`, { ...where, subs: [...(where.subs ?? []), error.text] });
}
