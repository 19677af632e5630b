import { otpError } from './errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Padding needed after n % 8 data characters; undefined marks lengths no byte string encodes to. */
const PADDING_FOR_REMAINDER: readonly (number | undefined)[] = [0, undefined, 6, undefined, 4, 3, undefined, 1];

const LOOKALIKES: Record<string, string> = { '0': 'the letter O', '1': 'the letter I or L', '8': 'the letter B', '9': 'the letter g' };

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
function describeBadCharacter(text: string): string {
  const chars = Array.from(text);
  const index = chars.findIndex((c) => !/^[A-Za-z2-7=]$/.test(c));
  const char = chars[index] ?? '';
  const hint = LOOKALIKES[char] ? ` ("${char}" is not used in base32; did you mean ${LOOKALIKES[char]}?)` : '';
  return `The secret key has a character that is not allowed at position ${index + 1}${hint}. A key uses only the letters A–Z and the digits 2–7.`;
}

/** Decodes RFC 4648 base32 in either case, with correct padding or none; anything else is an OtpError. */
export function decodeBase32(text: string): Uint8Array {
  // Checked on the original text so that characters such as ß or ı, which upper-case into the alphabet, are refused.
  if (!/^[A-Za-z2-7]*=*$/.test(text)) {
    if (/^[A-Za-z2-7=]*$/.test(text)) {
      throw otpError('otp/bad-secret', 'The secret key has "=" padding in the middle. Padding may only appear at the end, or be left out.');
    }
    throw otpError('otp/bad-secret', describeBadCharacter(text));
  }
  const data = text.replace(/=+$/, '');
  const padLength = text.length - data.length;
  const expectedPad = PADDING_FOR_REMAINDER[data.length % 8];
  if (expectedPad === undefined) {
    throw otpError('otp/bad-secret', `The secret key has ${data.length} characters, a length no key can have (it looks cut short or has an extra character). Check that it was copied completely.`);
  }
  if (padLength !== 0 && padLength !== expectedPad) {
    throw otpError('otp/bad-secret', `The secret key ends with ${padLength} "=" signs but should have ${expectedPad} (or none).`);
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
