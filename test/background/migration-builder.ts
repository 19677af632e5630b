/**
 * Writes Google Authenticator export URIs (otpauth-migration://offline?data=…) by hand, field by field,
 * so the tests do not depend on the product's own encoder.
 */
export interface MigrationEntry {
  secret: Uint8Array;
  name: string;
  issuer: string;
  /** 1 = HOTP, 2 = TOTP */
  type?: 1 | 2;
  counter?: number;
}

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

function lengthField(field: number, bytes: Uint8Array | number[]): number[] {
  return [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes];
}

function varintField(field: number, value: number): number[] {
  return [...varint(field << 3), ...varint(value)];
}

const utf8 = (text: string) => Array.from(new TextEncoder().encode(text));

/** One export part holding `entries`, as part `index` (0-based) of `size` parts of export `batchId`. */
export function migrationUri(entries: MigrationEntry[], index = 0, size = 1, batchId = 1234): string {
  const bytes: number[] = [];
  for (const e of entries) {
    const params = [
      ...lengthField(1, e.secret),
      ...lengthField(2, utf8(e.issuer ? `${e.issuer}:${e.name}` : e.name)),
      ...lengthField(3, utf8(e.issuer)),
      ...varintField(4, 1), // SHA1
      ...varintField(5, 1), // six digits
      ...varintField(6, e.type ?? 2),
      ...(e.type === 1 ? varintField(7, e.counter ?? 0) : []),
    ];
    bytes.push(...lengthField(1, params));
  }
  bytes.push(...varintField(2, 1), ...varintField(3, size), ...varintField(4, index), ...varintField(5, batchId));
  return `otpauth-migration://offline?data=${encodeURIComponent(btoa(String.fromCharCode(...bytes)))}`;
}
