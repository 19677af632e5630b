import type { ErrorText } from '../errors';
import { otpError } from './errors';
import { MAX_NAME_LENGTH } from './limits';

// C0/C1 controls, line/paragraph separators, and the bidi controls that can make a name display as another (Trojan Source).
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// In a `u` regex a surrogate range matches only unpaired halves, which cannot be encoded as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** True when `value` holds a control, text-direction or broken character (anything that could disguise a name). */
export function hasUnsafeCharacters(value: string): boolean {
  return FORBIDDEN.test(value) || LONE_SURROGATE.test(value);
}

/** Checks an issuer or account name: at most MAX_NAME_LENGTH code points, no control, bidi or broken characters. */
export function checkName(value: unknown, field: 'issuer' | 'account name'): string {
  const name = nameFieldText(field);
  if (typeof value !== 'string') {
    throw otpError('otp/bad-account', `The ${field} must be text.`, { key: 'error_otp_name_not_text', subs: [name] });
  }
  let length = 0;
  for (const _ of value) {
    if (++length > MAX_NAME_LENGTH) {
      throw otpError('otp/too-long', `The ${field} is longer than ${MAX_NAME_LENGTH} characters. Use a shorter name.`, {
        key: 'error_otp_name_too_long',
        subs: [name, MAX_NAME_LENGTH],
      });
    }
  }
  if (FORBIDDEN.test(value)) {
    throw otpError(
      'otp/bad-characters',
      `The ${field} contains control or text-direction characters, which could disguise it. Use plain visible text.`,
      { key: 'error_otp_name_controls', subs: [name] },
    );
  }
  if (LONE_SURROGATE.test(value)) {
    throw otpError('otp/bad-characters', `The ${field} contains a broken character (an unpaired UTF-16 surrogate). Use plain visible text.`, {
      key: 'error_otp_name_broken',
      subs: [name],
    });
  }
  return value;
}

/** The name of an account's issuer or account-name field, as put into a message. */
export function nameFieldText(field: 'issuer' | 'account name'): ErrorText {
  return { key: field === 'issuer' ? 'error_otp_name_issuer' : 'error_otp_name_account' };
}
