/** Splits a code in two groups for reading aloud: `123 456`, `1234 5678`, `123 4567`. */
export function groupCode(code: string): string {
  if (code.length < 6) return code;
  const head = Math.floor(code.length / 2);
  return `${code.slice(0, head)} ${code.slice(head)}`;
}

/** A placeholder with the code's shape, for HOTP codes not yet revealed: `••• •••`. */
export function maskCode(digits: number): string {
  return groupCode('•'.repeat(Math.max(1, digits)));
}
