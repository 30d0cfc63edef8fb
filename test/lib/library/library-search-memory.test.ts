import { describe, expect, it } from 'vitest';
import { buildLibraryIndex, type LibraryIndex } from '../../../lib/library/library-index';
import { createLibrarySearch } from '../../../lib/library/library-search';
import { PAGE_TEXT_MEMORY } from '../../../lib/library/text-memory';
import type { Segment, Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

function video(videoId: string, texts: readonly string[]): Transcript {
  const segments: Segment[] = texts.map((text, i) => ({ start: i * 20, end: i * 20 + 20, text }));
  return { video: { videoId: videoId as VideoId, title: videoId, thumbnail: '', segmentCount: texts.length, duration: texts.length * 20 }, segments };
}
const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(10, '0')}`;
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('library search memory: a dataset switched while reading ahead', () => {
  it('stops reading the old dataset ahead once the next answer has nothing to show, and holds none of its text', async () => {
    const oldVideos = Array.from({ length: 30 }, (_, i) => video(id('a', i), [`talk ${i} about negative sampling`]));
    const newVideos = [video(id('b', 0), ['something else entirely'])];
    const oldIndex = buildLibraryIndex('old-dataset', oldVideos);
    const newIndex = buildLibraryIndex('new-dataset', newVideos);
    let current: LibraryIndex = oldIndex;
    const reads: Array<{ sourceId: string; videoIds: string[]; afterSwitch: boolean }> = [];
    let switched = false;
    const search = createLibrarySearch(
      {
        loadIndexes: () => Promise.resolve([current]),
        loadSegments: async (sourceId, videoIds) => {
          reads.push({ sourceId, videoIds: [...videoIds], afterSwitch: switched });
          await tick(); // a store read takes a while
          const all = sourceId === 'old-dataset' ? oldVideos : newVideos;
          return new Map(all.filter((t) => videoIds.includes(t.video.videoId)).map((t) => [t.video.videoId, t.segments]));
        },
      },
      PAGE_TEXT_MEMORY,
    );
    const first = await search.searchInSteps('sampling', { videoLimit: 2, hitsPerVideo: 1 });
    await first.complete;
    // The dataset is switched (forgetActiveDataset, a new index object) and the user types on.
    current = newIndex;
    switched = true;
    const second = await search.searchInSteps('sampling', { videoLimit: 2, hitsPerVideo: 1 });
    expect(second.result.status).toBe('no-results');
    for (let i = 0; i < 60; i += 1) await tick();
    const oldReadsAfterSwitch = reads.filter((read) => read.afterSwitch && read.sourceId === 'old-dataset');
    // Only the reads already under way (three at a time) finish; the old index's text leaves the memory.
    expect(oldReadsAfterSwitch.length).toBeLessThanOrEqual(3);
    expect(search.heldTextChars()).toBe(0);
  });
});

describe('library search memory: one budget for the library', () => {
  it('holds at most its characters over the dataset\'s and the captions cache\'s indexes together', async () => {
    const text = 'x'.repeat(80) + ' sampling';
    const dataset = Array.from({ length: 10 }, (_, i) => video(id('d', i), [text]));
    const captions = Array.from({ length: 10 }, (_, i) => video(id('c', i), [text]));
    const indexes = [buildLibraryIndex('dataset', dataset), buildLibraryIndex('youtube-captions', captions)];
    const maxChars = 10 * text.length; // room for ten videos
    const search = createLibrarySearch(
      {
        loadIndexes: () => Promise.resolve(indexes),
        loadSegments: (sourceId, videoIds) =>
          Promise.resolve(new Map((sourceId === 'dataset' ? dataset : captions).filter((t) => videoIds.includes(t.video.videoId)).map((t) => [t.video.videoId, t.segments]))),
      },
      { maxChars, readAhead: Number.POSITIVE_INFINITY },
    );
    await (await search.searchInSteps('sampling', { videoLimit: 2, hitsPerVideo: 1 })).complete;
    for (let i = 0; i < 20; i += 1) await tick();
    expect(search.heldTextChars()).toBeLessThanOrEqual(maxChars);
    expect(search.heldTextChars()).toBeGreaterThan(0);
  });
});

describe('library search memory: the dataset deleted while reading ahead', () => {
  it('stops reading its list ahead once the library is empty', async () => {
    const oldVideos = Array.from({ length: 30 }, (_, i) => video(id('a', i), [`talk ${i} about negative sampling`]));
    const oldIndex = buildLibraryIndex('old-dataset', oldVideos);
    let indexes: LibraryIndex[] = [oldIndex];
    let deleted = false;
    let readsAfterDelete = 0;
    const search = createLibrarySearch(
      {
        loadIndexes: () => Promise.resolve(indexes),
        loadSegments: async (_sourceId, videoIds) => {
          if (deleted) readsAfterDelete += 1;
          await tick();
          return deleted ? new Map() : new Map(oldVideos.filter((t) => videoIds.includes(t.video.videoId)).map((t) => [t.video.videoId, t.segments]));
        },
      },
      PAGE_TEXT_MEMORY,
    );
    await (await search.searchInSteps('sampling', { videoLimit: 2, hitsPerVideo: 1 })).complete;
    indexes = [];
    deleted = true;
    expect((await search.searchInSteps('sampling', { videoLimit: 2, hitsPerVideo: 1 })).result).toEqual({ status: 'empty-library' });
    for (let i = 0; i < 60; i += 1) await tick();
    expect(readsAfterDelete).toBeLessThanOrEqual(3);
  });
});
