import { describe, expect, it } from 'vitest';
import { openTranscript } from '../../../lib/transcript/open-transcript';
import type { Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

const transcript: Transcript = {
  video: { videoId: 'aaaaaaaaaaa' as VideoId, title: 'A talk', thumbnail: '', segmentCount: 3, duration: 90 },
  segments: [
    { start: 0, end: 20, text: 'we talk about models first' },
    // 34 characters; "dataset bias" as a phrase from character 22, a tighter "bias dataset" at 0.
    { start: 20, end: 54, text: 'bias dataset and then dataset bias' },
    { start: 60, end: 90, text: 'and the dataset decides' },
  ],
};

describe('openTranscript', () => {
  const open = openTranscript(transcript, { kind: 'dataset' });

  it('keeps the video, its segments and where it came from', () => {
    expect(open.video.title).toBe('A talk');
    expect(open.segments).toHaveLength(3);
    expect(open.source).toEqual({ kind: 'dataset' });
  });

  it('times a hit at its phrase, not at a tighter cluster of the same words', () => {
    const [first] = open.search('dataset bias');
    expect(first).toMatchObject({ segmentIndex: 1, isExactPhrase: true, matchOffset: 22 });
    // 20 + 22 / 34 × 34 s − 1 s of lead-in.
    expect(first?.seconds).toBe(41);
  });

  it('times a one-word hit at the word', () => {
    const hit = open.search('decides')[0];
    // 60 + 16 / 23 × 30 s − 1 s.
    expect(hit?.seconds).toBeCloseTo(79.87, 2);
  });

  it('tells which segment is spoken at a moment', () => {
    expect([-1, 0, 19.9, 20, 57, 60, 89.9, 90].map((seconds) => open.segmentIndexAt(seconds))).toEqual([-1, 0, 0, 1, 1, 2, 2, -1]);
  });

  it('answers the same query twice from one search, and a new query afresh', () => {
    const first = open.search('decides');
    expect(open.search('decides')).toBe(first);
    const other = open.search('segment');
    expect(other).not.toBe(first);
    expect(open.search('decides')).not.toBe(first);
    expect(open.search('decides')).toEqual(first);
  });
});

describe('searchInSlices', () => {
  const WORDS = ['dataset', 'bias', 'neural', 'network', 'the', 'model', 'learns', 'café'];
  const long: Transcript = {
    video: { videoId: 'bbbbbbbbbbb' as VideoId, title: 'A long talk', thumbnail: '', segmentCount: 3_000, duration: 9_000 },
    segments: Array.from({ length: 3_000 }, (_, index) => ({
      start: index * 3,
      end: index * 3 + 3,
      text: Array.from({ length: 7 }, (_, word) => WORDS[(index * 5 + word * 3) % WORDS.length]!).join(' '),
    })),
  };
  /** A clock that moves 1 ms per read; counts the page's turns. */
  const slices = (signal = new AbortController().signal) => {
    let time = 0;
    const turns = { count: 0 };
    return {
      turns,
      scheduling: { now: () => (time += 1), sliceMs: 8, signal, yieldToPage: () => Promise.resolve(void (turns.count += 1)) },
    };
  };

  it.each(['t', 'the model', 'dataset bias', 'netwrk', 'cafe', 'zebra'])('finds, in slices, the hits search finds at once for "%s"', async (query) => {
    const { scheduling, turns } = slices();
    const sliced = await openTranscript(long, { kind: 'dataset' }).searchInSlices(query, scheduling);
    expect(sliced).toEqual(openTranscript(long, { kind: 'dataset' }).search(query));
    // Indexing 3,000 lines alone is 47 steps of 64, 8 to a slice: the page gets its turn between them.
    expect(turns.count).toBeGreaterThanOrEqual(5);
  });

  it('stops when the query is typed over', async () => {
    const controller = new AbortController();
    const { scheduling } = slices(controller.signal);
    const yieldToPage = () => Promise.resolve(controller.abort(new Error('typed over')));
    await expect(openTranscript(long, { kind: 'dataset' }).searchInSlices('the', { ...scheduling, yieldToPage })).rejects.toThrow('typed over');
  });

  it('answers a repeated query from memory, without a slice', async () => {
    const open = openTranscript(long, { kind: 'dataset' });
    const first = open.search('model');
    const { scheduling, turns } = slices();
    expect(await open.searchInSlices('model', scheduling)).toBe(first);
    expect(turns.count).toBe(0);
  });
});
