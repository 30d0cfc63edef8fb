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
