/** A rough verdict on a new passphrase, shown as a hint while it is typed. */
export type PassphraseStrength = 'empty' | 'weak' | 'fair' | 'strong';

/** Estimates the guessing entropy in bits from length and character classes; a hint, not a guarantee. */
export function estimatePassphraseBits(passphrase: string): number {
  const chars = [...passphrase];
  if (chars.length === 0) return 0;
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) pool += 33;
  const unique = new Set(chars).size;
  // Repeats ("aaaaaaaa", "abcabcabc") add length without adding much to guess.
  const effectiveLength = Math.min(chars.length, unique * 2);
  return effectiveLength * Math.log2(Math.max(pool, 2));
}

/** The first passwords every guesser tries; containing one makes a passphrase weak whatever its length. */
const NOTORIOUS = /passw(o|0)rd|qwerty|letmein|welcome|123456|abc123|iloveyou|admin/i;

/**
 * Rates a passphrase: under ~50 bits is weak, under ~80 fair, above that strong. Character-class estimates flatter
 * "Tr0ub4dor&3"-style passwords, hence the high bar; four random words pass it.
 */
export function ratePassphrase(passphrase: string): PassphraseStrength {
  if (passphrase.length === 0) return 'empty';
  const bits = estimatePassphraseBits(passphrase);
  if (bits < 50 || NOTORIOUS.test(passphrase)) return 'weak';
  if (bits < 80) return 'fair';
  return 'strong';
}
