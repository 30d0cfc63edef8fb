// A hit's words found through the index's word ids: the same hits as reading each word's spelling.
import { describe, expect, it } from 'vitest';
import { describeVideoHits } from '../../../lib/library/describe-hits';
import { buildLibraryIndex } from '../../../lib/library/library-index';
import { createIndexQuery } from '../../../lib/library/query-index';
import { readDocWords } from '../../../lib/library/read-part';
import type { Segment } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';
import { SAMPLE_ROWS } from '../../fixtures/sample';

const VIDEO = 'aaaaaaaaaaa' as VideoId;
const segments: Segment[] = [
  ...SAMPLE_ROWS.map((row) => row.text),
  "don't stop: rock'n'roll, it’s a Café naïve in Straße (δέλτα) 東京 𝐀𝐁",
  'GPT-4 has 175B parameters… the model; THE MODEL! the  model',
  'a lone \ud800 surrogate, tabs\tand\nnew lines, the model learns',
].map((text, i) => ({ start: i * 10, end: i * 10 + 10, text }));
const index = buildLibraryIndex('ds', [{ video: { videoId: VIDEO, title: 't', thumbnail: '', segmentCount: segments.length, duration: 0 }, segments }]);

function hits(query: string, { byId }: { byId: boolean }) {
  const matches = createIndexQuery(index)(query);
  const video = matches?.videos[0];
  if (!matches || !video) return [];
  return describeVideoHits({
    videoId: VIDEO,
    segments,
    docs: video.docs,
    firstDoc: 0,
    ranks: video.ranks,
    queryWords: matches.queryWords,
    limit: 5,
    segmentWords: byId ? (segmentIndex) => readDocWords(index.parts, segmentIndex) : undefined,
  });
}

describe('describeVideoHits through word ids', () => {
  it.each(['the model', 'the mo', 'model', 'neural netwrk', "don't", 'dont stop', 'cafe naive', 'strasse', 'δέλτα', '東京', '𝐀𝐁', 'gpt 4', 'surrogate tabs', 'new lines', 'word vectors', 'a'])(
    'marks and times %j as reading each spelling does',
    (query) => {
      const expected = hits(query, { byId: false });
      expect(expected.length).toBeGreaterThan(0);
      expect(hits(query, { byId: true })).toEqual(expected);
    },
  );

  it('marks the words of the phrase in a text whose words the ids follow', () => {
    const [hit] = hits('175b parameters', { byId: true });
    expect(hit?.text.slice(...hit.ranges[0]!)).toBe('175B');
    expect(hit?.ranges.map(([start, end]) => hit.text.slice(start, end))).toEqual(['175B', 'parameters']);
  });

  it('reads the spellings when a text does not have the words the ids say', () => {
    const matches = createIndexQuery(index)('the model')!;
    const video = matches.videos[0]!;
    const options = { videoId: VIDEO, segments, docs: video.docs, firstDoc: 0, ranks: video.ranks, queryWords: matches.queryWords, limit: 3 };
    // Ids of another, shorter text: they cannot be this text's words.
    const wrong = describeVideoHits({ ...options, segmentWords: () => Uint32Array.of(0) });
    expect(wrong).toEqual(describeVideoHits(options));
  });
});
