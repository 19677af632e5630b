/** Hash functions allowed by the Key URI format and RFC 6238. */
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** Event-based (RFC 4226) or time-based (RFC 6238) one-time passwords. */
export type OtpType = 'totp' | 'hotp';

/** Everything needed to generate codes for one account, independent of where it is stored. */
export interface OtpAccount {
  type: OtpType;
  /** Service name, e.g. "JumpCloud". May be empty. */
  issuer: string;
  /** The user's name at the service, e.g. "alice@example.com". May be empty. */
  accountName: string;
  /** Base32 (RFC 4648), upper case, no padding, no spaces. */
  secret: string;
  algorithm: OtpAlgorithm;
  /** 6–8 for TOTP, 6–10 for HOTP. */
  digits: number;
  /** Seconds per TOTP step (ignored for HOTP, kept at 30). */
  period: number;
  /** HOTP moving factor (0 for TOTP). */
  counter: number;
}
