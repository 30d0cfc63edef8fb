/**
 * The library's search index: every segment of every video of a dataset, as
 * typed arrays, so that it is stored in IndexedDB as it is held in memory
 * (structured clone copies typed arrays as bytes: loading it is a read, not a
 * rebuild) and a query touches numbers, not strings.
 *
 * - `words`: the vocabulary, normalized as the panel's search does, sorted.
 * - a posting list per word: the segments holding it (`postingStart` → `postingDocs`);
 * - each segment's words in order, as word numbers (`tokenStart` → `tokens`): it
 *   tells an exact phrase from words scattered through a segment.
 *
 * A segment is a "doc": docs are numbered video by video, in start order, so
 * `doc - videoFirstDoc[video]` is the segment's index in its transcript.
 */
import { normalizeText } from '../transcript/search';
import type { Transcript } from '../transcript/types';
import type { VideoId } from '../youtube/url';
import { scanWords } from './scan-words';
import { createSpellingTable } from './spelling-table';

/** Bumped when the shape changes: an index of another version is rebuilt, never misread. */
export const LIBRARY_INDEX_VERSION = 1;

export interface LibraryVideo {
  videoId: VideoId;
  title: string;
  thumbnail: string;
}

export interface LibraryIndex {
  version: typeof LIBRARY_INDEX_VERSION;
  /** The dataset (or other source) the index was built from. */
  sourceId: string;
  videos: LibraryVideo[];
  /** First doc of each video, plus the doc count at the end. */
  videoFirstDoc: Uint32Array;
  /** The video of each doc. */
  docVideo: Uint32Array;
  /** Sorted, distinct, normalized words. */
  words: string[];
  postingStart: Uint32Array;
  postingDocs: Uint32Array;
  tokenStart: Uint32Array;
  tokens: Uint16Array | Uint32Array;
}

/** A growable Uint32Array: the token stream of 100,000 segments is ~8 million numbers. */
function createGrowableArray(initial: number) {
  let array = new Uint32Array(Math.max(16, initial));
  let length = 0;
  return {
    push(value: number): void {
      if (length === array.length) {
        const bigger = new Uint32Array(array.length * 2);
        bigger.set(array);
        array = bigger;
      }
      array[length] = value;
      length += 1;
    },
    get length(): number {
      return length;
    },
    view: (): Uint32Array => array.subarray(0, length),
  };
}

export interface LibraryIndexBuilder {
  /** Tokenizes more videos (call between a dataset's write batches: the work overlaps the disk's). */
  add: (transcripts: readonly Transcript[]) => void;
  /** Numbers the words in sorted order and builds the posting lists. */
  finish: () => LibraryIndex;
}

/** Builds the index of a dataset's transcripts, a batch at a time. Pure; ~linear in the text's length. */
export function createLibraryIndexBuilder(sourceId: string): LibraryIndexBuilder {
  const videos: LibraryVideo[] = [];
  const videoFirstDoc = createGrowableArray(1_024);
  const docVideo = createGrowableArray(16_384);
  const tokenStart = createGrowableArray(16_384);
  const tokens = createGrowableArray(1_048_576);
  // Raw spellings map straight to a word number, found without cutting them
  // out of the text; normalizing (lower case, accents folded) runs once per spelling.
  const spellings = createSpellingTable();
  const idByWord = new Map<string, number>();
  const firstSeenWords: string[] = [];
  const numberSpelling = (spelling: string, hash: number): number => {
    const word = normalizeText(spelling);
    let id = idByWord.get(word);
    if (id === undefined) {
      id = firstSeenWords.length;
      idByWord.set(word, id);
      firstSeenWords.push(word);
    }
    spellings.add(spelling, hash, id);
    return id;
  };

  function add(transcripts: readonly Transcript[]): void {
    for (const { video, segments } of transcripts) {
      videoFirstDoc.push(docVideo.length);
      const videoNumber = videos.length;
      videos.push({ videoId: video.videoId, title: video.title, thumbnail: video.thumbnail });
      for (const { text } of segments) {
        docVideo.push(videoNumber);
        tokenStart.push(tokens.length);
        scanWords(text, (start, end, hash) => {
          const id = spellings.find(text, start, end, hash);
          tokens.push(id >= 0 ? id : numberSpelling(text.slice(start, end), hash));
        });
      }
    }
  }

  function finish(): LibraryIndex {
    videoFirstDoc.push(docVideo.length);
    tokenStart.push(tokens.length);
    // Number words in sorted order, so prefixes are ranges and lookups binary searches.
    const order = firstSeenWords.map((_, id) => id).sort((a, b) => (firstSeenWords[a]! < firstSeenWords[b]! ? -1 : 1));
    const sortedId = new Uint32Array(order.length);
    order.forEach((id, rank) => (sortedId[id] = rank));
    const stream = tokens.view();
    const finalTokens = order.length <= 0xffff ? new Uint16Array(stream.length) : new Uint32Array(stream.length);
    for (let i = 0; i < stream.length; i += 1) finalTokens[i] = sortedId[stream[i]!]!;
    const starts = tokenStart.view().slice();
    return {
      version: LIBRARY_INDEX_VERSION,
      sourceId,
      videos,
      videoFirstDoc: videoFirstDoc.view().slice(),
      docVideo: docVideo.view().slice(),
      words: order.map((id) => firstSeenWords[id]!),
      ...buildPostings(order.length, starts, finalTokens),
      tokenStart: starts,
      tokens: finalTokens,
    };
  }

  return { add, finish };
}

/** Builds the index of a dataset's transcripts in one go. Pure. */
export function buildLibraryIndex(sourceId: string, transcripts: readonly Transcript[]): LibraryIndex {
  const builder = createLibraryIndexBuilder(sourceId);
  builder.add(transcripts);
  return builder.finish();
}

/** Each word's docs, once each, in doc order (two passes: count, then fill). */
function buildPostings(wordCount: number, tokenStart: Uint32Array, tokens: Uint16Array | Uint32Array) {
  const docCount = tokenStart.length - 1;
  const lastDoc = new Int32Array(wordCount).fill(-1);
  const counts = new Uint32Array(wordCount + 1);
  for (let doc = 0; doc < docCount; doc += 1) {
    for (let i = tokenStart[doc]!; i < tokenStart[doc + 1]!; i += 1) {
      const word = tokens[i]!;
      if (lastDoc[word] !== doc) {
        lastDoc[word] = doc;
        counts[word + 1]! += 1;
      }
    }
  }
  const postingStart = new Uint32Array(wordCount + 1);
  for (let word = 0; word < wordCount; word += 1) postingStart[word + 1] = postingStart[word]! + counts[word + 1]!;
  const postingDocs = new Uint32Array(postingStart[wordCount]!);
  const cursor = postingStart.slice(0, wordCount);
  lastDoc.fill(-1);
  for (let doc = 0; doc < docCount; doc += 1) {
    for (let i = tokenStart[doc]!; i < tokenStart[doc + 1]!; i += 1) {
      const word = tokens[i]!;
      if (lastDoc[word] !== doc) {
        lastDoc[word] = doc;
        postingDocs[cursor[word]!] = doc;
        cursor[word]! += 1;
      }
    }
  }
  return { postingStart, postingDocs };
}

/** Whether a value read back from storage is an index this code can query (a stale or foreign record is not). */
export function isLibraryIndex(value: unknown): value is LibraryIndex {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<LibraryIndex>;
  return (
    record.version === LIBRARY_INDEX_VERSION &&
    typeof record.sourceId === 'string' &&
    Array.isArray(record.videos) &&
    Array.isArray(record.words) &&
    record.videoFirstDoc instanceof Uint32Array &&
    record.docVideo instanceof Uint32Array &&
    record.postingStart instanceof Uint32Array &&
    record.postingDocs instanceof Uint32Array &&
    record.tokenStart instanceof Uint32Array &&
    (record.tokens instanceof Uint16Array || record.tokens instanceof Uint32Array)
  );
}
