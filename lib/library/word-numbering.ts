/**
 * Word ids for the words of many texts, fast. A text is cut at its spaces
 * into pieces; a dataset of 100,000 segments has ~8 million pieces but only a
 * few thousand distinct ones ("model", "model,", "GPT-4"), so each piece is
 * hashed as it is scanned and looked up in a table of the pieces seen; no
 * string is cut out of the text and no object made per piece. That loop is
 * WebAssembly (`word-numbering.wat`): it reads the text's UTF-8 bytes
 * (written straight into its memory) eight at a time, finds the spaces
 * with word-wide bit tricks, no bounds checks and no deoptimization; the
 * same loop in JavaScript (two bytes a step) took twice as long, and was
 * ~75 % of an import's indexing. Only a new piece comes back here, to `scanWords` and
 * the normalization (lower case, accents folded). A word never holds a
 * space, so the words of a text are the words of its pieces, in order.
 *
 * A piece is known by a 64-bit hash and its byte length, not by comparing its
 * characters again (that compare cost as much as the scan): pieces of up to
 * 4 bytes and equal length never share a hash, and two longer distinct pieces
 * agree on both with a chance of about n²/2⁶⁵, 1 in 400 million for 300,000
 * distinct pieces; were it to happen, one of them would be indexed under the
 * other's words. The hash starts from a seed drawn for each numbering, so a
 * dataset file cannot be made to collide on purpose, nor to pile its pieces
 * into one run of the table and make every look-up walk it (an import frozen
 * for minutes). The seed only places pieces in the table: the ids, and so the
 * index, are the same whatever it is.
 */
import { normalizeText } from '../transcript/search';
import { scanWords } from './scan-words';
import { instantiateNumbering } from './numbering-instance';

const SPACE = 0x20;
const INITIAL_SLOTS = 1 << 12;
/** A slot of the table: hash (2), byte length, entry. */
const SLOT_INTS = 4;
/** Word offsets (i32) of the header `word-numbering.wat` describes. */
const TABLE = 0;
const MASK = 1;
const MANY = 2;
const SEEN = 3;
const IDS = 4;
const FIRSTS = 5;
const IDS_WRITTEN = 6;
const FIRSTS_WRITTEN = 7;
const STAMP = 8;
const SEED = 10;
const PIECE_LENGTH = 14;
const HEADER_BYTES = 64;
/** The loop reads a whole 8-byte chunk past a text's last space. */
const READ_PAST = 8;
const PAGE_BYTES = 65_536;

/** A batch's words, as numbered (views into the numbering's memory: valid until it numbers again or starts a batch). */
export interface NumberedBatch {
  /** Every word's id, text after text, in order. */
  tokens: Uint32Array;
  /** Each text's distinct words' ids once, in order of first occurrence in the text. */
  distinct: Uint32Array;
}

export interface WordNumbering {
  /** Appends the ids of `text`'s words to the batch. Side effect: on the numbering only. */
  numberWords: (text: string) => void;
  /** How many ids the batch's `tokens` and `distinct` hold so far. */
  readonly tokenCount: number;
  readonly distinctCount: number;
  /** The batch so far. */
  batch: () => NumberedBatch;
  /** Starts a new, empty batch (the words stay numbered). */
  startBatch: () => void;
  /** The words, by id (ids count up from 0 as words are first seen). */
  readonly words: readonly string[];
}

interface NumberingExports {
  memory: WebAssembly.Memory;
  /** Numbers the pieces of bytes [from, end); -1 when done, else where the first unknown piece starts. */
  number: (from: number, end: number) => number;
  /** Adds the piece `number` stopped at, with its entry. */
  add: (entry: number) => void;
  /** Moves the pieces of the table at `from` (`slots` slots) into the header's table. */
  rehash: (from: number, slots: number) => void;
}

/** Two random 32-bit numbers. */
function drawSeed(): readonly [number, number] {
  const [first = 0, second = 0] = crypto.getRandomValues(new Int32Array(2));
  return [first, second];
}

/** An empty numbering. Pure apart from its own state (and the seed it draws unless given one). Throws `WebAssemblyUnavailableError` where WebAssembly is off. */
export function createWordNumbering({ seed = drawSeed() }: { seed?: readonly [number, number] } = {}): WordNumbering {
  const instance = instantiateNumbering();
  const wasm = instance.exports as unknown as NumberingExports;
  const { memory } = wasm;
  const idByWord = new Map<string, number>();
  const words: string[] = [];
  let heap = new Int32Array(memory.buffer);
  let bytes = new Uint8Array(memory.buffer);
  // Regions are handed out upwards and never freed (a numbering lives for one
  // import); a text's bytes go above them all, and a region taken while a
  // text is numbered goes above that text's.
  let top = HEADER_BYTES;
  let textEnd = 0;
  // Memory past this was never written (a grown memory's pages are zeros).
  let dirtyEnd = HEADER_BYTES;

  /** Room up to byte `end`; the views are new if the memory grew. */
  const reach = (end: number): void => {
    if (end <= memory.buffer.byteLength) return;
    memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE_BYTES));
    heap = new Int32Array(memory.buffer);
    bytes = new Uint8Array(memory.buffer);
  };
  /**
   * Gives `region` (a header slot) a new zeroed place of `capacity` i32s, the
   * first `used` copied from its old one. (`heap` is read only after the
   * memory may have grown: an older view would be detached.)
   */
  const allocate = (region: number, capacity: number, used = 0): void => {
    const at = Math.max(top, textEnd);
    top = at + capacity * 4;
    reach(top);
    if (at < dirtyEnd) bytes.fill(0, at, Math.min(top, dirtyEnd));
    dirtyEnd = Math.max(dirtyEnd, top);
    if (used > 0) bytes.copyWithin(at, heap[region]!, heap[region]! + used * 4);
    heap[region] = at;
  };

  let slots = INITIAL_SLOTS;
  // A batch's ids (an import writes ~200,000 per batch) fit from the start.
  const capacities = { [MANY]: 256, [SEEN]: 1_024, [IDS]: 1 << 18, [FIRSTS]: 1 << 18 };
  let manyLength = 0;
  let pieceCount = 0;
  let textNumber = 0;
  allocate(TABLE, slots * SLOT_INTS);
  heap[MASK] = slots - 1;
  for (const region of [MANY, SEEN, IDS, FIRSTS] as const) allocate(region, capacities[region]);
  heap[SEED] = seed[0];
  heap[SEED + 1] = seed[1];

  /** Room for `needed` i32s in a region, doubling it as needed. */
  const fit = (region: typeof MANY | typeof SEEN | typeof IDS | typeof FIRSTS, needed: number, used: number): void => {
    if (needed <= capacities[region]) return;
    capacities[region] = Math.max(needed, capacities[region] * 2);
    allocate(region, capacities[region], used);
  };

  const numberWord = (word: string): number => {
    let id = idByWord.get(word);
    if (id === undefined) {
      id = words.length;
      idByWord.set(word, id);
      words.push(word);
      fit(SEEN, words.length, words.length - 1);
    }
    return id;
  };

  /** The entry of a piece's words: its one id, or -1 - k for its run in `many` at k. */
  const storeEntry = (found: readonly number[]): number => {
    if (found.length === 1) return found[0]!;
    fit(MANY, manyLength + found.length + 1, manyLength);
    const at = (heap[MANY]! >> 2) + manyLength;
    heap[at] = found.length;
    heap.set(found, at + 1);
    const entry = -1 - manyLength;
    manyLength += found.length + 1;
    return entry;
  };

  /** Reads the words of the piece the loop stopped at and adds it to the table. */
  function addPiece(piece: string): void {
    const found: number[] = [];
    scanWords(piece, (start, end) => found.push(numberWord(normalizeText(piece.slice(start, end)))));
    const entry = storeEntry(found);
    pieceCount += 1;
    // At most half full, so a look-up's run stays short.
    if (pieceCount * 2 > slots) {
      const [from, fromSlots] = [heap[TABLE]!, slots];
      slots *= 2;
      allocate(TABLE, slots * SLOT_INTS);
      heap[MASK] = slots - 1;
      wasm.rehash(from, fromSlots);
    }
    wasm.add(entry);
  }

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  /**
   * Writes `text` as UTF-8 at byte `at` and returns its length in bytes. An
   * ASCII text (most transcripts) is copied a character at a time: in
   * Chromium `encodeInto` first converts each new string to Blink's own, and
   * cost twice as much (11,300 rows: ~21 ms, the copy ~9 ms).
   */
  const writeUtf8 = (text: string, at: number): number => {
    const length = text.length;
    const into = bytes;
    for (let i = 0; i < length; i += 1) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) return encoder.encodeInto(text, into.subarray(at, at + length * 3)).written;
      into[at + i] = code;
    }
    return length;
  };

  function numberWords(text: string): void {
    const length = text.length;
    // A word takes a character, and another one ends it.
    const room = (length >> 1) + 1;
    fit(IDS, heap[IDS_WRITTEN]! + room, heap[IDS_WRITTEN]!);
    fit(FIRSTS, heap[FIRSTS_WRITTEN]! + room, heap[FIRSTS_WRITTEN]!);
    // The text as UTF-8 (at most 3 bytes a character) and a space after it.
    const input = top;
    textEnd = input + Math.ceil((length * 3 + 1 + READ_PAST) / 16) * 16;
    reach(textEnd);
    dirtyEnd = Math.max(dirtyEnd, textEnd);
    const written = writeUtf8(text, input);
    bytes[input + written] = SPACE;
    // Only then are byte offsets character offsets.
    const isAscii = written === length;
    textNumber += 1;
    heap[STAMP] = textNumber;
    const end = input + written;
    for (let at = wasm.number(input, end); at >= 0; at = wasm.number(at, end)) {
      const pieceEnd = at + heap[PIECE_LENGTH]!;
      addPiece(isAscii ? text.slice(at - input, pieceEnd - input) : decoder.decode(bytes.subarray(at, pieceEnd)));
    }
    textEnd = 0;
  }

  return {
    numberWords,
    get tokenCount() {
      return heap[IDS_WRITTEN]!;
    },
    get distinctCount() {
      return heap[FIRSTS_WRITTEN]!;
    },
    batch: () => ({
      tokens: new Uint32Array(memory.buffer, heap[IDS], heap[IDS_WRITTEN]),
      distinct: new Uint32Array(memory.buffer, heap[FIRSTS], heap[FIRSTS_WRITTEN]),
    }),
    startBatch() {
      heap[IDS_WRITTEN] = 0;
      heap[FIRSTS_WRITTEN] = 0;
    },
    words,
  };
}
