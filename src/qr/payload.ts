import type { Translatable } from '../translatable';

/** What a decoded QR code holds, as far as enrolment cares. */
export type QrPayloadKind = 'otpauth' | 'otpauth-migration' | 'url' | 'text';

/** A decoded QR payload and its kind. */
export interface ClassifiedQrPayload {
  kind: QrPayloadKind;
  text: string;
}

/** Sorts a decoded QR text into an authenticator key URI, a Google Authenticator export batch, a web link or plain text. */
export function classifyQrPayload(text: string): ClassifiedQrPayload {
  const trimmed = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'otpauth' && /^otpauth:\/\//i.test(trimmed)) return { kind: 'otpauth', text: trimmed };
  if (scheme === 'otpauth-migration' && /^otpauth-migration:\/\//i.test(trimmed)) {
    return { kind: 'otpauth-migration', text: trimmed };
  }
  if ((scheme === 'http' || scheme === 'https') && isParsableUrl(trimmed)) return { kind: 'url', text: trimmed };
  return { kind: 'text', text };
}

/** True for the kinds the OTP engine can turn into accounts. */
export function isAuthenticatorPayloadKind(kind: QrPayloadKind): boolean {
  return kind === 'otpauth' || kind === 'otpauth-migration';
}

/** What a payload was read from: a QR code, or a line of pasted or imported text. */
export type PayloadSubject = 'qr' | 'line';

const SUBJECTS: Record<PayloadSubject, Translatable> = { qr: { key: 'payload_subject_qr' }, line: { key: 'payload_subject_line' } };

/** A message for a person explaining that the QR code found is not an authenticator code, showing a short safe preview. */
export function describeNonAuthenticatorQr(kind: QrPayloadKind, text: string, subject: PayloadSubject = 'qr'): Translatable {
  const what = SUBJECTS[subject];
  // Never echo a key URI: it carries the secret.
  if (isAuthenticatorPayloadKind(kind)) return { key: 'payload_is_authenticator', subs: [what] };
  if (kind === 'url') return { key: 'payload_is_link', subs: [what, previewUrl(text)] };
  // A bare key is a secret too: say what it is without repeating it.
  if (looksLikeBareSecret(text)) return { key: 'payload_is_bare_secret', subs: [what] };
  return { key: 'payload_is_text', subs: [what, previewText(text)] };
}

function looksLikeBareSecret(text: string): boolean {
  const compact = text.replace(/[\s-]/g, '');
  // Keys are written whole or in groups of four; a sentence of words is not a key however few its letters.
  const groups = text.trim().split(/[\s-]+/);
  const grouped = groups.length === 1 || groups.slice(0, -1).every((g) => g.length === 4);
  return grouped && compact.length >= 16 && /^[A-Z2-7]+=*$/i.test(compact);
}

function isParsableUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

// Only the origin and the start of the path: activation links may carry one-time tokens in the query.
function previewUrl(text: string): string {
  try {
    const url = new URL(text.trim());
    const path = url.pathname.length > 24 ? `${url.pathname.slice(0, 24)}…` : url.pathname;
    const rest = url.search || url.hash ? '…' : '';
    return `${url.origin}${path === '/' && !rest ? '' : path}${rest}`;
  } catch {
    return previewText(text);
  }
}

function previewText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}
