/**
 * One part of the library index: the words of a run of consecutive segments
 * ("docs"), as written beside the import batch they come from: each doc's
 * words in order (word ids, numbered as first seen: 16 bits while the
 * vocabulary allows, read a word at a time when checking a phrase), and for
 * each word of the part the docs holding it, as varint gaps (most are 1 byte).
 * A part is final once written: the words seen later get later ids, and the
 * sorted vocabulary lives in the index's header.
 */

/** Bumped when the shape changes: an index of another version is rebuilt, never misread. */
export const LIBRARY_INDEX_VERSION = 2;

export interface LibraryIndexPart {
  version: typeof LIBRARY_INDEX_VERSION;
  /** The dataset (or other source) the index was built from. */
  sourceId: string;
  /** Position among the index's parts, from 0. */
  part: number;
  /** The first doc of the part; its docs are `firstDoc` to `firstDoc + docCount - 1`. */
  firstDoc: number;
  docCount: number;
  /** Offset in `tokens` of each doc's words, plus the end. */
  tokenStart: Uint32Array;
  /** Each doc's words, in order, as word ids (16 bits when every id of the part fits). */
  tokens: Uint16Array | Uint32Array;
  /** The ids of the words the part holds, ascending. */
  postingWords: Uint32Array;
  /** Offset in `postingDocs` of each of `postingWords`' docs, plus the end. */
  postingStart: Uint32Array;
  /** Each word's docs in the part, ascending, as varint gaps (the first from -1). */
  postingDocs: Uint8Array;
}

export interface PartWords {
  /** Word ids of the part's docs, one after the other. */
  ids: Uint32Array;
  /** Where each doc's ids start in `ids`, plus the end. */
  docStarts: Uint32Array;
  /** Each doc's distinct word ids (each once), one doc after the other. */
  distinct: Uint32Array;
  /** Where each doc's ids start in `distinct`, plus the end. */
  distinctStarts: Uint32Array;
  /** One more than the largest id. */
  vocabularySize: number;
}

/** Bytes of `gap` as a varint (7 bits a byte). */
function varintSize(gap: number): number {
  return gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x20_0000 ? 3 : gap < 0x1000_0000 ? 4 : 5;
}

/**
 * Encodes a run of docs' words as a part. Pure; linear in the number of
 * words: one pass over each doc's distinct words sizes every word's list of
 * gaps, a second writes them in place.
 */
export function encodeIndexPart(
  { sourceId, part, firstDoc }: Pick<LibraryIndexPart, 'sourceId' | 'part' | 'firstDoc'>,
  { ids, docStarts, distinct, distinctStarts, vocabularySize }: PartWords,
): LibraryIndexPart {
  const docCount = docStarts.length - 1;
  // Per word: the last doc it was seen in (gaps count from -1), and the bytes of its gaps, then where the next one goes.
  const previous = new Int32Array(vocabularySize).fill(-1);
  const cursor = new Uint32Array(vocabularySize);
  let present = 0;
  for (let doc = 0; doc < docCount; doc += 1) {
    for (let k = distinctStarts[doc]!; k < distinctStarts[doc + 1]!; k += 1) {
      const id = distinct[k]!;
      if (cursor[id] === 0) present += 1;
      cursor[id]! += varintSize(doc - previous[id]!);
      previous[id] = doc;
    }
  }
  const postingWords = new Uint32Array(present);
  const postingStart = new Uint32Array(present + 1);
  let length = 0;
  for (let id = 0, j = 0; j < present; id += 1) {
    const size = cursor[id]!;
    if (size === 0) continue;
    postingWords[j] = id;
    postingStart[j] = length;
    cursor[id] = length;
    previous[id] = -1;
    length += size;
    j += 1;
  }
  postingStart[present] = length;
  const postingDocs = new Uint8Array(length);
  for (let doc = 0; doc < docCount; doc += 1) {
    for (let k = distinctStarts[doc]!; k < distinctStarts[doc + 1]!; k += 1) {
      const id = distinct[k]!;
      let rest = doc - previous[id]!;
      previous[id] = doc;
      let at = cursor[id]!;
      while (rest >= 0x80) {
        postingDocs[at] = (rest & 0x7f) | 0x80;
        at += 1;
        rest >>>= 7;
      }
      postingDocs[at] = rest;
      cursor[id] = at + 1;
    }
  }
  return {
    version: LIBRARY_INDEX_VERSION,
    sourceId,
    part,
    firstDoc,
    docCount,
    tokenStart: docStarts.slice(),
    tokens: vocabularySize <= 0x10000 ? new Uint16Array(ids) : ids.slice(),
    postingWords,
    postingStart,
    postingDocs,
  };
}

/** Whether a value read back from storage is a part this code can read. */
export function isLibraryIndexPart(value: unknown): value is LibraryIndexPart {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<LibraryIndexPart>;
  return (
    record.version === LIBRARY_INDEX_VERSION &&
    typeof record.sourceId === 'string' &&
    typeof record.part === 'number' &&
    typeof record.firstDoc === 'number' &&
    typeof record.docCount === 'number' &&
    record.tokenStart instanceof Uint32Array &&
    (record.tokens instanceof Uint16Array || record.tokens instanceof Uint32Array) &&
    record.postingWords instanceof Uint32Array &&
    record.postingStart instanceof Uint32Array &&
    record.postingDocs instanceof Uint8Array
  );
}
