// Saving, switching and reading datasets: what an import and the panel rely on, beyond database.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../lib/dataset/rows';
import { buildLibraryIndex, createLibraryIndexBuilder, LIBRARY_INDEX_VERSION } from '../../../lib/library/library-index';
import { collectGarbage, deleteDataset, saveDataset, writeDatasetVideos } from '../../../lib/store/datasets';
import { packIndexPart, type StoredIndexPart } from '../../../lib/store/index-part-record';
import { getAllTranscripts, getLibraryIndex, getSegmentsOf, putLibraryIndex } from '../../../lib/store/library-index';
import { getActiveDataset, getTranscript, getVideoInfo } from '../../../lib/store/reads';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import type { Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

const SOURCE = { kind: 'bundled', path: '/sample.jsonl' } as const;
const REPORT: ImportReport = { totalRows: 2, acceptedRows: 2, rejectedRows: 0, duplicateRows: 0, videoCount: 1, rejectedByReason: {}, rejectedExamples: [] };

/** A video of two 10 s segments; ids are 11 characters like YouTube's. */
function video(id: string): Transcript {
  return {
    video: { videoId: id as VideoId, title: `Talk ${id}`, thumbnail: '', segmentCount: 2, duration: 20 },
    segments: [
      { start: 0, end: 10, text: `first words of ${id}` },
      { start: 10, end: 20, text: `last words of ${id}` },
    ],
  };
}

function dataset(id: string) {
  return { id, source: SOURCE, report: REPORT, importedAt: 0 };
}

let db: TranscriptDb;
let dbName: string;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  dbName = `datasets-${counter}`;
  db = await openTranscriptDb(dbName);
});

afterEach(() => {
  db.close();
  indexedDB.deleteDatabase(dbName);
});

describe('saveDataset', () => {
  it('keeps a dataset saved again under the id already in use (the same file imported twice)', async () => {
    await saveDataset(db, dataset('same'), [video('aaaaaaaaaaa')]);
    await saveDataset(db, dataset('same'), [video('aaaaaaaaaaa')]);
    expect((await getActiveDataset(db))?.id).toBe('same');
    expect((await getTranscript(db, 'aaaaaaaaaaa' as VideoId))?.segments).toHaveLength(2);
  });

  it.each([
    // videos of 2 segments, at most 4 segments per write: progress after each write, in videos
    [5, [[2, 5], [4, 5], [5, 5]]],
    [4, [[2, 4], [4, 4]]],
    [1, [[1, 1]]],
  ])('writes %i videos in batches and reports each one', async (count, expected) => {
    const transcripts = ['aaaaaaaaaaa', 'bbbbbbbbbbb', 'ccccccccccc', 'ddddddddddd', 'eeeeeeeeeee'].slice(0, count).map(video);
    const progress: number[][] = [];
    await saveDataset(db, dataset('batched'), transcripts, { batchSegments: 4, onProgress: (written, total) => progress.push([written, total]) });
    expect(progress).toEqual(expected);
    for (const { video: info } of transcripts) expect((await getTranscript(db, info.videoId))?.video.title).toBe(info.title);
  });
});

describe('getVideoInfo', () => {
  it('answers undefined with no dataset cached yet', async () => {
    await expect(getVideoInfo(db, 'aaaaaaaaaaa' as VideoId)).resolves.toBeUndefined();
  });

  it("answers a video's facts, and undefined for a video the dataset lacks", async () => {
    await saveDataset(db, dataset('one'), [video('aaaaaaaaaaa')]);
    expect(await getVideoInfo(db, 'aaaaaaaaaaa' as VideoId)).toEqual(video('aaaaaaaaaaa').video);
    await expect(getVideoInfo(db, 'zzzzzzzzzzz' as VideoId)).resolves.toBeUndefined();
  });
});

describe('the library index in the cache', () => {
  it('reads one dataset\'s transcripts only, though another is written beside it', async () => {
    await writeDatasetVideos(db, 'a-dataset', [video('aaaaaaaaaaa')]);
    await writeDatasetVideos(db, 'b-dataset', [video('bbbbbbbbbbb'), video('ccccccccccc')]);
    expect((await getAllTranscripts(db, 'b-dataset')).map((t) => t.video.videoId)).toEqual(['bbbbbbbbbbb', 'ccccccccccc']);
    expect((await getAllTranscripts(db, 'a-dataset')).map((t) => t.video.videoId)).toEqual(['aaaaaaaaaaa']);
  });

  it('reads the segments of the videos a search shows, leaving out those the dataset lacks', async () => {
    await writeDatasetVideos(db, 'a-dataset', [video('aaaaaaaaaaa'), video('bbbbbbbbbbb')]);
    const segments = await getSegmentsOf(db, 'a-dataset', ['bbbbbbbbbbb', 'zzzzzzzzzzz'] as VideoId[]);
    expect([...segments.keys()]).toEqual(['bbbbbbbbbbb']);
    expect(segments.get('bbbbbbbbbbb' as VideoId)?.map((segment) => segment.text)).toEqual(['first words of bbbbbbbbbbb', 'last words of bbbbbbbbbbb']);
  });

  it('does not store the index of a dataset that is gone (replaced while it was built)', async () => {
    await saveDataset(db, dataset('kept'), [video('aaaaaaaaaaa')]);
    await putLibraryIndex(db, buildLibraryIndex('replaced', [video('bbbbbbbbbbb')]));
    expect(await getLibraryIndex(db, 'replaced')).toBeUndefined();
    await putLibraryIndex(db, buildLibraryIndex('kept', [video('aaaaaaaaaaa')]));
    expect((await getLibraryIndex(db, 'kept'))?.sourceId).toBe('kept');
  });

  it('reads no index, and throws nothing, when one of its parts no longer reads back (the browser lost its file)', async () => {
    const videos = ['aaaaaaaaaaa', 'bbbbbbbbbbb', 'ccccccccccc', 'ddddddddddd', 'eeeeeeeeeee'].map(video);
    await saveDataset(db, dataset('parts'), videos, { batchSegments: 4, index: createLibraryIndexBuilder('parts') });
    for (const lost of [1, 2]) {
      const part = (await db.get('libraryIndexParts', ['parts', lost]))!;
      await db.put('libraryIndexParts', { ...part, arrays: new Blob([]) });
      expect(await getLibraryIndex(db, 'parts')).toBeUndefined();
    }
    // A part in another shape (no Blob) is not read at all.
    const { arrays: _arrays, ...shapeless } = (await db.get('libraryIndexParts', ['parts', 0]))!;
    await db.put('libraryIndexParts', shapeless as StoredIndexPart);
    expect(await getLibraryIndex(db, 'parts')).toBeUndefined();
  });

  it('writes the index of an import in parts beside its batches, whole at the switch, and removes it with its dataset', async () => {
    const videos = ['aaaaaaaaaaa', 'bbbbbbbbbbb', 'ccccccccccc', 'ddddddddddd', 'eeeeeeeeeee'].map(video);
    await saveDataset(db, dataset('parts'), videos, { batchSegments: 4, index: createLibraryIndexBuilder('parts') });
    const index = await getLibraryIndex(db, 'parts');
    expect(index?.parts.map((part) => [part.firstDoc, part.docCount])).toEqual([[0, 4], [4, 4], [8, 2]]);
    expect(index?.videos.map((v) => v.videoId)).toEqual(videos.map((t) => t.video.videoId));
    expect(index?.words).toEqual(['aaaaaaaaaaa', 'bbbbbbbbbbb', 'ccccccccccc', 'ddddddddddd', 'eeeeeeeeeee', 'first', 'last', 'of', 'words']);
    await deleteDataset(db, 'parts');
    expect(await db.count('libraryIndexParts')).toBe(0);
    expect(await db.count('libraryIndex')).toBe(0);
  });

  it('is not read back when a part is missing, and a stray part is collected at start-up', async () => {
    await saveDataset(db, dataset('kept'), [video('aaaaaaaaaaa'), video('bbbbbbbbbbb')], { batchSegments: 2, index: createLibraryIndexBuilder('kept') });
    await db.delete('libraryIndexParts', ['kept', 0]);
    expect(await getLibraryIndex(db, 'kept')).toBeUndefined();
    // What an import stopped half-way leaves: parts of a dataset that never became active.
    await db.put('libraryIndexParts', packIndexPart({ ...buildLibraryIndex('stopped', [video('ccccccccccc')]).parts[0]!, sourceId: 'stopped' }));
    expect(await collectGarbage(db)).toEqual(['stopped']);
    expect(await db.getAllKeys('libraryIndexParts')).toEqual([['kept', 1]]);
  });

  it('is not read back when one of its parts is of an older version, though the others are good', async () => {
    await saveDataset(db, dataset('kept'), [video('aaaaaaaaaaa'), video('bbbbbbbbbbb')], { batchSegments: 2, index: createLibraryIndexBuilder('kept') });
    expect(await getLibraryIndex(db, 'kept')).toBeDefined();
    // A part as an older build might have left it: in its place and whole, but of another version.
    const good = await db.get('libraryIndexParts', ['kept', 1]);
    await db.put('libraryIndexParts', { ...good!, version: LIBRARY_INDEX_VERSION - 1 } as unknown as StoredIndexPart);
    expect(await getLibraryIndex(db, 'kept')).toBeUndefined();
  });

  it("replaces one dataset's index without touching the parts of a dataset whose id sorts before or after it", async () => {
    // Datasets side by side, as during an import (saveDataset would switch each out for the next).
    for (const id of ['a-before', 'm-replaced', 'z-after']) {
      await db.put('datasets', { ...dataset(id), segmentCount: 4 });
      await putLibraryIndex(db, buildLibraryIndex(id, [video('aaaaaaaaaaa'), video('bbbbbbbbbbb')]));
    }
    await putLibraryIndex(db, buildLibraryIndex('m-replaced', [video('ccccccccccc')]));
    expect((await getLibraryIndex(db, 'm-replaced'))?.videos.map((v) => v.videoId)).toEqual(['ccccccccccc']);
    for (const id of ['a-before', 'z-after']) {
      expect((await getLibraryIndex(db, id))?.videos.map((v) => v.videoId), id).toEqual(['aaaaaaaaaaa', 'bbbbbbbbbbb']);
    }
  });
});
