import { OtpError } from '../errors';

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
export function otpError(code: OtpErrorCode, message: string): OtpError {
  return new OtpError(code, message);
}
