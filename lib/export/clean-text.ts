/** Untrusted text reduced to one clean line. Pure. */

// Control and format characters (C0/C1 controls, bidi overrides, zero-width joiners…):
// invisible, and able to reorder or hide what a reader sees.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Every kind of whitespace, line and paragraph separators included.
const WHITESPACE = /[\s\u2028\u2029]+/gu;

/** The text on one line: whitespace runs become one space, invisible characters go, ends trimmed. */
export function toSingleLine(text: string): string {
  return text.replace(WHITESPACE, ' ').replace(INVISIBLE, '').replace(WHITESPACE, ' ').trim();
}
