/**
 * The library's search index: every segment of every video of a dataset, so
 * that a query touches numbers, not strings. A segment is a "doc": docs are
 * numbered video by video, in start order, so `doc - videoFirstDoc[video]` is
 * the segment's index in its transcript.
 *
 * It is built during the import, batch by batch: each batch of videos becomes
 * a part (`index-part.ts`: its docs' words, and each word's docs), stored in
 * the same transaction as the batch; the header (videos, the sorted
 * vocabulary) comes last. Stored as typed arrays and one string, it loads as
 * a read of a few large records, not a rebuild.
 */
import type { Transcript } from '../transcript/types';
import type { VideoId } from '../youtube/url';
import { createGrowableUint32 } from './growable-array';
import { isLibraryIndexPart, LIBRARY_INDEX_VERSION, type LibraryIndexPart } from './index-part';
import { createPartEncoder } from './part-encoder';
import { createWordNumbering } from './word-numbering';

export { LIBRARY_INDEX_VERSION, type LibraryIndexPart } from './index-part';

export interface LibraryVideo {
  videoId: VideoId;
  title: string;
  thumbnail: string;
}

/** What the index holds besides its parts: one small record. */
export interface LibraryIndexHeader {
  version: typeof LIBRARY_INDEX_VERSION;
  sourceId: string;
  videos: LibraryVideo[];
  /** First doc of each video, plus the doc count at the end. */
  videoFirstDoc: Uint32Array;
  /** The vocabulary, normalized as the panel's search does, sorted, one word a line (a word has no line break). */
  vocabulary: string;
  /** The id (as numbered in the parts) of each word of `vocabulary`, in its order. */
  wordIds: Uint32Array;
  partCount: number;
}

/** The index as queried: the header, its vocabulary as a list, and its parts in doc order. */
export interface LibraryIndex extends Omit<LibraryIndexHeader, 'vocabulary'> {
  /** Sorted, distinct, normalized words. */
  words: string[];
  parts: LibraryIndexPart[];
}

export interface LibraryIndexBuilder {
  /** Indexes more videos (call between a dataset's write batches) and returns their part, ready to store. */
  add: (transcripts: readonly Transcript[]) => LibraryIndexPart;
  /** The header, once every part is added. */
  finish: () => LibraryIndexHeader;
}

/** Builds the index of a dataset's transcripts, a batch at a time. Pure; ~linear in the text's length. */
export function createLibraryIndexBuilder(sourceId: string): LibraryIndexBuilder {
  const videos: LibraryVideo[] = [];
  const videoFirstDoc = createGrowableUint32(1_024);
  let docCount = 0;
  let partCount = 0;
  const docStarts = createGrowableUint32(4_096);
  const distinctStarts = createGrowableUint32(4_096);
  const numbering = createWordNumbering();
  const encodePart = createPartEncoder();
  const wordsById = numbering.words;

  function add(transcripts: readonly Transcript[]): LibraryIndexPart {
    const firstDoc = docCount;
    numbering.startBatch();
    docStarts.reset();
    distinctStarts.reset();
    for (const { video, segments } of transcripts) {
      videoFirstDoc.push(docCount);
      videos.push({ videoId: video.videoId, title: video.title, thumbnail: video.thumbnail });
      for (const { text } of segments) {
        docStarts.push(numbering.tokenCount);
        distinctStarts.push(numbering.distinctCount);
        numbering.numberWords(text);
      }
      docCount += segments.length;
    }
    docStarts.push(numbering.tokenCount);
    distinctStarts.push(numbering.distinctCount);
    const { tokens, distinct } = numbering.batch();
    const part = encodePart(
      { sourceId, part: partCount, firstDoc },
      { ids: tokens, docStarts: docStarts.view(), distinct, distinctStarts: distinctStarts.view(), vocabularySize: wordsById.length },
    );
    partCount += 1;
    return part;
  }

  function finish(): LibraryIndexHeader {
    // Sorted, so prefixes are ranges and lookups binary searches.
    const order = wordsById.map((_, id) => id).sort((a, b) => (wordsById[a]! < wordsById[b]! ? -1 : 1));
    const firstDocs = new Uint32Array(videoFirstDoc.length + 1);
    firstDocs.set(videoFirstDoc.view());
    firstDocs[videoFirstDoc.length] = docCount;
    return {
      version: LIBRARY_INDEX_VERSION,
      sourceId,
      videos: [...videos],
      videoFirstDoc: firstDocs,
      vocabulary: order.map((id) => wordsById[id]!).join('\n'),
      wordIds: Uint32Array.from(order),
      partCount,
    };
  }

  return { add, finish };
}

/** The index as queried, from its header and every part; `undefined` if a part is missing or foreign. Pure. */
export function assembleLibraryIndex({ vocabulary, ...header }: LibraryIndexHeader, parts: readonly LibraryIndexPart[]): LibraryIndex | undefined {
  const ordered = [...parts].sort((a, b) => a.part - b.part);
  // The parts must follow each other doc for doc, up to the header's last doc: a query trusts the numbers.
  let nextDoc = 0;
  const isWhole =
    ordered.length === header.partCount &&
    ordered.every((part, i) => {
      const follows = part.part === i && part.sourceId === header.sourceId && part.firstDoc === nextDoc && part.tokenStart.length === part.docCount + 1;
      nextDoc += part.docCount;
      return follows;
    }) &&
    nextDoc === header.videoFirstDoc[header.videoFirstDoc.length - 1];
  return isWhole ? { ...header, words: vocabulary === '' ? [] : vocabulary.split('\n'), parts: ordered } : undefined;
}

/** The records to store for an index: its header and its parts. Pure. */
export function splitLibraryIndex({ words, parts, ...header }: LibraryIndex): { header: LibraryIndexHeader; parts: LibraryIndexPart[] } {
  return { header: { ...header, vocabulary: words.join('\n') }, parts };
}

/** Segments per part when building in one go: an import batch's worth, so a large library never needs its whole word list twice. */
const PART_SEGMENTS = 2_500;

/** Builds the index of a dataset's transcripts in one go, in parts of whole videos. Pure. */
export function buildLibraryIndex(sourceId: string, transcripts: readonly Transcript[]): LibraryIndex {
  const builder = createLibraryIndexBuilder(sourceId);
  const parts: LibraryIndexPart[] = [];
  for (let from = 0; from < transcripts.length || parts.length === 0; ) {
    let to = from;
    for (let segments = 0; to < transcripts.length && segments < PART_SEGMENTS; to += 1) segments += transcripts[to]!.segments.length;
    parts.push(builder.add(transcripts.slice(from, to)));
    from = to;
  }
  return assembleLibraryIndex(builder.finish(), parts)!;
}

/** Whether a value read back from storage is a header this code can read (a stale or foreign record is not). */
export function isLibraryIndexHeader(value: unknown): value is LibraryIndexHeader {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<LibraryIndexHeader>;
  return (
    record.version === LIBRARY_INDEX_VERSION &&
    typeof record.sourceId === 'string' &&
    Array.isArray(record.videos) &&
    typeof record.vocabulary === 'string' &&
    typeof record.partCount === 'number' &&
    record.videoFirstDoc instanceof Uint32Array &&
    record.wordIds instanceof Uint32Array
  );
}

export { isLibraryIndexPart };
