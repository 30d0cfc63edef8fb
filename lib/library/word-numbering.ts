/**
 * Word ids for the words of many texts, fast. A text is cut at its spaces
 * into pieces; a dataset of 100,000 segments has ~8
 * million pieces but only a few thousand distinct ones ("model", "model,",
 * "GPT-4"), so each piece is looked up by a hash of its characters in a
 * table of the pieces seen, checked character by character, without cutting
 * it out of the text. Only a new piece goes through `scanWords` and the
 * normalization (lower case, accents folded). A word never holds a space, so
 * the words of a text are the words of its pieces, in order.
 */
import { normalizeText } from '../transcript/search';
import type { GrowableUint32 } from './growable-array';
import { scanWords } from './scan-words';

const SPACE = 0x20;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const INITIAL_SLOTS = 1 << 12;

export interface WordNumbering {
  /** Appends the ids of `text`'s words to `into`. */
  numberWords: (text: string, into: GrowableUint32) => void;
  /** The words, by id (ids count up from 0 as words are first seen). */
  readonly words: readonly string[];
}

function isPieceAt(piece: string, text: string, start: number, end: number): boolean {
  if (piece.length !== end - start) return false;
  for (let i = 0; i < piece.length; i += 1) if (piece.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** An empty numbering. Pure apart from its own state. */
export function createWordNumbering(): WordNumbering {
  const idByWord = new Map<string, number>();
  const words: string[] = [];
  // The pieces seen: slot → piece + 1 (0: empty), kept at most half full; each
  // piece's hash, text, and word: its one id, or -1 - k for the several (or no) words `manyWords[k]`.
  let slots = new Int32Array(INITIAL_SLOTS);
  let mask = INITIAL_SLOTS - 1;
  const hashes: number[] = [];
  const pieces: string[] = [];
  const entries: number[] = [];
  const manyWords: number[][] = [];

  const numberWord = (word: string): number => {
    let id = idByWord.get(word);
    if (id === undefined) {
      id = words.length;
      idByWord.set(word, id);
      words.push(word);
    }
    return id;
  };

  const place = (piece: number): void => {
    let slot = hashes[piece]! & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = piece + 1;
  };

  function addPiece(piece: string, hash: number): number {
    const found: number[] = [];
    scanWords(piece, (start, end) => found.push(numberWord(normalizeText(piece.slice(start, end)))));
    const entry = found.length === 1 ? found[0]! : -manyWords.push(found); // -1 - (its index)
    hashes.push(hash);
    pieces.push(piece);
    entries.push(entry);
    if (hashes.length * 2 > slots.length) {
      slots = new Int32Array(slots.length * 2);
      mask = slots.length - 1;
      for (let other = 0; other < hashes.length; other += 1) place(other);
    } else place(hashes.length - 1);
    return entry;
  }

  function findPiece(text: string, start: number, end: number, hash: number): number | undefined {
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const piece = slots[slot]! - 1;
      if (piece < 0) return undefined;
      if (hashes[piece] === hash && isPieceAt(pieces[piece]!, text, start, end)) return entries[piece]!;
    }
  }

  function numberWords(text: string, into: GrowableUint32): void {
    const length = text.length;
    // A word takes a character, and another one ends it.
    const ids = into.reserve((length >> 1) + 1);
    let count = into.length;
    for (let start = 0; start <= length; ) {
      // One pass finds the piece's end and hashes it.
      let hash = FNV_OFFSET;
      let end = start;
      for (; end < length; end += 1) {
        const code = text.charCodeAt(end);
        if (code === SPACE) break;
        hash = Math.imul(hash ^ code, FNV_PRIME);
      }
      if (end > start) {
        hash >>>= 0;
        const entry = findPiece(text, start, end, hash) ?? addPiece(text.slice(start, end), hash);
        if (entry >= 0) {
          ids[count] = entry;
          count += 1;
        } else {
          for (const id of manyWords[-1 - entry]!) {
            ids[count] = id;
            count += 1;
          }
        }
      }
      start = end + 1;
    }
    into.setLength(count);
  }

  return { numberWords, words };
}
