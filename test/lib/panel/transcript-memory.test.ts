import { describe, expect, it, vi } from 'vitest';
import type { PanelLookupOutcome, TranscriptLookup } from '../../../lib/panel/transcript-lookup';
import { createTranscriptMemory } from '../../../lib/panel/transcript-memory';
import { openTranscript } from '../../../lib/transcript/open-transcript';
import type { VideoId } from '../../../lib/youtube/url';

const id = (n: number) => `video${String(n).padStart(6, '0')}` as VideoId;
/** A found outcome of `segments` one-second segments. */
const foundOutcome = (videoId: VideoId, segments = 1): PanelLookupOutcome => ({
  status: 'found',
  transcript: openTranscript(
    {
      video: { videoId, title: `Talk ${videoId}`, thumbnail: '', segmentCount: segments, duration: segments },
      segments: Array.from({ length: segments }, (_, index) => ({ start: index, end: index + 1, text: `line ${index}` })),
    },
    { kind: 'dataset' },
  ),
});
const live = () => new AbortController().signal;

/** A chain that finds every video (with `sizes[id]` segments) and counts its calls. */
function fakeLookup(sizes: Record<string, number> = {}) {
  return vi.fn<TranscriptLookup>((videoId) => Promise.resolve(foundOutcome(videoId, sizes[videoId] ?? 1)));
}

describe('createTranscriptMemory', () => {
  it('answers a video found lately from memory, and asks again when told to', async () => {
    const lookup = fakeLookup();
    const memory = createTranscriptMemory({ lookup, early: fakeLookup(), entries: 4, segments: 1_000 });
    const first = await memory.lookup(id(1), live());
    expect(await memory.lookup(id(1), live())).toBe(first);
    expect(lookup).toHaveBeenCalledTimes(1);
    const fresh = await memory.lookup(id(1), live(), { fresh: true });
    expect(fresh).not.toBe(first);
    expect(lookup).toHaveBeenCalledTimes(2);
    // The fresh answer is the one remembered.
    expect(await memory.lookup(id(1), live())).toBe(fresh);
  });

  it('gives a remembered transcript at once through peek, and nothing for a video not found yet', async () => {
    const memory = createTranscriptMemory({ lookup: fakeLookup(), early: fakeLookup(), entries: 4, segments: 1_000 });
    expect(memory.lookup.peek?.(id(1))).toBeUndefined();
    memory.prefetch(id(1));
    expect(memory.lookup.peek?.(id(1))).toBeUndefined();
    const found = await memory.lookup(id(1), live());
    expect(memory.lookup.peek?.(id(1))).toBe(found);
    expect(memory.lookup.peek?.(id(2))).toBeUndefined();
  });

  it('joins a lookup started early instead of asking again', async () => {
    const lookup = fakeLookup();
    const early = fakeLookup();
    const memory = createTranscriptMemory({ lookup, early, entries: 4, segments: 1_000 });
    memory.prefetch(id(1));
    memory.prefetch(id(1));
    const outcome = await memory.lookup(id(1), live());
    expect(outcome.status).toBe('found');
    expect(early).toHaveBeenCalledTimes(1);
    expect(lookup).not.toHaveBeenCalled();
  });

  it('asks the whole chain when the early lookup (the dataset alone) did not find the video', async () => {
    const lookup = fakeLookup();
    const early = vi.fn<TranscriptLookup>(() => Promise.resolve({ status: 'not-found' }));
    const memory = createTranscriptMemory({ lookup, early, entries: 4, segments: 1_000 });
    memory.prefetch(id(1));
    expect((await memory.lookup(id(1), live())).status).toBe('found');
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it.each<[string, PanelLookupOutcome]>([
    ['a miss', { status: 'not-found' }],
    ['an error', { status: 'error', message: 'cache unreadable' }],
    ['captions that failed', { status: 'captions-failed', details: 'timedtext empty', tracks: [] }],
  ])('never remembers %s', async (_label, outcome) => {
    const lookup = vi.fn<TranscriptLookup>(() => Promise.resolve(outcome));
    const memory = createTranscriptMemory({ lookup, early: lookup, entries: 4, segments: 1_000 });
    await memory.lookup(id(1), live());
    await memory.lookup(id(1), live());
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('keeps the last few videos, forgetting the one used longest ago', async () => {
    const lookup = fakeLookup();
    const memory = createTranscriptMemory({ lookup, early: fakeLookup(), entries: 2, segments: 1_000 });
    await memory.lookup(id(1), live());
    await memory.lookup(id(2), live());
    await memory.lookup(id(1), live()); // 1 is now the newer
    await memory.lookup(id(3), live()); // 2 goes
    expect(lookup).toHaveBeenCalledTimes(3);
    await memory.lookup(id(1), live());
    await memory.lookup(id(3), live());
    expect(lookup).toHaveBeenCalledTimes(3);
    await memory.lookup(id(2), live());
    expect(lookup).toHaveBeenCalledTimes(4);
  });

  it('keeps no more segments than allowed, except the latest video whatever its size', async () => {
    const lookup = fakeLookup({ [id(1)]: 600, [id(2)]: 600, [id(3)]: 5_000 });
    const memory = createTranscriptMemory({ lookup, early: fakeLookup(), entries: 4, segments: 1_000 });
    await memory.lookup(id(1), live());
    await memory.lookup(id(2), live()); // 1,200 segments: 1 goes
    await memory.lookup(id(2), live());
    expect(lookup).toHaveBeenCalledTimes(2);
    await memory.lookup(id(1), live());
    expect(lookup).toHaveBeenCalledTimes(3);
    await memory.lookup(id(3), live()); // alone over the budget, still kept
    await memory.lookup(id(3), live());
    expect(lookup).toHaveBeenCalledTimes(4);
  });

  it('keeps videos that fill the segment budget exactly, and forgets only as many as it must', async () => {
    const lookup = fakeLookup({ [id(1)]: 500, [id(2)]: 500, [id(3)]: 500 });
    const memory = createTranscriptMemory({ lookup, early: fakeLookup(), entries: 4, segments: 1_000 });
    await memory.lookup(id(2), live());
    await memory.lookup(id(1), live()); // 1,000 segments: both kept
    await memory.lookup(id(2), live());
    expect(lookup).toHaveBeenCalledTimes(2);
    await memory.lookup(id(3), live()); // 1,500: only 1, used longest ago, goes
    await memory.lookup(id(2), live());
    await memory.lookup(id(3), live());
    expect(lookup).toHaveBeenCalledTimes(3);
    await memory.lookup(id(1), live());
    expect(lookup).toHaveBeenCalledTimes(4);
  });

  it('looks a video up early again at the next navigation to it, after an early miss', async () => {
    const early = vi.fn<TranscriptLookup>(() => Promise.resolve({ status: 'not-found' }));
    const memory = createTranscriptMemory({ lookup: fakeLookup(), early, entries: 4, segments: 1_000 });
    memory.prefetch(id(1));
    await new Promise((resolve) => setTimeout(resolve, 0)); // the early lookup has answered
    memory.prefetch(id(1));
    expect(early).toHaveBeenCalledTimes(2);
  });

  it('does not remember an answer for a panel that moved on', async () => {
    const lookup = fakeLookup();
    const memory = createTranscriptMemory({ lookup, early: fakeLookup(), entries: 4, segments: 1_000 });
    const controller = new AbortController();
    const answer = memory.lookup(id(1), controller.signal);
    controller.abort();
    await answer;
    await memory.lookup(id(1), live());
    expect(lookup).toHaveBeenCalledTimes(2);
  });
});
