/**
 * Finds the structural characters of JSON text that arrives in pieces:
 * brackets, braces and commas outside strings. It only skips strings (with
 * their escapes); what lies between is left to `JSON.parse`. No side effects.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

export function isOpening(code: number): boolean {
  return code === OPEN_BRACKET || code === OPEN_BRACE;
}

export function isClosing(code: number): boolean {
  return code === CLOSE_BRACKET || code === CLOSE_BRACE;
}

export class JsonStructureScanner {
  private inString = false;
  /** The text so far ends inside a string on an unpaired backslash. */
  private escaped = false;

  /**
   * Index of the first `{ } [ ] ,` outside strings in `text[from, end)`, or
   * -1 when there is none; a string left open carries over to the next call.
   */
  next(text: string, from: number, end = text.length): number {
    let i = from;
    while (i < end) {
      if (this.inString) {
        i = this.skipString(text, i, end);
        continue;
      }
      const code = text.charCodeAt(i);
      if (code === QUOTE) this.inString = true;
      else if (code === COMMA || isOpening(code) || isClosing(code)) return i;
      i += 1;
    }
    return -1;
  }

  /** Jumps to just after the closing quote (most of a row's text is strings), or to `end`. */
  private skipString(text: string, from: number, end: number): number {
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i += 1;
    }
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote < 0 || quote >= end) {
        this.escaped = countBackslashesBefore(text, end, i) % 2 === 1;
        return end;
      }
      // A quote after an odd run of backslashes is part of the string.
      if (countBackslashesBefore(text, quote, i) % 2 === 0) {
        this.inString = false;
        return quote + 1;
      }
      i = quote + 1;
    }
  }
}

/** Backslashes just before `index`, not looking before `floor`. */
function countBackslashesBefore(text: string, index: number, floor: number): number {
  let count = 0;
  while (index - count - 1 >= floor && text.charCodeAt(index - count - 1) === BACKSLASH) count += 1;
  return count;
}
