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
  /** One more than the largest id. */
  vocabularySize: number;
}

/** Encodes a run of docs' words as a part. Pure; linear in the number of words. */
export function encodeIndexPart(
  { sourceId, part, firstDoc }: Pick<LibraryIndexPart, 'sourceId' | 'part' | 'firstDoc'>,
  { ids, docStarts, vocabularySize }: PartWords,
): LibraryIndexPart {
  const docCount = docStarts.length - 1;
  // Per word: the last doc it was seen in, then (reused) where its docs go.
  const slot = new Int32Array(vocabularySize).fill(-1);
  const docsPerWord = new Uint32Array(vocabularySize);
  // The (word, doc) pairs in doc order: a word once per doc.
  const pairWords = new Uint32Array(ids.length);
  const pairDocs = new Uint32Array(ids.length);
  let pairs = 0;
  let present = 0;
  for (let doc = 0; doc < docCount; doc += 1) {
    for (let i = docStarts[doc]!; i < docStarts[doc + 1]!; i += 1) {
      const id = ids[i]!;
      if (slot[id] !== doc) {
        if (slot[id] === -1) present += 1;
        slot[id] = doc;
        docsPerWord[id]! += 1;
        pairWords[pairs] = id;
        pairDocs[pairs] = doc;
        pairs += 1;
      }
    }
  }

  const postingWords = new Uint32Array(present);
  for (let id = 0, j = 0; j < present; id += 1) {
    if (docsPerWord[id]! > 0) {
      postingWords[j] = id;
      j += 1;
    }
  }
  // A counting sort of the pairs by word: each word's docs stay ascending.
  let offset = 0;
  for (const id of postingWords) {
    slot[id] = offset;
    offset += docsPerWord[id]!;
  }
  const sortedDocs = new Uint32Array(pairs);
  for (let k = 0; k < pairs; k += 1) {
    const id = pairWords[k]!;
    sortedDocs[slot[id]!] = pairDocs[k]!;
    slot[id]! += 1;
  }
  return {
    version: LIBRARY_INDEX_VERSION,
    sourceId,
    part,
    firstDoc,
    docCount,
    tokenStart: docStarts.slice(),
    tokens: vocabularySize <= 0x10000 ? Uint16Array.from(ids) : ids.slice(),
    postingWords,
    ...encodeGaps(postingWords, docsPerWord, sortedDocs),
  };
}

/** Each word's docs as varint gaps (the first from -1), one word after the other. */
function encodeGaps(postingWords: Uint32Array, docsPerWord: Uint32Array, sortedDocs: Uint32Array): Pick<LibraryIndexPart, 'postingStart' | 'postingDocs'> {
  // At most 5 bytes a number; trimmed below.
  const bytes = new Uint8Array(sortedDocs.length * 5);
  const postingStart = new Uint32Array(postingWords.length + 1);
  let length = 0;
  for (let j = 0, k = 0; j < postingWords.length; j += 1) {
    const end = k + docsPerWord[postingWords[j]!]!;
    for (let previous = -1; k < end; k += 1) {
      let rest = sortedDocs[k]! - previous;
      previous = sortedDocs[k]!;
      while (rest >= 0x80) {
        bytes[length] = (rest & 0x7f) | 0x80;
        length += 1;
        rest >>>= 7;
      }
      bytes[length] = rest;
      length += 1;
    }
    postingStart[j + 1] = length;
  }
  return { postingStart, postingDocs: bytes.slice(0, length) };
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
