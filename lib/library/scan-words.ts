/**
 * The words of a text, found by scanning character codes: the same words as
 * the panel's `WORD_PATTERN` (letters and digits, with inner apostrophes),
 * several times faster over the ~40 MB of a large dataset than the Unicode
 * regular expression, whose match objects dominate an index build. Each word
 * comes with a hash of its code units, so a caller can look it up without
 * cutting it out of the text.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

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

/** FNV-1a of `text[start, end)`, as `scanWords` computes it while scanning. Pure. */
export function hashSpelling(text: string, start = 0, end = text.length): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** Calls `onWord(start, end, hash)` for each word of `text`, in order. Pure apart from the callback. */
export function scanWords(text: string, onWord: (start: number, end: number, hash: number) => void): void {
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
    let hash = FNV_OFFSET;
    for (;;) {
      hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
      if (step === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
      i += step;
      const next = text.charCodeAt(i); // NaN past the end: no word char, no apostrophe
      step = next < 0x80 ? ASCII_WORD_CHAR[next]! : wordCharLength(text, i);
      if (step > 0) continue;
      // An apostrophe joins two runs of letters ("don't"), and only then.
      if ((next === APOSTROPHE || next === RIGHT_SINGLE_QUOTE) && wordCharLength(text, i + 1) > 0) {
        hash = Math.imul(hash ^ next, FNV_PRIME);
        i += 1;
        step = wordCharLength(text, i);
        continue;
      }
      break;
    }
    onWord(start, i, hash >>> 0);
  }
}
