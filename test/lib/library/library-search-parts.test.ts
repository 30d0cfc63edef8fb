// A library whose index came in parts (one per import batch), as a mutation
// run showed untested: hits found by a phrase check put off until the video
// is shown, in a part after the first, read again, and followed by another query.
import { describe, expect, it } from 'vitest';
import { assembleLibraryIndex, createLibraryIndexBuilder } from '../../../lib/library/library-index';
import { createLibrarySearch, type LibrarySearch, type LibrarySearchResult } from '../../../lib/library/library-search';
import type { Transcript } from '../../../lib/transcript/types';
import { buildTranscript } from './transcript-fixture';

const BATCHES: ReadonlyArray<readonly Transcript[]> = [
  [buildTranscript('aaaaaaaaaaa', ['alpha or beta', 'nothing to see'])],
  // b's phrase is found in its first segment; its third holds it too, with "beta" completed to "betas".
  [buildTranscript('bbbbbbbbbbb', ['alpha beta', 'alpha and beta', 'alpha betas', 'more to come', 'then some more', 'nothing said here'])],
  [buildTranscript('ccccccccccc', ['gamma and alpha']), buildTranscript('ddddddddddd', ['alpha beta gamma'])],
];

function createPartedSearch(): LibrarySearch {
  const builder = createLibraryIndexBuilder('ds');
  const parts = BATCHES.map((batch) => builder.add(batch));
  const index = assembleLibraryIndex(builder.finish(), parts)!;
  const transcripts = BATCHES.flat();
  return createLibrarySearch({
    loadIndexes: () => Promise.resolve([index]),
    loadSegments: (_sourceId, videoIds) =>
      Promise.resolve(new Map(transcripts.filter((t) => videoIds.includes(t.video.videoId)).map((t) => [t.video.videoId, t.segments]))),
  });
}

function found(result: LibrarySearchResult) {
  if (result.status !== 'found') throw new Error(`expected results, got ${result.status}`);
  return result;
}

const FIRST_VIDEO = { videoLimit: 1, hitsPerVideo: 2 };

describe('library search over an index in parts', () => {
  it('shows a second phrase hit of the best video, checked only once the video is shown, before a hit holding the words apart', async () => {
    const [best] = found(await createPartedSearch().search('alpha beta', FIRST_VIDEO)).videos;
    expect(best?.videoId).toBe('bbbbbbbbbbb');
    expect(best?.hits.map((hit) => [hit.text, hit.isExactPhrase])).toEqual([
      ['alpha beta', true],
      ['alpha betas', true],
    ]);
  });

  it('gives the same hits when the same page is asked for again', async () => {
    const search = createPartedSearch();
    const first = found(await search.search('alpha beta', FIRST_VIDEO));
    const again = found(await search.search('alpha beta', FIRST_VIDEO));
    expect(again.videos[0]?.hits.map((hit) => hit.text)).toEqual(['alpha beta', 'alpha betas']);
    expect(again).toEqual(first);
  });

  it('does not find the last query\'s phrase in the next one', async () => {
    const search = createPartedSearch();
    await search.search('alpha beta', FIRST_VIDEO);
    // Neither c nor d says "alpha gamma": they tie on words held, and c comes first in the dataset.
    const next = found(await search.search('alpha gamma', { videoLimit: 2, hitsPerVideo: 1 }));
    expect(next.videos.map((video) => [video.videoId, video.hits[0]?.isExactPhrase])).toEqual([
      ['ccccccccccc', false],
      ['ddddddddddd', false],
    ]);
  });

  it('marks the words of a later video\'s segment in that segment\'s own text', async () => {
    const [best] = found(await createPartedSearch().search('and beta', FIRST_VIDEO)).videos;
    const hit = best?.hits[0];
    expect([best?.videoId, hit?.text, hit?.isExactPhrase]).toEqual(['bbbbbbbbbbb', 'alpha and beta', true]);
    expect(hit?.ranges.map(([start, end]) => hit.text.slice(start, end))).toEqual(['and', 'beta']);
    // Segment 1 spans 10–20 s; "and beta" starts at character 6 of 14: 10 + 6/14 × 10 − 1 = 13.3 s.
    expect(hit?.url).toBe('https://www.youtube.com/watch?v=bbbbbbbbbbb&t=13s');
  });
});
