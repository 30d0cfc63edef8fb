// A part of the library index as stored: its arrays in one Blob, read back whole or not at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibraryIndex, type LibraryIndexPart } from '../../../lib/library/library-index';
import { createPartEncoder } from '../../../lib/library/part-encoder';
import { isStoredIndexPart, packIndexPart, unpackIndexPart, type StoredIndexPart } from '../../../lib/store/index-part-record';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import type { VideoId } from '../../../lib/youtube/url';

let db: TranscriptDb;
let dbName: string;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  dbName = `index-part-record-${counter}`;
  db = await openTranscriptDb(dbName);
});

afterEach(() => {
  db.close();
  indexedDB.deleteDatabase(dbName);
});

const arraysOf = ({ tokenStart, tokens, postingWords, postingStart, postingDocs }: LibraryIndexPart) => ({
  tokenStart: [...tokenStart],
  tokens: [tokens.constructor.name, ...tokens],
  postingWords: [...postingWords],
  postingStart: [...postingStart],
  postingDocs: [...postingDocs],
});

/** A part of three docs whose word ids need 32 bits. */
function widePart(): LibraryIndexPart {
  const ids = Uint32Array.from([70_000, 5, 70_000, 70_001]);
  const starts = Uint32Array.from([0, 2, 3, 4]);
  const distinct = Uint32Array.from([70_000, 5, 70_000, 70_001]);
  return createPartEncoder()({ sourceId: 'wide', part: 0, firstDoc: 7 }, { ids, docStarts: starts, distinct, distinctStarts: starts, vocabularySize: 70_002 });
}

const texts = ['the softmax layer, then the softmax again', 'negative sampling', 'Ünïcode wörds — and “quotes”'];
const narrowPart = (): LibraryIndexPart =>
  buildLibraryIndex('narrow', [{ video: { videoId: 'aaaaaaaaaaa' as VideoId, title: 'T', thumbnail: '', segmentCount: 3, duration: 3 }, segments: texts.map((text, i) => ({ start: i, end: i + 1, text })) }]).parts[0]!;

describe('a stored index part', () => {
  it.each([
    ['16-bit word ids', narrowPart],
    ['32-bit word ids', widePart],
    // Segments of punctuation alone: the Blob ends where its postings would start.
    ['no words, so no postings', () => buildLibraryIndex('wordless', [{ video: { videoId: 'bbbbbbbbbbb' as VideoId, title: 'T', thumbnail: '', segmentCount: 2, duration: 2 }, segments: [{ start: 0, end: 1, text: '… —' }, { start: 1, end: 2, text: '?!' }] }]).parts[0]!],
  ])('reads back, through IndexedDB, as the part it was: %s', async (_case, make) => {
    const part = make();
    await db.put('libraryIndexParts', packIndexPart(part));
    const stored: unknown = await db.get('libraryIndexParts', [part.sourceId, 0]);
    expect(isStoredIndexPart(stored)).toBe(true);
    const read = await unpackIndexPart(stored as StoredIndexPart);
    expect(read).toMatchObject({ version: part.version, sourceId: part.sourceId, part: 0, firstDoc: part.firstDoc, docCount: part.docCount });
    expect(arraysOf(read!)).toEqual(arraysOf(part));
  });

  it('is not read back when its Blob is shorter or longer than its numbers say', async () => {
    const stored = packIndexPart(narrowPart());
    const bytes = new Uint8Array(await stored.arrays.arrayBuffer());
    expect(await unpackIndexPart({ ...stored, arrays: new Blob([bytes.subarray(0, bytes.length - 1)]) })).toBeUndefined();
    expect(await unpackIndexPart({ ...stored, arrays: new Blob([bytes, new Uint8Array(1)]) })).toBeUndefined();
    expect(await unpackIndexPart({ ...stored, tokenCount: stored.tokenCount + 1 })).toBeUndefined();
    expect(await unpackIndexPart({ ...stored, arrays: new Blob([]) })).toBeUndefined();
  });

  it('is not read back when its Blob cannot be read (the browser lost its file)', async () => {
    const lost = Object.assign(new Blob([]), { arrayBuffer: () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError')) });
    expect(await unpackIndexPart({ ...packIndexPart(narrowPart()), arrays: lost })).toBeUndefined();
  });

  it.each([
    ['a part in the arrays of version 3 (no Blob)', narrowPart()],
    ['a Blob without its numbers', { version: 2, sourceId: 'x', part: 0, arrays: new Blob([]) }],
    ['word ids of 3 bytes', { ...packIndexPart(narrowPart()), tokenBytes: 3 }],
    ['a negative count', { ...packIndexPart(narrowPart()), postingWordCount: -1 }],
    ['nothing', undefined],
  ])('is not taken for one: %s', (_case, value) => {
    expect(isStoredIndexPart(value)).toBe(false);
  });
});
