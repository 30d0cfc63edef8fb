/**
 * The little protobuf YouTube's `params` need: varint and length-delimited
 * fields, written by hand (a protobuf library would be 30 kB for ten lines).
 * Pure.
 */

/** One field: a number (varint, wire type 0), or bytes / a string / a nested message (wire type 2). */
export type ProtoField =
  | { field: number; varint: number }
  | { field: number; text: string }
  | { field: number; message: readonly ProtoField[] };

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;

/** Base-128 varint of a non-negative safe integer, least significant group first. */
export function encodeVarint(value: number): number[] {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a varint: ${value}`);
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

/** Serializes fields in the order given. */
export function encodeMessage(fields: readonly ProtoField[]): number[] {
  const bytes: number[] = [];
  for (const entry of fields) {
    if ('varint' in entry) {
      bytes.push(...encodeVarint(entry.field * 8 + WIRE_VARINT), ...encodeVarint(entry.varint));
      continue;
    }
    const payload = 'text' in entry ? [...new TextEncoder().encode(entry.text)] : encodeMessage(entry.message);
    bytes.push(...encodeVarint(entry.field * 8 + WIRE_LENGTH_DELIMITED), ...encodeVarint(payload.length), ...payload);
  }
  return bytes;
}

/** Standard base64 (with padding), as YouTube's `params` are written. */
export function encodeBase64(bytes: readonly number[]): string {
  return btoa(String.fromCharCode(...bytes));
}
