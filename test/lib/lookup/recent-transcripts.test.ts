import { describe, expect, it } from 'vitest';
import { createRecentTranscripts } from '../../../lib/lookup/recent-transcripts';
import type { Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

const transcriptOf = (videoId: string, segments = 1): Transcript => ({
  video: { videoId: videoId as VideoId, title: videoId, thumbnail: '', segmentCount: segments, duration: segments },
  segments: Array.from({ length: segments }, (_, index) => ({ start: index, end: index + 1, text: `line ${index}` })),
});

describe('createRecentTranscripts', () => {
  it('answers a remembered video of the same dataset only', () => {
    const recent = createRecentTranscripts({ entries: 4, segments: 100 });
    const talk = transcriptOf('aaaaaaaaaaa');
    recent.remember('dataset-1', talk);
    expect(recent.get('dataset-1', 'aaaaaaaaaaa')).toBe(talk);
    expect(recent.get('dataset-2', 'aaaaaaaaaaa')).toBeUndefined();
    expect(recent.get('dataset-1', 'bbbbbbbbbbb')).toBeUndefined();
    recent.clear();
    expect(recent.get('dataset-1', 'aaaaaaaaaaa')).toBeUndefined();
  });

  it('forgets the video used longest ago once full', () => {
    const recent = createRecentTranscripts({ entries: 2, segments: 100 });
    recent.remember('d', transcriptOf('aaaaaaaaaaa'));
    recent.remember('d', transcriptOf('bbbbbbbbbbb'));
    recent.get('d', 'aaaaaaaaaaa');
    recent.remember('d', transcriptOf('ccccccccccc'));
    expect(recent.get('d', 'bbbbbbbbbbb')).toBeUndefined();
    expect(recent.get('d', 'aaaaaaaaaaa')).toBeDefined();
    expect(recent.get('d', 'ccccccccccc')).toBeDefined();
  });

  it('keeps no more segments than allowed, but always the latest', () => {
    const recent = createRecentTranscripts({ entries: 8, segments: 100 });
    recent.remember('d', transcriptOf('aaaaaaaaaaa', 60));
    recent.remember('d', transcriptOf('bbbbbbbbbbb', 60));
    expect(recent.get('d', 'aaaaaaaaaaa')).toBeUndefined();
    recent.remember('d', transcriptOf('ccccccccccc', 500));
    expect(recent.get('d', 'bbbbbbbbbbb')).toBeUndefined();
    expect(recent.get('d', 'ccccccccccc')?.segments).toHaveLength(500);
  });
});

describe('createRecentTranscripts at its segment limit', () => {
  it('keeps videos that fill the limit exactly', () => {
    const recent = createRecentTranscripts({ entries: 8, segments: 100 });
    recent.remember('d', transcriptOf('aaaaaaaaaaa', 40));
    recent.remember('d', transcriptOf('bbbbbbbbbbb', 60));
    expect(recent.get('d', 'aaaaaaaaaaa')).toBeDefined();
  });

  it('forgets only as many old videos as it takes to fit', () => {
    const recent = createRecentTranscripts({ entries: 8, segments: 100 });
    recent.remember('d', transcriptOf('aaaaaaaaaaa', 60));
    recent.remember('d', transcriptOf('bbbbbbbbbbb', 30));
    recent.remember('d', transcriptOf('ccccccccccc', 30));
    expect(recent.get('d', 'aaaaaaaaaaa')).toBeUndefined();
    expect(recent.get('d', 'bbbbbbbbbbb')).toBeDefined();
    expect(recent.get('d', 'ccccccccccc')).toBeDefined();
  });
});
