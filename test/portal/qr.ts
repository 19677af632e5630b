import QRCode from 'qrcode';

/** The portal's issuer, as shown in authenticator apps. */
export const ISSUER = 'Acme Corp';

/** The enrolment URI the QR code carries, in the Key Uri Format: `otpauth://totp/Acme%20Corp:alice%40example.com?secret=…&issuer=Acme%20Corp`. */
export function buildOtpauthUri(email: string, secretBase32: string): string {
  const label = `${encodeURIComponent(ISSUER)}:${encodeURIComponent(email)}`;
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(ISSUER)}`;
}

/** The key as people type it: groups of four, e.g. `JBSW Y3DP EHPK 3PXP`. */
export function groupKey(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A PNG data URL of the QR code, with the standard four-module quiet zone so scanners find it. */
export function renderQrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, scale: 6, type: 'image/png' });
}
