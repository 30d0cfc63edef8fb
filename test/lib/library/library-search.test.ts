import { describe, expect, it } from 'vitest';
import { buildLibraryIndex } from '../../../lib/library/library-index';
import { createLibrarySearch, type LibrarySearchResult, type LibrarySource } from '../../../lib/library/library-search';
import type { Segment, Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

/** A video whose segments are 20 s each from 0 s. */
function video(videoId: string, title: string, texts: readonly string[]): Transcript {
  const segments: Segment[] = texts.map((text, i) => ({ start: i * 20, end: i * 20 + 20, text }));
  return {
    video: { videoId: videoId as VideoId, title, thumbnail: `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`, segmentCount: texts.length, duration: texts.length * 20 },
    segments,
  };
}

/** A library of one index per list of transcripts, in order (the dataset's first). */
function sourceOf(...sources: ReadonlyArray<readonly Transcript[]>): LibrarySource {
  const indexes = sources.map((transcripts, i) => buildLibraryIndex(`source-${i}`, transcripts));
  return {
    loadIndexes: () => Promise.resolve(indexes),
    loadSegments: (sourceId, videoIds) => {
      const transcripts = sources[indexes.findIndex((index) => index.sourceId === sourceId)] ?? [];
      return Promise.resolve(new Map(transcripts.filter((t) => videoIds.includes(t.video.videoId)).map((t) => [t.video.videoId, t.segments])));
    },
  };
}

const LIBRARY = [
  video('aaaaaaaaaaa', 'Word vectors', [
    'today we look at word vectors and how they are trained',
    'the negative examples are drawn at random, that is the sampling part',
    'we use negative sampling to make training cheap',
  ]),
  video('bbbbbbbbbbb', 'Convolutional networks', [
    'a convolutional neural network looks at small patches',
    'sampling the image at a lower resolution',
  ]),
  video('ccccccccccc', 'Attention', [
    'the transformer model uses attention everywhere',
    'negative results are results too',
  ]),
];

const PAGE = { videoLimit: 10, hitsPerVideo: 3 };

async function search(query: string, transcripts: readonly Transcript[] = LIBRARY): Promise<LibrarySearchResult> {
  return createLibrarySearch(sourceOf(transcripts)).search(query, PAGE);
}

function found(result: LibrarySearchResult) {
  if (result.status !== 'found') throw new Error(`expected results, got ${result.status}`);
  return result;
}

describe('library search: ranking', () => {
  it('puts the exact phrase first, then segments holding every word, then the rest', async () => {
    const result = found(await search('negative sampling'));
    const first = result.videos[0]!;
    expect(first.videoId).toBe('aaaaaaaaaaa');
    expect(first.hits.map((hit) => hit.text)).toEqual([
      'we use negative sampling to make training cheap',
      'the negative examples are drawn at random, that is the sampling part',
    ]);
    expect(first.hits.map((hit) => hit.isExactPhrase)).toEqual([true, false]);
    // Videos holding only one of the words come after, in either order.
    expect(result.videos.slice(1).map((v) => v.videoId).sort()).toEqual(['bbbbbbbbbbb', 'ccccccccccc']);
  });

  it('ranks a video whose best segment holds every word above one with more partial hits', async () => {
    const result = found(
      await search('attention model', [
        video('ddddddddddd', 'Many partial', ['attention please', 'attention again', 'more attention']),
        video('eeeeeeeeeee', 'One full', ['a model with attention']),
      ]),
    );
    expect(result.videos.map((v) => v.videoId)).toEqual(['eeeeeeeeeee', 'ddddddddddd']);
  });
});

describe('library search: words', () => {
  it.each([
    ['a typo', 'negatve', ['aaaaaaaaaaa', 'ccccccccccc']],
    ['a typo in a middle word', 'convolutonal neural', ['bbbbbbbbbbb']],
    ['the last word being typed', 'transf', ['ccccccccccc']],
    ['upper case and accents folded', 'TRANSFÓRMER', ['ccccccccccc']],
  ])('finds %s', async (_case, query, videoIds) => {
    expect(found(await search(query)).videos.map((v) => v.videoId).sort()).toEqual(videoIds);
  });

  it('completes only the last word: an earlier one must be whole or misspelt, not cut short', async () => {
    // "transf" stands for "transformer" at the end of the query, not before another word.
    const result = await search('transf attention');
    const videos = found(result).videos;
    expect(videos).toHaveLength(1);
    expect(videos[0]!.hits[0]!.ranges).toHaveLength(1); // only "attention" is marked
  });

  it('marks every matched word of a hit', async () => {
    const hit = found(await search('negative sampling')).videos[0]!.hits[1]!;
    expect(hit.ranges.map(([start, end]) => hit.text.slice(start, end))).toEqual(['negative', 'sampling']);
  });
});

describe('library search: the link', () => {
  it('starts at the moment the phrase is spoken, a second early, as the panel jumps', async () => {
    // Segment 2 spans 40–60 s; "negative sampling" starts at character 7 of 47: 40 + 7/47 × 20 − 1 = 41.98 s.
    const hit = found(await search('negative sampling')).videos[0]!.hits[0]!;
    expect(hit.seconds).toBeCloseTo(41.979, 3);
    expect(hit.url).toBe('https://www.youtube.com/watch?v=aaaaaaaaaaa&t=41s');
  });
});

describe('library search: counts and pages', () => {
  it('counts every matching segment and every video holding one', async () => {
    const result = found(await search('sampling'));
    expect([result.resultCount, result.videoCount]).toEqual([3, 2]);
    expect(result.videos.map((v) => [v.videoId, v.hitCount])).toEqual([
      ['aaaaaaaaaaa', 2],
      ['bbbbbbbbbbb', 1],
    ]);
  });

  it('gives at most the asked number of hits per video and videos per page', async () => {
    const many = video('fffffffffff', 'Many', Array.from({ length: 8 }, (_, i) => `segment ${i} says model`));
    const other = video('ggggggggggg', 'Other', ['model here']);
    const search = createLibrarySearch(sourceOf([many, other]));
    const first = found(await search.search('model', { videoLimit: 1, hitsPerVideo: 3 }));
    expect(first.videos.map((v) => [v.videoId, v.hits.length, v.hitCount])).toEqual([['fffffffffff', 3, 8]]);
    const second = found(await search.search('model', { videoLimit: 1, videoOffset: 1, hitsPerVideo: 3 }));
    expect(second.videos.map((v) => v.videoId)).toEqual(['ggggggggggg']);
    expect(second.videoOffset).toBe(1);
  });
});

describe('library search: reading text', () => {
  it('reads a shown video\'s text once while the query is typed on, the next few ahead while there is room, and again once dropped for others', async () => {
    const many = Array.from({ length: 45 }, (_, i) => video(`v${String(i).padStart(10, '0')}`, `Talk ${i}`, [`talk ${i} about negative sampling`]));
    const source = sourceOf(many);
    const reads: string[] = [];
    // Room for the text of 40 of these videos (each ~30 characters).
    const maxChars = 40 * 'talk 10 about negative sampling'.length;
    const search = createLibrarySearch(
      {
        loadIndexes: source.loadIndexes,
        loadSegments: (sourceId, videoIds) => {
          reads.push(...videoIds);
          return source.loadSegments(sourceId, videoIds);
        },
      },
      { maxChars, readAhead: 5 },
    );
    const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `v${String(from + i).padStart(10, '0')}`);
    for (const query of ['neg', 'nega', 'negative', 'negative s']) found(await search.search(query, { videoLimit: 2, hitsPerVideo: 1 }));
    // The two shown, then the five after them, read ahead for the next keystroke.
    expect(reads).toEqual(ids(0, 7));
    // Paging through every video reads them all once (each page read ahead until the memory is full); the first ones have been dropped by then.
    for (let offset = 0; offset < 45; offset += 5) found(await search.search('sampling', { videoLimit: 5, videoOffset: offset, hitsPerVideo: 1 }));
    expect([...reads].sort()).toEqual(ids(0, 45));
    reads.length = 0;
    expect(found(await search.search('talk', { videoLimit: 2, hitsPerVideo: 1 })).videos[0]?.hits[0]?.text).toBe('talk 0 about negative sampling');
    // Read again, the two shown only: a read ahead never drops a video shown, and the memory is full.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).toEqual(ids(0, 2));
  });
});

describe('library search: an extension page\'s text memory', () => {
  it('reads every matching video ahead, a few at a time, so the next keystrokes find their hits in memory', async () => {
    const many = Array.from({ length: 12 }, (_, i) => video(`p${String(i).padStart(10, '0')}`, `Talk ${i}`, [`talk ${i} about negative sampling`]));
    const source = sourceOf(many);
    const reads: string[][] = [];
    const search = createLibrarySearch(
      {
        loadIndexes: source.loadIndexes,
        loadSegments: (sourceId, videoIds) => {
          reads.push([...videoIds]);
          return source.loadSegments(sourceId, videoIds);
        },
      },
      { maxChars: 1_000_000, readAhead: Number.POSITIVE_INFINITY },
    );
    const first = await search.searchInSteps('sampling', { videoLimit: 2, hitsPerVideo: 1 });
    expect(first.complete).toBeDefined();
    await first.complete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The two shown in one read, then each of the ten others on its own.
    expect(reads[0]).toHaveLength(2);
    expect(reads.slice(1).map((read) => read.length)).toEqual(Array.from({ length: 10 }, () => 1));
    expect(search.heldTextChars()).toBe(many.reduce((sum, t) => sum + t.segments[0]!.text.length, 0));
    // Any page of the next query is answered in one step.
    const later = await search.searchInSteps('negative', { videoLimit: 5, videoOffset: 5, hitsPerVideo: 1 });
    expect(later.complete).toBeUndefined();
    expect(found(later.result).videos.map((v) => v.hits.length)).toEqual([1, 1, 1, 1, 1]);
    expect(reads).toHaveLength(11);
  });
});

describe('library search: a failed read', () => {
  it('is not kept: the next search reads again, and a failed read ahead stays quiet', async () => {
    const videos = Array.from({ length: 8 }, (_, i) => video(`w${String(i).padStart(10, '0')}`, `Talk ${i}`, [`talk ${i} about negative sampling`]));
    const source = sourceOf(videos);
    let failing = true;
    const search = createLibrarySearch({
      loadIndexes: source.loadIndexes,
      loadSegments: (sourceId, videoIds) => (failing ? Promise.reject(new Error('the disk is gone')) : source.loadSegments(sourceId, videoIds)),
    });
    // The cards still come from the index; their hits end plain, not pending.
    const failed = found(await search.search('sampling', { videoLimit: 2, hitsPerVideo: 1 }));
    expect(failed.videos.map((v) => [v.title, v.hitsState, v.hits.length])).toEqual([
      ['Talk 0', 'unreadable', 0],
      ['Talk 1', 'unreadable', 0],
    ]);
    failing = false;
    const again = found(await search.search('sampling', { videoLimit: 7, hitsPerVideo: 1 }));
    expect(again.videos.map((v) => v.hits.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('says a video the source lacks is unreadable (no hits, not pending), and asks for it again next time', async () => {
    const videos = [video('aaaaaaaaaaa', 'One', ['negative sampling']), video('bbbbbbbbbbb', 'Two', ['negative sampling too'])];
    const source = sourceOf(videos);
    const reads: string[] = [];
    let lacking = true;
    const search = createLibrarySearch({
      loadIndexes: source.loadIndexes,
      loadSegments: async (sourceId, videoIds) => {
        reads.push(...videoIds);
        const read = await source.loadSegments(sourceId, videoIds);
        if (lacking) read.delete('bbbbbbbbbbb' as VideoId);
        return read;
      },
    });
    expect(found(await search.search('sampling', { videoLimit: 2, hitsPerVideo: 1 })).videos.map((v) => [v.hitsState, v.hits.length])).toEqual([
      ['described', 1],
      ['unreadable', 0],
    ]);
    lacking = false;
    expect(found(await search.search('sampling', { videoLimit: 2, hitsPerVideo: 1 })).videos.map((v) => v.hits.length)).toEqual([1, 1]);
    expect(reads).toEqual(['aaaaaaaaaaa', 'bbbbbbbbbbb', 'bbbbbbbbbbb']);
  });
});

describe('library search: plain states', () => {
  it.each([
    ['an empty library', [], 'model', { status: 'empty-library' }],
    ['nothing found', LIBRARY, 'zebra', { status: 'no-results', query: 'zebra' }],
    ['punctuation only', LIBRARY, '?!… --', { status: 'no-words', query: '?!… --' }],
    ['a blank query', LIBRARY, '   ', { status: 'no-words', query: '   ' }],
  ] as const)('%s', async (_case, transcripts, query, expected) => {
    await expect(search(query, transcripts)).resolves.toEqual(expected);
  });

  it('says "empty library" when no index was ever built', async () => {
    const search = createLibrarySearch({ loadIndexes: () => Promise.resolve([]), loadSegments: () => Promise.resolve(new Map()) });
    await expect(search.search('model', PAGE)).resolves.toEqual({ status: 'empty-library' });
  });
});

describe('library search over the dataset and the captions cache', () => {
  const CAPTIONS = [
    video('ddddddddddd', 'Cached talk on sampling', ['and that is negative sampling in short', 'thanks for watching']),
    // Also in the dataset: the dataset's transcript is the one searched.
    video('aaaaaaaaaaa', 'Word vectors (captions)', ['negative sampling negative sampling']),
  ];

  it('ranks the videos of both together on the same keys, the dataset\'s copy of a video only', async () => {
    const result = found(await createLibrarySearch(sourceOf(LIBRARY, CAPTIONS)).search('negative sampling', PAGE));
    // Both phrase hits first (the dataset's video has more matching segments), then the words apart.
    expect(result.videos.map((v) => [v.videoId, v.title, v.hitCount])).toEqual([
      ['aaaaaaaaaaa', 'Word vectors', 2],
      ['ddddddddddd', 'Cached talk on sampling', 1],
      ['bbbbbbbbbbb', 'Convolutional networks', 1],
      ['ccccccccccc', 'Attention', 1],
    ]);
    expect(result.resultCount).toBe(5);
    expect(result.videoCount).toBe(4);
    const cached = result.videos[1]!.hits[0]!;
    expect([cached.text, cached.url]).toEqual(['and that is negative sampling in short', 'https://www.youtube.com/watch?v=ddddddddddd&t=5s']);
  });

  it('finds a video that is only in the captions cache, and pages across both', async () => {
    const search = createLibrarySearch(sourceOf(LIBRARY, CAPTIONS));
    expect(found(await search.search('watching', PAGE)).videos.map((v) => v.videoId)).toEqual(['ddddddddddd']);
    const second = found(await search.search('negative sampling', { videoLimit: 2, videoOffset: 1, hitsPerVideo: 1 }));
    expect(second.videos.map((v) => v.videoId)).toEqual(['ddddddddddd', 'bbbbbbbbbbb']);
  });

  it('searches the captions cache alone when there is no dataset', async () => {
    const result = found(await createLibrarySearch(sourceOf([], CAPTIONS)).search('negative sampling', PAGE));
    // Equal ranks keep the cache's own order.
    expect(result.videos.map((v) => v.title)).toEqual(['Cached talk on sampling', 'Word vectors (captions)']);
  });
});
