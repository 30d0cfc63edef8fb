/**
 * Word ids for the words of many texts, fast. A text is cut at its spaces
 * into pieces; a dataset of 100,000 segments has ~8 million pieces but only a
 * few thousand distinct ones ("model", "model,", "GPT-4"), so each piece is
 * hashed as it is scanned and looked up in a table of the pieces seen (typed
 * arrays: no string is cut out of the text and no object made per piece).
 * The scan reads the text as UTF-8 bytes (`encodeInto`, one fast copy) two
 * at a time: a byte is a cheaper read than a character, and the hashes'
 * chains of multiplications are half as long (~20% less time in all).
 * Only a new piece goes through `scanWords` and the normalization (lower
 * case, accents folded). A word never holds a space, so the words of a text
 * are the words of its pieces, in order.
 *
 * A piece is known by two independent 32-bit hashes and its byte length, not by
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

  function addPiece(piece: string, hash: number, hash2: number, byteLength: number): number {
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
    place(table, mask, hash, hash2, byteLength, entry);
    return entry;
  }

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let bytes = new Uint8Array(4_096);

  function numberWords(text: string, { tokens, distinct }: NumberedText): void {
    const length = text.length;
    // The text as UTF-8 and a space after it: a piece's scan stops at a space, never at the end.
    if (bytes.length < length * 3 + 1) bytes = new Uint8Array(length * 3 + 1);
    const source = bytes;
    const { written } = encoder.encodeInto(text, source);
    source[written] = SPACE;
    // Only then are byte offsets character offsets.
    const isAscii = written === length;
    textNumber = (textNumber + 1) | 0;
    const stamp = textNumber;
    // A word takes a character, and another one ends it.
    const room = (length >> 1) + 1;
    const ids = tokens.reserve(room);
    const firsts = distinct.reserve(room);
    let count = tokens.length;
    let firstCount = distinct.length;
    // Locals (read again after a new piece, which may grow them): the loop runs ~8 million times.
    let slots = table;
    let slotMask = mask;
    let seen = seenIn;
    const seed = fnvStart;
    const mixer = mix;
    for (let start = 0; start < written; ) {
      // One pass finds the piece's end and hashes it, two bytes a step (inline: a call per piece costs).
      let hash = seed;
      let hash2 = mixer;
      let end = start;
      for (;;) {
        const first = source[end]!;
        if (first === SPACE) break;
        const second = source[end + 1]!;
        if (second === SPACE) {
          hash = Math.imul(hash ^ first, FNV_PRIME);
          hash2 = Math.imul((hash2 + (first ^ mixer)) | 0, MURMUR_M);
          end += 1;
          break;
        }
        const pair = first | (second << 8);
        hash = Math.imul(hash ^ pair, FNV_PRIME);
        hash2 = Math.imul((hash2 + (pair ^ mixer)) | 0, MURMUR_M);
        end += 2;
      }
      const pieceLength = end - start;
      if (pieceLength > 0) {
        let entry = NOT_FOUND;
        for (let slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
          const at = slot << 2;
          const stored = slots[at + 2]!;
          if (stored === 0) break;
          if (slots[at] === hash && slots[at + 1] === hash2 && stored === pieceLength) {
            entry = slots[at + 3]!;
            break;
          }
        }
        if (entry === NOT_FOUND) {
          const spelling = isAscii ? text.slice(start, end) : decoder.decode(source.subarray(start, end));
          entry = addPiece(spelling, hash, hash2, pieceLength);
          slots = table;
          slotMask = mask;
          seen = seenIn;
        }
        if (entry >= 0) {
          ids[count] = entry;
          count += 1;
          if (seen[entry] !== stamp) {
            seen[entry] = stamp;
            firsts[firstCount] = entry;
            firstCount += 1;
          }
        } else {
          const at = -1 - entry;
          for (let k = at + 1; k <= at + manyIds[at]!; k += 1) {
            const id = manyIds[k]!;
            ids[count] = id;
            count += 1;
            if (seen[id] !== stamp) {
              seen[id] = stamp;
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
