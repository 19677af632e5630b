import type { TextSub } from '../translatable';
import { otpError } from './errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Padding needed after n % 8 data characters; undefined marks lengths no byte string encodes to. */
const PADDING_FOR_REMAINDER: readonly (number | undefined)[] = [0, undefined, 6, undefined, 4, 3, undefined, 1];

// Digits that are not base32, and the letters people mistake them for.
const LOOKALIKES: Record<string, string[]> = { '0': ['O'], '1': ['I', 'L'], '8': ['B'], '9': ['g'] };

/** Encodes bytes as RFC 4648 §6 base32 (upper case); padding is left off unless asked for. */
export function encodeBase32(bytes: Uint8Array, { padding = false }: { padding?: boolean } = {}): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  if (padding) out += '='.repeat(PADDING_FOR_REMAINDER[out.length % 8] ?? 0);
  return out;
}

/** Explains the first character that is not base32, naming only characters that cannot belong to a key. */
function badCharacterError(text: string) {
  const chars = Array.from(text);
  const index = chars.findIndex((c) => !/^[A-Za-z2-7=]$/.test(c));
  const char = chars[index] ?? '';
  const letters = LOOKALIKES[char];
  if (!letters) {
    return otpError(
      'otp/bad-secret',
      `The secret key has a character that is not allowed at position ${index + 1}. A key uses only the letters A–Z and the digits 2–7.`,
      { key: 'error_otp_secret_bad_char', subs: [index + 1] },
    );
  }
  const [first, second] = letters as [string, string?];
  const meant: TextSub = second ? { key: 'error_otp_letters', subs: [first, second] } : { key: 'error_otp_letter', subs: [first] };
  const english = second ? `the letter ${first} or ${second}` : `the letter ${first}`;
  return otpError(
    'otp/bad-secret',
    `The secret key has a character that is not allowed at position ${index + 1} ("${char}" is not used in base32; did you mean ${english}?). A key uses only the letters A–Z and the digits 2–7.`,
    { key: 'error_otp_secret_bad_char_lookalike', subs: [index + 1, char, meant] },
  );
}

/** Decodes RFC 4648 base32 in either case, with correct padding or none; anything else is an OtpError. */
export function decodeBase32(text: string): Uint8Array {
  // Checked on the original text so that characters such as ß or ı, which upper-case into the alphabet, are refused.
  if (!/^[A-Za-z2-7]*=*$/.test(text)) {
    if (/^[A-Za-z2-7=]*$/.test(text)) {
      throw otpError('otp/bad-secret', 'The secret key has "=" padding in the middle. Padding may only appear at the end, or be left out.', {
        key: 'error_otp_secret_padding_middle',
      });
    }
    throw badCharacterError(text);
  }
  const data = text.replace(/=+$/, '');
  const padLength = text.length - data.length;
  const expectedPad = PADDING_FOR_REMAINDER[data.length % 8];
  if (expectedPad === undefined) {
    throw otpError(
      'otp/bad-secret',
      `The secret key has a length no key can have (${data.length}): it looks cut short or has an extra character. Check that it was copied completely.`,
      { key: 'error_otp_secret_bad_length', subs: [data.length] },
    );
  }
  if (padLength !== 0 && padLength !== expectedPad) {
    throw otpError('otp/bad-secret', `The secret key ends with the wrong number of "=" signs (${padLength}; it should be ${expectedPad}, or none).`, {
      key: 'error_otp_secret_bad_padding',
      subs: [padLength, expectedPad],
    });
  }
  const upper = data.toUpperCase();
  const out = new Uint8Array(Math.floor((data.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of upper) {
    buffer = ((buffer << 5) | ALPHABET.indexOf(char)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}
