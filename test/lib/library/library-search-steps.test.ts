// The library search in two steps (issue 8): the cards from the index at
// once, the hits when the store has read the videos' text.
import { describe, expect, it } from 'vitest';
import { buildLibraryIndex } from '../../../lib/library/library-index';
import { createLibrarySearch, type LibraryAnswer, type LibrarySearchResult } from '../../../lib/library/library-search';
import type { Segment, Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';
import { buildTranscript } from './transcript-fixture';

const LIBRARY = [
  buildTranscript('aaaaaaaaaaa', ['we use negative sampling to make training cheap', 'sampling again']),
  buildTranscript('bbbbbbbbbbb', ['sampling the image at a lower resolution']),
  buildTranscript('ccccccccccc', ['nothing to see here']),
];
const PAGE = { videoLimit: 5, hitsPerVideo: 3 };

/** A store whose reads wait until the test lets them through (or fails them): each read is logged with its video ids. */
function gatedSource(transcripts: readonly Transcript[] = LIBRARY) {
  const index = buildLibraryIndex('dataset', transcripts);
  const reads: Array<{ videoIds: readonly VideoId[]; pass: () => void; fail: (error: Error) => void }> = [];
  const source = {
    loadIndexes: () => Promise.resolve([index]),
    loadSegments: (_sourceId: string, videoIds: readonly VideoId[]) =>
      new Promise<Map<VideoId, Segment[]>>((resolve, reject) => {
        const pass = () => resolve(new Map(transcripts.filter((t) => videoIds.includes(t.video.videoId)).map((t) => [t.video.videoId, t.segments])));
        reads.push({ videoIds, pass, fail: reject });
      }),
  };
  return { search: createLibrarySearch(source), reads };
}

function cards(result: LibrarySearchResult) {
  if (result.status !== 'found') throw new Error(`expected results, got ${result.status}`);
  return result.videos.map((video) => [video.videoId, video.hitCount, video.hitsState, video.hits.map((hit) => hit.text)]);
}

/** Whether `promise` has settled after the queued reactions ran. */
async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return settled;
}

describe('library search in two steps', () => {
  it('answers the ranking, the counts and the cards from the index before any text is read, then the hits', async () => {
    const { search, reads } = gatedSource();
    const answer = await search.searchInSteps('sampling', PAGE);
    expect(answer.result).toMatchObject({ status: 'found', resultCount: 3, videoCount: 2, videoOffset: 0 });
    expect(cards(answer.result)).toEqual([
      ['aaaaaaaaaaa', 2, 'pending', []],
      ['bbbbbbbbbbb', 1, 'pending', []],
    ]);
    expect(reads.map(({ videoIds }) => videoIds)).toEqual([['aaaaaaaaaaa', 'bbbbbbbbbbb']]);
    expect(await hasSettled(answer.complete!)).toBe(false);

    reads[0]!.pass();
    expect(cards(await answer.complete!)).toEqual([
      ['aaaaaaaaaaa', 2, 'described', ['we use negative sampling to make training cheap', 'sampling again']],
      ['bbbbbbbbbbb', 1, 'described', ['sampling the image at a lower resolution']],
    ]);
  });

  it('gives the hits at once, in one step, when the shown videos\' text is already in memory', async () => {
    const { search, reads } = gatedSource();
    const first = await search.searchInSteps('sampl', PAGE);
    reads[0]!.pass();
    await first.complete;
    const typedOn: LibraryAnswer = await search.searchInSteps('sampling', PAGE);
    expect(typedOn.complete).toBeUndefined();
    expect(cards(typedOn.result).map(([videoId, , state]) => [videoId, state])).toEqual([
      ['aaaaaaaaaaa', 'described'],
      ['bbbbbbbbbbb', 'described'],
    ]);
    expect(reads).toHaveLength(1);
  });

  it('describes the videos in memory at once and leaves only the others pending', async () => {
    const { search, reads } = gatedSource();
    const narrow = await search.searchInSteps('negative', PAGE);
    reads[0]!.pass();
    await narrow.complete;
    const wider = await search.searchInSteps('sampling', PAGE);
    expect(cards(wider.result).map(([videoId, , state]) => [videoId, state])).toEqual([
      ['aaaaaaaaaaa', 'described'],
      ['bbbbbbbbbbb', 'pending'],
    ]);
    // Only the video not in memory is read.
    expect(reads.map(({ videoIds }) => videoIds)).toEqual([['aaaaaaaaaaa'], ['bbbbbbbbbbb']]);
    reads[1]!.pass();
    expect(cards(await wider.complete!).map(([videoId, , state]) => [videoId, state])).toEqual([
      ['aaaaaaaaaaa', 'described'],
      ['bbbbbbbbbbb', 'described'],
    ]);
  });

  it('ends a failed read plain: no hits and not pending, and reads again next time', async () => {
    const { search, reads } = gatedSource();
    const answer = await search.searchInSteps('sampling', PAGE);
    reads[0]!.fail(new Error('the disk is gone'));
    expect(cards(await answer.complete!)).toEqual([
      ['aaaaaaaaaaa', 2, 'unreadable', []],
      ['bbbbbbbbbbb', 1, 'unreadable', []],
    ]);
    const again = await search.searchInSteps('sampling', PAGE);
    expect(cards(again.result).map(([, , state]) => state)).toEqual(['pending', 'pending']);
    expect(reads).toHaveLength(2);
  });

  it('ends plain when the store throws before it even starts reading', async () => {
    const index = buildLibraryIndex('dataset', LIBRARY);
    const search = createLibrarySearch({
      loadIndexes: () => Promise.resolve([index]),
      loadSegments: () => {
        throw new Error('the connection is closing');
      },
    });
    const answer = await search.searchInSteps('sampling', PAGE);
    expect(cards(answer.result).map(([, , state]) => state)).toEqual(['pending', 'pending']);
    expect(cards(await answer.complete!).map(([, , state]) => state)).toEqual(['unreadable', 'unreadable']);
  });

  it('answers once, with every hit, for a caller that cannot take two steps', async () => {
    const { search, reads } = gatedSource();
    const whole = search.search('sampling', PAGE);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await hasSettled(whole)).toBe(false);
    reads[0]!.pass();
    expect(cards(await whole).map(([, , state]) => state)).toEqual(['described', 'described']);
  });

  it.each([
    ['nothing found', 'zebra', { status: 'no-results', query: 'zebra' }],
    ['punctuation only', '?!', { status: 'no-words', query: '?!' }],
  ] as const)('answers %s in one step, reading nothing', async (_case, query, expected) => {
    const { search, reads } = gatedSource();
    expect(await search.searchInSteps(query, PAGE)).toEqual({ result: expected });
    expect(reads).toHaveLength(0);
  });
});
