import type { PasskeyStatus, PasskeyView } from '../messages';
import type { PasskeySupport, PasskeyUnavailableReason, UserVerification } from './passkey-ceremony';
import type { MessageKey } from './i18n';

/** Why the locked screen does not offer a passkey: the organisation, the browser, or no passkey to use. */
export type PasskeyWithheld = PasskeyUnavailableReason | 'policy' | 'none-registered' | 'verification-required';

/** Whether the locked screen offers passkey unlock, with the passkeys to ask for, or why not. */
export type PasskeyOffer =
  | { offered: true; passkeys: PasskeyView[]; userVerification: UserVerification }
  | { offered: false; reason: PasskeyWithheld };

/** The plain explanation of each reason, as a message key. */
export const WITHHELD_TEXT: Record<PasskeyWithheld, MessageKey> = {
  policy: 'passkey_unavailable_policy',
  'no-webauthn': 'passkey_unavailable_no_webauthn',
  'extension-origin': 'passkey_unavailable_extension_origin',
  'no-prf': 'passkey_unavailable_no_prf',
  'none-registered': 'passkey_unavailable_none',
  'verification-required': 'passkey_unavailable_verification',
};

/**
 * Decides the offer: the organisation first (a forbidden passkey is not offered even where it would work), then
 * the browser, then the passkeys themselves (under required verification only those added with verification).
 */
export function decidePasskeyOffer(status: PasskeyStatus, support: PasskeySupport): PasskeyOffer {
  if (!status.allowed) return { offered: false, reason: 'policy' };
  if (!support.available) return { offered: false, reason: support.reason };
  if (status.passkeys.length === 0) return { offered: false, reason: 'none-registered' };
  const usable = status.requireUserVerification ? status.passkeys.filter((p) => p.userVerified) : status.passkeys;
  if (usable.length === 0) return { offered: false, reason: 'verification-required' };
  return { offered: true, passkeys: usable, userVerification: status.requireUserVerification ? 'required' : 'preferred' };
}
