import { describe, expect, it } from 'vitest';
import { createTranscriptSearch } from '../../../lib/transcript/search';
import { buildSearchInSlices } from '../../../lib/transcript/search-in-slices';
import type { Segment } from '../../../lib/transcript/types';

const WORDS = ['dataset', 'bias', 'neural', 'network', 'word', 'vectors', 'the', 'model', 'learns', 'café'];
const segments: Segment[] = Array.from({ length: 2_000 }, (_, index) => ({
  start: index,
  end: index + 1,
  text: Array.from({ length: 8 }, (_, word) => WORDS[(index * 3 + word * 7) % WORDS.length]!).join(' '),
}));

/** A clock that moves 1 ms each time it is read, and counts the yields. */
function fakeScheduling(signal = new AbortController().signal) {
  let time = 0;
  const counts = { yields: 0 };
  return {
    counts,
    scheduling: {
      now: () => (time += 1),
      sliceMs: 10,
      signal,
      yieldToPage: () => {
        counts.yields += 1;
        return Promise.resolve();
      },
    },
  };
}

describe('buildSearchInSlices', () => {
  it.each(['dataset bias', 'netwrk', 'cafe', 'learns the model', 'zebra'])('finds what the whole build finds for "%s"', async (query) => {
    const { scheduling } = fakeScheduling();
    const sliced = await buildSearchInSlices(segments, scheduling);
    expect(sliced.search(query)).toEqual(createTranscriptSearch(segments).search(query));
  });

  it('gives the page its turn between slices', async () => {
    const { scheduling, counts } = fakeScheduling();
    await buildSearchInSlices(segments, scheduling);
    // 2,000 segments, 64 per look at the clock, ~10 looks per slice: several slices.
    expect(counts.yields).toBeGreaterThanOrEqual(2);
  });

  it('stops when the video changes', async () => {
    const controller = new AbortController();
    const { scheduling } = fakeScheduling(controller.signal);
    const yieldToPage = () => {
      controller.abort(new Error('another video'));
      return Promise.resolve();
    };
    await expect(buildSearchInSlices(segments, { ...scheduling, yieldToPage })).rejects.toThrow('another video');
  });

  it('builds an empty transcript at once', async () => {
    const { scheduling, counts } = fakeScheduling();
    expect((await buildSearchInSlices([], scheduling)).search('word')).toEqual([]);
    expect(counts.yields).toBe(0);
  });
});
