/**
 * The words of a text, found by scanning character codes: the same words as
 * the panel's `WORD_PATTERN` (letters and digits, with inner apostrophes),
 * without the Unicode regular expression's match objects.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;

/** 1 for ASCII letters and digits: most text is ASCII, and a table read is cheaper than a call. */
const ASCII_WORD_CHAR = new Uint8Array(0x80);
for (let code = 0; code < 0x80; code += 1) {
  ASCII_WORD_CHAR[code] = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
}

/** Length (1 or 2 code units) of the letter or digit at `i`, or 0. */
function wordCharLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0x80) return ASCII_WORD_CHAR[code]!;
  const point = text.codePointAt(i)!;
  const length = point > 0xffff ? 2 : 1;
  return LETTER_OR_DIGIT.test(text.slice(i, i + length)) ? length : 0;
}

/** Calls `onWord(start, end)` for each word of `text`, in order. Pure apart from the callback. */
export function scanWords(text: string, onWord: (start: number, end: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    let step = code < 0x80 ? ASCII_WORD_CHAR[code]! : wordCharLength(text, i);
    if (step === 0) {
      i += 1;
      continue;
    }
    const start = i;
    for (;;) {
      i += step;
      const next = text.charCodeAt(i); // NaN past the end: no word char, no apostrophe
      step = next < 0x80 ? ASCII_WORD_CHAR[next]! : wordCharLength(text, i);
      if (step > 0) continue;
      // An apostrophe joins two runs of letters ("don't"), and only then.
      if ((next === APOSTROPHE || next === RIGHT_SINGLE_QUOTE) && wordCharLength(text, i + 1) > 0) {
        i += 1;
        step = wordCharLength(text, i);
        continue;
      }
      break;
    }
    onWord(start, i);
  }
}
