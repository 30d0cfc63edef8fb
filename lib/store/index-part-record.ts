/**
 * An index part as stored: its numbers beside one `Blob` holding its arrays
 * back to back. Chromium serializes a typed array in `put` at ~6 ms/MB of the
 * calling thread and a `Blob` at ~2–3 (measured, issue 8): an import at
 * 11,300 rows stores 2.5 MB of parts, 22 MB at 100,000. Reading one back is
 * one `arrayBuffer()`, and the arrays are views into it.
 */
import { isLibraryIndexPart, LIBRARY_INDEX_VERSION, type LibraryIndexPart } from '../library/index-part';

export interface StoredIndexPart extends Pick<LibraryIndexPart, 'version' | 'sourceId' | 'part' | 'firstDoc' | 'docCount'> {
  /** How many word ids `tokens` holds, and their width. */
  tokenCount: number;
  tokenBytes: 2 | 4;
  /** How many words the part's postings list. */
  postingWordCount: number;
  /** `tokenStart`, `postingWords`, `postingStart` (u32), `tokens`, then `postingDocs` (bytes). */
  arrays: Blob;
}

/** The record to store for a part. Pure (the Blob copies the arrays). */
export function packIndexPart({ tokenStart, postingWords, postingStart, tokens, postingDocs, ...numbers }: LibraryIndexPart): StoredIndexPart {
  const { version, sourceId, part, firstDoc, docCount } = numbers;
  return {
    version,
    sourceId,
    part,
    firstDoc,
    docCount,
    tokenCount: tokens.length,
    tokenBytes: tokens.BYTES_PER_ELEMENT === 2 ? 2 : 4,
    postingWordCount: postingWords.length,
    // (The index's arrays are never on a SharedArrayBuffer.)
    arrays: new Blob([tokenStart, postingWords, postingStart, tokens, postingDocs] as ArrayBufferView<ArrayBuffer>[]),
  };
}

/** Whether a value read back from storage is a stored part of this version. */
export function isStoredIndexPart(value: unknown): value is StoredIndexPart {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StoredIndexPart>;
  return (
    record.version === LIBRARY_INDEX_VERSION &&
    typeof record.sourceId === 'string' &&
    [record.part, record.firstDoc, record.docCount, record.tokenCount, record.postingWordCount].every((n) => Number.isInteger(n) && n! >= 0) &&
    (record.tokenBytes === 2 || record.tokenBytes === 4) &&
    record.arrays instanceof Blob
  );
}

/**
 * The part a stored record holds, or `undefined` if its arrays cannot be read
 * (the browser lost the Blob's file) or are not the size its numbers say:
 * then the index is rebuilt, as for a missing part. Reads the Blob.
 */
export async function unpackIndexPart({ arrays, tokenCount, tokenBytes, postingWordCount, ...numbers }: StoredIndexPart): Promise<LibraryIndexPart | undefined> {
  const buffer = await arrays.arrayBuffer().catch(() => undefined);
  if (!buffer) return undefined;
  const tokenStart = (numbers.docCount + 1) * 4;
  const postingWords = tokenStart + postingWordCount * 4;
  const postingStart = postingWords + (postingWordCount + 1) * 4;
  const tokens = postingStart + tokenCount * tokenBytes;
  if (buffer.byteLength < tokens) return undefined;
  const part: LibraryIndexPart = {
    ...numbers,
    tokenStart: new Uint32Array(buffer, 0, numbers.docCount + 1),
    postingWords: new Uint32Array(buffer, tokenStart, postingWordCount),
    postingStart: new Uint32Array(buffer, postingWords, postingWordCount + 1),
    tokens: tokenBytes === 2 ? new Uint16Array(buffer, postingStart, tokenCount) : new Uint32Array(buffer, postingStart, tokenCount),
    postingDocs: new Uint8Array(buffer, tokens),
  };
  // The gaps end where the last word's list ends.
  return isLibraryIndexPart(part) && part.postingStart[postingWordCount] === part.postingDocs.length ? part : undefined;
}
