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
