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
  private escaped = false;

  /**
   * Index of the first `{ } [ ] ,` outside strings in `text[from, end)`, or
   * -1 when there is none; a string left open carries over to the next call.
   */
  next(text: string, from: number, end = text.length): number {
    for (let i = from; i < end; i += 1) {
      const code = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) this.inString = false;
      } else if (code === QUOTE) {
        this.inString = true;
      } else if (code === COMMA || isOpening(code) || isClosing(code)) {
        return i;
      }
    }
    return -1;
  }
}
