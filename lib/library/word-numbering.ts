/**
 * Word ids for the words of many texts, fast. A text is cut at its spaces
 * into pieces; a dataset of 100,000 segments has ~8 million pieces but only a
 * few thousand distinct ones ("model", "model,", "GPT-4"), so each piece is
 * hashed as it is scanned and looked up in a table of the pieces seen (typed
 * arrays: no string is cut out of the text and no object made per piece).
 * Only a new piece goes through `scanWords` and the normalization (lower
 * case, accents folded). A word never holds a space, so the words of a text
 * are the words of its pieces, in order.
 *
 * A piece is known by two independent 32-bit hashes and its length, not by
 * comparing its characters again (that compare cost as much as the scan):
 * two distinct pieces of one library agree on all three with a chance of
 * about n²/2⁶⁵, 1 in 400 million for 300,000 distinct pieces; were it to
 * happen, one of them would be indexed under the other's words. Both hashes
 * start from a seed drawn for each numbering, so a dataset file cannot be
 * made to collide on purpose, nor to pile its pieces into one run of the
 * table and make every look-up walk it (an import frozen for minutes).
 * The seed only places pieces in the table: the ids, and so the index, are
 * the same whatever it is.
 */
import { normalizeText } from '../transcript/search';
import type { GrowableUint32 } from './growable-array';
import { scanWords } from './scan-words';

const SPACE = 0x20;
/** FNV-1a, and a multiplicative hash with MurmurHash2's constant: independent enough for text. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const MURMUR_M = 0x5bd1e995;
const INITIAL_SLOTS = 1 << 12;
/** No entry is this low: `manyIds` would need 2³¹ ids. */
const NOT_FOUND = -0x8000_0000;

/** Where `numberWords` writes a text's words. */
export interface NumberedText {
  /** Every word's id, in order. */
  tokens: GrowableUint32;
  /** Each distinct word's id once, in order of first occurrence in the text. */
  distinct: GrowableUint32;
}

export interface WordNumbering {
  /** Appends the ids of `text`'s words to `into`. Side effect: on `into` and the numbering only. */
  numberWords: (text: string, into: NumberedText) => void;
  /** The words, by id (ids count up from 0 as words are first seen). */
  readonly words: readonly string[];
}

/** `array`, or a copy of it at least `needed` long. */
function grown(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Two random 32-bit numbers. */
function drawSeed(): readonly [number, number] {
  const [first = 0, second = 0] = crypto.getRandomValues(new Int32Array(2));
  return [first, second];
}

/** An empty numbering. Pure apart from its own state (and the seed it draws unless given one). */
export function createWordNumbering({ seed = drawSeed() }: { seed?: readonly [number, number] } = {}): WordNumbering {
  const [fnvStart, mix] = [FNV_OFFSET ^ seed[0], seed[1]];
  const idByWord = new Map<string, number>();
  const words: string[] = [];
  // The pieces seen, open addressing, kept at most half full: per slot its
  // hashes, its length (0: empty) and its words: one id (≥ 0), or -1 - k for
  // the several (or no) ids at `manyIds[k + 1 …]`, `manyIds[k]` of them.
  let table = new Int32Array(INITIAL_SLOTS * 4);
  let mask = INITIAL_SLOTS - 1;
  let pieceCount = 0;
  let manyIds = new Int32Array(256);
  let manyLength = 0;
  // Per word id, the last text it was seen in: a word is `distinct` once per text.
  let seenIn = new Int32Array(1_024);
  let textNumber = 0;

  const numberWord = (word: string): number => {
    let id = idByWord.get(word);
    if (id === undefined) {
      id = words.length;
      idByWord.set(word, id);
      words.push(word);
      seenIn = grown(seenIn, words.length);
    }
    return id;
  };

  const place = (into: Int32Array, intoMask: number, hash: number, hash2: number, length: number, entry: number): void => {
    let slot = hash & intoMask;
    while (into[slot * 4 + 2] !== 0) slot = (slot + 1) & intoMask;
    into[slot * 4] = hash;
    into[slot * 4 + 1] = hash2;
    into[slot * 4 + 2] = length;
    into[slot * 4 + 3] = entry;
  };

  function addPiece(piece: string, hash: number, hash2: number): number {
    const found: number[] = [];
    scanWords(piece, (start, end) => found.push(numberWord(normalizeText(piece.slice(start, end)))));
    let entry: number;
    if (found.length === 1) entry = found[0]!;
    else {
      manyIds = grown(manyIds, manyLength + found.length + 1);
      entry = -1 - manyLength;
      manyIds[manyLength] = found.length;
      manyIds.set(found, manyLength + 1);
      manyLength += found.length + 1;
    }
    pieceCount += 1;
    if (pieceCount * 2 > mask + 1) {
      const bigger = new Int32Array(table.length * 2);
      const biggerMask = (mask << 1) | 1;
      for (let at = 0; at < table.length; at += 4) {
        if (table[at + 2] !== 0) place(bigger, biggerMask, table[at]!, table[at + 1]!, table[at + 2]!, table[at + 3]!);
      }
      table = bigger;
      mask = biggerMask;
    }
    place(table, mask, hash, hash2, piece.length, entry);
    return entry;
  }

  /** The entry of the piece with these hashes and length, or `NOT_FOUND`. */
  function findPiece(hash: number, hash2: number, length: number): number {
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 4;
      const stored = table[at + 2]!;
      if (stored === 0) return NOT_FOUND;
      if (table[at] === hash && table[at + 1] === hash2 && stored === length) return table[at + 3]!;
    }
  }

  function numberWords(text: string, { tokens, distinct }: NumberedText): void {
    const length = text.length;
    textNumber = (textNumber + 1) | 0;
    const stamp = textNumber;
    // A word takes a character, and another one ends it.
    const room = (length >> 1) + 1;
    const ids = tokens.reserve(room);
    const firsts = distinct.reserve(room);
    let count = tokens.length;
    let firstCount = distinct.length;
    for (let start = 0; start < length; ) {
      // One pass finds the piece's end and hashes it.
      let hash = fnvStart;
      let hash2 = mix;
      let end = start;
      for (; end < length; end += 1) {
        const code = text.charCodeAt(end);
        if (code === SPACE) break;
        hash = Math.imul(hash ^ code, FNV_PRIME);
        hash2 = Math.imul(hash2 + (code ^ mix), MURMUR_M);
      }
      if (end > start) {
        let entry = findPiece(hash, hash2, end - start);
        if (entry === NOT_FOUND) entry = addPiece(text.slice(start, end), hash, hash2);
        if (entry >= 0) {
          ids[count] = entry;
          count += 1;
          if (seenIn[entry] !== stamp) {
            seenIn[entry] = stamp;
            firsts[firstCount] = entry;
            firstCount += 1;
          }
        } else {
          const at = -1 - entry;
          for (let k = at + 1; k <= at + manyIds[at]!; k += 1) {
            const id = manyIds[k]!;
            ids[count] = id;
            count += 1;
            if (seenIn[id] !== stamp) {
              seenIn[id] = stamp;
              firsts[firstCount] = id;
              firstCount += 1;
            }
          }
        }
      }
      start = end + 1;
    }
    tokens.setLength(count);
    distinct.setLength(firstCount);
  }

  return { numberWords, words };
}
