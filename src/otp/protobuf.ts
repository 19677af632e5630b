import { otpError } from './errors';
import { nameFieldText } from './names';

// Protocol Buffers wire types (https://protobuf.dev/programming-guides/encoding/).
/** Wire type of varint fields (ints, enums). */
export const WIRE_VARINT = 0;
/** Wire type of fixed 8-byte fields. */
export const WIRE_FIXED64 = 1;
/** Wire type of length-delimited fields (bytes, strings, messages). */
export const WIRE_LEN = 2;
/** Wire type of fixed 4-byte fields. */
export const WIRE_FIXED32 = 5;

// Why the export data is damaged: English words and the message key saying the same.
const DAMAGE = {
  'ends-in-number': ['it ends in the middle of a number', 'error_otp_export_damage_ends_in_number'],
  'number-too-large': ['a number is larger than 64 bits', 'error_otp_export_damage_number_too_large'],
  'bad-field-number': ['a field number is invalid', 'error_otp_export_damage_field_number'],
  'ends-in-field': ['it ends in the middle of a field', 'error_otp_export_damage_ends_in_field'],
  'wrong-kind': ['a field has the wrong kind', 'error_otp_export_damage_wrong_kind'],
  'unknown-kind': ['it uses an unsupported wire type', 'error_otp_export_damage_unknown_kind'],
} as const;

/** Refuses damaged export data, saying how it is damaged. */
export function damaged(why: keyof typeof DAMAGE): never {
  const [english, key] = DAMAGE[why];
  throw otpError('otp/bad-migration', `The export data is damaged (${english}). Scan the export QR code again.`, {
    key: 'error_otp_export_damaged',
    subs: [{ key }],
  });
}

/** A minimal protobuf reader over untrusted bytes: every read is bounds-checked and fails with an OtpError. */
export class ProtoReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** True when every byte has been read. */
  done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Reads a base-128 varint of up to 64 bits as an unsigned bigint. */
  readVarint(): bigint {
    let value = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) damaged('ends-in-number');
      // The tenth byte may carry only the 64th bit.
      if (i === 9 && byte > 1) damaged('number-too-large');
      value |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return value;
    }
    return damaged('number-too-large');
  }

  /** Reads a field key and splits it into field number and wire type. */
  readKey(): { field: number; wireType: number } {
    const key = this.readVarint();
    const field = Number(key >> 3n);
    if (field === 0 || key > 0xffffffffn) damaged('bad-field-number');
    return { field, wireType: Number(key & 7n) };
  }

  /** Reads a length-delimited field's bytes (a view, not a copy). */
  readBytes(): Uint8Array {
    const length = this.readVarint();
    if (length > BigInt(this.bytes.length - this.pos)) damaged('ends-in-field');
    const start = this.pos;
    this.pos += Number(length);
    return this.bytes.subarray(start, this.pos);
  }

  /** Reads a UTF-8 string, refusing bytes that are not valid UTF-8 instead of replacing them. */
  readString(what: 'issuer' | 'account name'): string {
    const bytes = this.readBytes();
    try {
      // ignoreBOM keeps a leading U+FEFF as part of the name rather than silently dropping it.
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw otpError('otp/bad-migration', `The ${what} in the export is not valid UTF-8 text. Scan the export QR code again.`, {
        key: 'error_otp_export_not_utf8',
        subs: [nameFieldText(what)],
      });
    }
  }

  /** Skips a field this reader does not know, so newer exporters' extra fields are tolerated. */
  skip(wireType: number): void {
    const skipFixed = (n: number) => {
      if (this.pos + n > this.bytes.length) damaged('ends-in-field');
      this.pos += n;
    };
    if (wireType === WIRE_VARINT) this.readVarint();
    else if (wireType === WIRE_FIXED64) skipFixed(8);
    else if (wireType === WIRE_LEN) this.readBytes();
    else if (wireType === WIRE_FIXED32) skipFixed(4);
    else damaged('unknown-kind');
  }
}

/** A minimal protobuf writer for the fields the migration payload uses. */
export class ProtoWriter {
  private readonly chunks: number[] = [];

  /** Writes a varint; negative numbers take ten bytes as 64-bit two's complement, as protobuf int32/int64 do. */
  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.chunks.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.chunks.push(Number(v));
    return this;
  }

  /** Writes a varint field. */
  varintField(field: number, value: number | bigint): this {
    return this.varint(field * 8 + WIRE_VARINT).varint(value);
  }

  /** Writes a length-delimited field. */
  bytesField(field: number, bytes: Uint8Array): this {
    this.varint(field * 8 + WIRE_LEN).varint(bytes.length);
    for (const b of bytes) this.chunks.push(b);
    return this;
  }

  /** Writes a UTF-8 string field. */
  stringField(field: number, text: string): this {
    return this.bytesField(field, new TextEncoder().encode(text));
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}
