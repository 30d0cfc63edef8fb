import { describe, expect, it } from 'vitest';
import { buildLibraryIndex } from '../../../lib/library/library-index';
import { createIndexQuery, PHRASE_RANK } from '../../../lib/library/query-index';
import { buildTranscript } from './transcript-fixture';

/** One-second segments. */
const transcript = (videoId: string, texts: readonly string[]) => buildTranscript(videoId, texts, { secondsPerSegment: 1 });

// After the first segment, none can raise the video: their phrase checks are put off until its ranks are read.
const index = buildLibraryIndex('ds', [
  transcript('aaaaaaaaaaa', ['the model learns', 'model the learns', 'so the model learns', 'the model']),
  transcript('bbbbbbbbbbb', ['model the', 'and the model']),
]);
const PHRASE_SEGMENTS = { aaaaaaaaaaa: [true, false, true, true], bbbbbbbbbbb: [false, true] };

/** Per video, which of its matching segments rank as the phrase. */
function phraseRanks(videos: ReadonlyArray<{ video: number; ranks: Float64Array }>): Record<string, boolean[]> {
  return Object.fromEntries(videos.map(({ video, ranks }) => [index.videos[video]!.videoId, [...ranks].map((rank) => rank >= PHRASE_RANK)]));
}

describe('createIndexQuery: phrase checks put off', () => {
  it('ranks every segment holding the phrase as the phrase once its video is read', () => {
    expect(phraseRanks(createIndexQuery(index)('the model')!.videos)).toEqual(PHRASE_SEGMENTS);
  });

  it('still finds them when typing on narrows the last word', () => {
    const query = createIndexQuery(index);
    query('the mo');
    query('the mod');
    expect(phraseRanks(query('the model')!.videos)).toEqual(PHRASE_SEGMENTS);
  });

  it('settles an earlier answer read after later queries (paging)', () => {
    const query = createIndexQuery(index);
    const earlier = query('the model')!;
    query('model learns');
    query('so the');
    expect(phraseRanks(earlier.videos)).toEqual(PHRASE_SEGMENTS);
  });

  it('orders videos by their best segment, as a check of every segment would', () => {
    // Both videos hold the phrase; the first has more matching segments.
    expect(createIndexQuery(index)('the model')!.videos.map(({ video, docs }) => [index.videos[video]!.videoId, docs.length])).toEqual([
      ['aaaaaaaaaaa', 4],
      ['bbbbbbbbbbb', 2],
    ]);
  });
});
