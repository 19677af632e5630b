/** Splits a code in two groups for reading aloud: `123 456`, `1234 5678`, `123 4567`. */
export function groupCode(code: string): string {
  if (code.length < 6) return code;
  const head = Math.floor(code.length / 2);
  return `${code.slice(0, head)} ${code.slice(head)}`;
}

/** A code as a screen reader should say it: digit by digit (`1 2 3 4 5 6`), never as one large number. */
export function spellCode(code: string): string {
  return [...code].join(' ');
}

/** Keeps a code left to right inside a sentence of a right-to-left language (Unicode isolates: LRI … PDI). */
export function isolateLtr(text: string): string {
  return `\u2066${text}\u2069`;
}

/** A placeholder with the code's shape, for HOTP codes not yet revealed: `••• •••`. */
export function maskCode(digits: number): string {
  return groupCode('•'.repeat(Math.max(1, digits)));
}
