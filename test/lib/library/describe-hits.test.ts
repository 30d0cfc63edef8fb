import { describe, expect, it } from 'vitest';
import { describeVideoHits, pickBestPositions } from '../../../lib/library/describe-hits';
import { buildLibraryIndex } from '../../../lib/library/library-index';
import { createIndexQuery, PHRASE_RANK } from '../../../lib/library/query-index';
import type { VideoId } from '../../../lib/youtube/url';

describe('pickBestPositions', () => {
  it.each([
    ['fewer than asked: all', [3, 1, 2], 5, [0, 1, 2]],
    ['the highest, in position order', [1, 5, 3, 4, 2], 2, [1, 3]],
    ['of equals at the cut, the earlier', [2, 7, 2, 7, 2], 3, [0, 1, 3]],
    ['all equal', [4, 4, 4, 4], 2, [0, 1]],
    ['none asked', [1, 2], 0, []],
  ])('%s', (_case, ranks, count, expected) => {
    expect(pickBestPositions(Float64Array.from(ranks), count)).toEqual(expected);
  });
});

describe('describeVideoHits', () => {
  const VIDEO = 'aaaaaaaaaaa' as VideoId;

  function bestHits(texts: readonly string[], query: string, limit: number): string[] {
    const segments = texts.map((text, i) => ({ start: i * 10, end: i * 10 + 10, text }));
    const index = buildLibraryIndex('ds', [{ video: { videoId: VIDEO, title: 't', thumbnail: '', segmentCount: texts.length, duration: 0 }, segments }]);
    const matches = createIndexQuery(index)(query)!;
    const [{ docs, ranks }] = matches.videos as [(typeof matches.videos)[number]];
    return describeVideoHits({ videoId: VIDEO, segments, docs, firstDoc: 0, ranks, queryWords: matches.queryWords, limit }).map((hit) => hit.text);
  }

  it('ranks as the panel does: phrase, every word, tightest, earliest', () => {
    const texts = ['vectors of many a word', 'word vectors', 'a word', 'vectors word', 'the word vectors'];
    expect(bestHits(texts, 'word vectors', 5)).toEqual(['word vectors', 'the word vectors', 'vectors word', 'vectors of many a word', 'a word']);
    expect(bestHits(texts, 'word vectors', 1)).toEqual(['word vectors']);
  });

  it('reads every segment tied with the last one asked for: the text breaks the tie', () => {
    // Neither holds the phrase; both hold every word as closely spelled: the tighter one wins, though later.
    const texts = ['word and then vectors', 'vectors word', 'word alone'];
    expect(bestHits(texts, 'word vectors', 1)).toEqual(['vectors word']);
    expect(bestHits(texts, 'word vectors', 2)).toEqual(['vectors word', 'word and then vectors']);
  });

  it('reads the whole shortlist when the text denies a phrase the index claimed', () => {
    // Ranks as an index that disagreed with the text would give them: the first claimed as the phrase.
    const segments = ['word and vectors', 'vectors word', 'words'].map((text, i) => ({ start: i * 10, end: i * 10 + 10, text }));
    const queryWords = ['word', 'vectors'].map((word) => ({ word, spellings: new Map([[word, 0]]) }));
    const hits = describeVideoHits({
      videoId: VIDEO,
      segments,
      docs: Uint32Array.of(0, 1),
      firstDoc: 0,
      ranks: Float64Array.of(PHRASE_RANK + 2_024, 2_024),
      queryWords,
      limit: 1,
    });
    // Neither is the phrase; the tighter one wins.
    expect(hits.map((hit) => [hit.text, hit.isExactPhrase])).toEqual([['vectors word', false]]);
  });
});
