/**
 * Reading the index's parts in a query's hot loops: a word's docs across
 * every part, and whether a doc holds a phrase. The varints are decoded
 * inline (a call per number would cost more than the number).
 */
import type { LibraryIndexPart } from './index-part';

/** Position of `id` in a part's sorted `postingWords`, or -1. */
export function findPostingWord(postingWords: Uint32Array, id: number): number {
  let low = 0;
  let high = postingWords.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (postingWords[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low < postingWords.length && postingWords[low] === id ? low : -1;
}

/** The part holding `doc` (parts in doc order, `doc` within them). */
export function findPart(parts: readonly LibraryIndexPart[], doc: number): LibraryIndexPart {
  let low = 0;
  let high = parts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (parts[mid]!.firstDoc <= doc) low = mid;
    else high = mid - 1;
  }
  return parts[low]!;
}

/** The word ids of one doc, in order. */
export function readDocWords(parts: readonly LibraryIndexPart[], doc: number): Uint16Array | Uint32Array {
  const part = findPart(parts, doc);
  const local = doc - part.firstDoc;
  return part.tokens.subarray(part.tokenStart[local], part.tokenStart[local + 1]);
}

/** Writes the docs holding word `id` into `into` from `at`, ascending; returns the position after the last. */
export function decodeDocs(parts: readonly LibraryIndexPart[], id: number, into: Uint32Array, at: number): number {
  let n = at;
  for (const { postingWords, postingStart, postingDocs, firstDoc } of parts) {
    const j = findPostingWord(postingWords, id);
    if (j < 0) continue;
    let doc = firstDoc - 1;
    for (let p = postingStart[j]!; p < postingStart[j + 1]!; ) {
      let byte = postingDocs[p]!;
      p += 1;
      let gap = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = postingDocs[p]!;
        p += 1;
        gap |= (byte & 0x7f) << shift;
      }
      doc += gap;
      into[n] = doc;
      n += 1;
    }
  }
  return n;
}

/**
 * Whether the doc holds the query's words one after the other (only spaces or
 * punctuation between): shift-and, one step per word; bit w of the state says
 * the words so far end with query words 0 to w.
 */
export function holdsPhrase(part: LibraryIndexPart, local: number, masks: Int32Array, goal: number): boolean {
  const { tokens } = part;
  const end = part.tokenStart[local + 1]!;
  let state = 0;
  for (let p = part.tokenStart[local]!; p < end; p += 1) {
    state = ((state << 1) | 1) & masks[tokens[p]!]!;
    if ((state & goal) !== 0) return true;
  }
  return false;
}
