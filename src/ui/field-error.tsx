import { PortalError } from '../errors';
import type { TextSub, Translatable } from '../translatable';

/**
 * The attributes that tie a form field to the message about it (WCAG 3.3.1 and 1.3.1): `aria-invalid` while the
 * field is wrong, and `aria-describedby` naming the element that says why, so a screen reader reads it with the field.
 */
export function invalidWhen(errorId: string | undefined): { 'aria-invalid': boolean; 'aria-describedby'?: string } {
  return errorId ? { 'aria-invalid': true, 'aria-describedby': errorId } : { 'aria-invalid': false };
}

/** A form's error message, announced when it appears; `id` is what its field's `aria-describedby` names. */
export function FieldError({ id, text, testId }: { id: string; text: string; testId?: string }) {
  return (
    <p class="error" role="alert" id={id} data-testid={testId}>
      {text}
    </p>
  );
}

/** The fields of an account (the manual entry and edit forms, and a sites list) an error can be about. */
export type AccountField = 'issuer' | 'account-name' | 'secret' | 'digits' | 'period' | 'counter' | 'sites';

function mentions(text: Translatable, key: string): boolean {
  const isText = (sub: TextSub): sub is Translatable => typeof sub === 'object';
  return ('key' in text && text.key === key) || (text.subs ?? []).filter(isText).some((sub) => mentions(sub, key));
}

/** Which field of an account an error is about, from its code and message; undefined when it is about none. */
export function accountFieldOf(error: unknown): AccountField | undefined {
  if (!(error instanceof PortalError)) return undefined;
  const { code, text } = error;
  if (code.startsWith('site/') || code === 'vault/bad-site' || code === 'protocol/bad-sites') return 'sites';
  const key = 'key' in text ? text.key : '';
  // Prefixes of key families, not keys: regular expressions, so the key scan in test/error-texts.test.ts skips them.
  if (/^error_otp_secret/.test(key)) return 'secret';
  if (key === 'error_otp_bad_digits') return 'digits';
  if (key === 'error_otp_bad_period') return 'period';
  if (key === 'error_otp_bad_counter') return 'counter';
  if (/^error_otp_name_/.test(key)) return mentions(text, 'error_otp_name_issuer') ? 'issuer' : 'account-name';
  return undefined;
}

/** Whether an error is about a passphrase just typed: the one already set (`current`), or a new one being chosen (`new`). */
export function passphraseFieldOf(error: unknown): 'current' | 'new' | undefined {
  if (!(error instanceof PortalError)) return undefined;
  if (error.code === 'vault/wrong-passphrase') return 'current';
  if (error.code.startsWith('vault/passphrase-') || error.code === 'policy/passphrase-too-short') return 'new';
  return undefined;
}
