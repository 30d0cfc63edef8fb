/**
 * The search of a long transcript runs in background slices after the
 * keystroke (issue 11): a query typed over never gets searched, and the hits
 * shown are the whole answer for the last query.
 */
import { act, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_APART_FROM_SEGMENTS, useSearchHits } from '../../components/use-search-hits';
import { openTranscript } from '../../lib/transcript/open-transcript';
import type { VideoId } from '../../lib/youtube/url';
import { LONG_TALK_LINES, LONG_TALK_SEGMENTS } from '../fixtures/long-talk';
import { stubScheduler } from '../support/manual-scheduler';

const LINES = LONG_TALK_LINES;
const segments = LONG_TALK_SEGMENTS;
/** "tokens" is word 5: lines with i % 8 = 5, or 3i % 8 = 5 (i % 8 = 7), but not the zebra line (2,345 % 8 = 1). */
const TOKENS_LINES = segments.filter((_, index) => index % 8 === 5 || index % 8 === 7).length;

const openLong = () =>
  openTranscript({ video: { videoId: 'LongTalk001' as VideoId, title: 'A long talk', thumbnail: '', segmentCount: LINES, duration: LINES * 2 }, segments }, { kind: 'dataset' });

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Runs the waiting background tasks, and what they start, until none is left. */
async function runBackgroundWork(scheduler: ReturnType<typeof stubScheduler>): Promise<void> {
  for (let task = 0; task < 10_000; task += 1) {
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    if (scheduler.pending() === 0) return;
    scheduler.runNext();
  }
  throw new Error('the background work never ended');
}

describe('useSearchHits in a long transcript', () => {
  it('is long enough to search apart', () => {
    expect(LINES).toBeGreaterThan(SEARCH_APART_FROM_SEGMENTS);
  });

  it('searches only the last of the queries typed before the page had a quiet moment', async () => {
    const scheduler = stubScheduler();
    const transcript = openLong();
    const searched = vi.spyOn(transcript, 'searchInSlices');
    const { result, rerender } = renderHook(({ query }) => useSearchHits(transcript, query), { initialProps: { query: 'zeb' } });
    rerender({ query: 'zebr' });
    rerender({ query: 'zebra' });
    // Nothing is searched in the keystrokes' own tasks.
    expect(searched).not.toHaveBeenCalled();
    expect(result.current.hits).toEqual([]);
    await runBackgroundWork(scheduler);
    expect(searched.mock.calls.map(([query]) => query)).toEqual(['zebra']);
    expect(result.current.query).toBe('zebra');
    expect(result.current.hits.map((hit) => segments[hit.segmentIndex]!.text)).toEqual(['and here a zebra crosses']);
  });

  it('stops a search under way when a new query overtakes it, and shows the new one whole', async () => {
    const scheduler = stubScheduler();
    const transcript = openLong();
    const { result, rerender } = renderHook(({ query }) => useSearchHits(transcript, query), { initialProps: { query: 'the' } });
    // The first slices of "the" (the index is built first) run, then "tokens" is typed.
    for (let slice = 0; slice < 3; slice += 1) {
      await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
      scheduler.runNext();
    }
    rerender({ query: 'tokens' });
    await runBackgroundWork(scheduler);
    expect(result.current.query).toBe('tokens');
    expect(result.current.hits).toHaveLength(TOKENS_LINES);
    expect(new Set(result.current.hits.map((hit) => hit.segmentIndex)).size).toBe(TOKENS_LINES);
    expect(scheduler.asked.every((priority) => priority === 'background')).toBe(true);
  });
});
