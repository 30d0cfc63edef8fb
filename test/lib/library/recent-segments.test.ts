import { describe, expect, it } from 'vitest';
import { createRecentSegments, createTextBudget } from '../../../lib/library/recent-segments';
import type { Segment } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

const id = (name: string) => name.padEnd(11, '_') as VideoId;
/** One segment of `chars` characters. */
const textOf = (chars: number): Segment[] => [{ start: 0, end: 20, text: 'x'.repeat(chars) }];

/** A store of videos by name (their text's length), counting the reads of each. */
function store(sizes: Record<string, number>) {
  const reads: string[] = [];
  const lacking = new Set<string>();
  let failing = false;
  const load = (videoIds: readonly VideoId[]) => {
    reads.push(...videoIds.map((videoId) => videoId.replace(/_+$/, '')));
    if (failing) return Promise.reject(new Error('the disk is gone'));
    const found = new Map<VideoId, Segment[]>();
    for (const videoId of videoIds) {
      const name = videoId.replace(/_+$/, '');
      const size = sizes[name];
      if (size !== undefined && !lacking.has(name)) found.set(videoId, textOf(size));
    }
    return Promise.resolve(found);
  };
  return { load, reads, lacking, fail: (on: boolean) => (failing = on) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('recent segments', () => {
  it('reads a video once, shares a read under way, and keeps what was read', async () => {
    const { load, reads } = store({ a: 10, b: 20 });
    const memory = createRecentSegments(load, createTextBudget(1_000));
    const [first] = memory.request([id('a'), id('b')]);
    expect(first!.segments).toBeUndefined();
    const [again] = memory.request([id('a')]);
    expect(await again!.read).toEqual(textOf(10));
    expect(memory.request([id('a')])[0]!.segments).toEqual(textOf(10));
    expect(reads).toEqual(['a', 'b']);
    expect(memory.heldChars()).toBe(30);
  });

  it('drops the videos shown least recently once the text passes its budget, never one just shown', async () => {
    const { load, reads } = store({ a: 40, b: 40, c: 40, big: 500 });
    const memory = createRecentSegments(load, createTextBudget(100));
    await Promise.all(memory.request([id('a'), id('b')]).map(({ read }) => read));
    // Shown again: b is now the least recent.
    await memory.request([id('a')])[0]!.read;
    await memory.request([id('c')])[0]!.read;
    expect(memory.heldChars()).toBe(80);
    expect(memory.request([id('a')])[0]!.segments).toBeDefined();
    expect(memory.request([id('c')])[0]!.segments).toBeDefined();
    expect(reads).toEqual(['a', 'b', 'c']);
    // A video larger than the whole budget is kept while it is the one shown.
    expect(await memory.request([id('big')])[0]!.read).toEqual(textOf(500));
    expect(memory.heldChars()).toBe(500);
    expect(memory.request([id('big')])[0]!.segments).toEqual(textOf(500));
  });

  it('reads ahead only with room for the largest video seen, and never keeps a read ahead that would not fit', async () => {
    const { load, reads } = store({ a: 20, b: 60, c: 30, d: 10 });
    const memory = createRecentSegments(load, createTextBudget(100));
    await memory.request([id('a')])[0]!.read;
    // 20 held + 20 (the largest seen) < 100: c is read ahead and kept.
    await memory.readAhead(id('c'));
    expect(memory.heldChars()).toBe(50);
    // 50 + 30 < 100, but b's 60 characters land over the budget: not kept, and nothing shown is dropped for it.
    await memory.readAhead(id('b'));
    expect(memory.heldChars()).toBe(50);
    expect(memory.request([id('a'), id('c')]).map(({ segments }) => segments)).toEqual([textOf(20), textOf(30)]);
    // 50 + 60 (now the largest seen) ≥ 100: no room, nothing read.
    expect(memory.readAhead(id('d'))).toBeUndefined();
    // In memory already: nothing to read.
    expect(memory.readAhead(id('a'))).toBeUndefined();
    expect(reads).toEqual(['a', 'c', 'b']);
  });

  it('keeps text that fills the budget exactly, and reads ahead only with more room than the largest video', async () => {
    const { load, reads } = store({ a: 40, b: 40, c: 20, d: 10 });
    const memory = createRecentSegments(load, createTextBudget(100));
    await Promise.all(memory.request([id('a'), id('b')]).map(({ read }) => read));
    // 80 held + 40 (the largest) > 100: no room to read ahead.
    expect(memory.readAhead(id('d'))).toBeUndefined();
    await memory.request([id('c')])[0]!.read;
    // Exactly the budget: nothing dropped.
    expect(memory.heldChars()).toBe(100);
    expect(memory.request([id('a'), id('b'), id('c')]).map(({ segments }) => segments?.length)).toEqual([1, 1, 1]);
    expect(reads).toEqual(['a', 'b', 'c']);
  });

  it('keeps a read ahead that fills the budget exactly, and none once held and the largest video make it', async () => {
    const { load, reads } = store({ a: 30, b: 30, c: 40, d: 10 });
    const memory = createRecentSegments(load, createTextBudget(100));
    await memory.request([id('a')])[0]!.read;
    await memory.readAhead(id('b'));
    // 60 held + 30 < 100: c's 40 land on exactly 100, kept.
    await memory.readAhead(id('c'));
    expect(memory.heldChars()).toBe(100);
    expect(memory.readAhead(id('d'))).toBeUndefined();
    expect(reads).toEqual(['a', 'b', 'c']);
  });

  it('stops reading ahead when held and the largest video make the budget exactly', async () => {
    const { load, reads } = store({ a: 50, b: 10 });
    const memory = createRecentSegments(load, createTextBudget(100));
    await memory.request([id('a')])[0]!.read;
    expect(memory.readAhead(id('b'))).toBeUndefined();
    expect(reads).toEqual(['a']);
  });

  it('keeps a video read ahead and asked for meanwhile, as a shown one, even past the budget', async () => {
    const { load, reads } = store({ a: 30, b: 80 });
    const memory = createRecentSegments(load, createTextBudget(100));
    await memory.request([id('a')])[0]!.read;
    expect(memory.readAhead(id('b'))).toBeDefined();
    // Shown while read ahead: 30 + 80 pass the budget, yet it stays, and the least recent (a) makes room.
    const [shown] = memory.request([id('b')]);
    expect(await shown!.read).toEqual(textOf(80));
    expect(memory.heldChars()).toBe(80);
    expect(memory.request([id('b')])[0]!.segments).toEqual(textOf(80));
    expect(reads).toEqual(['a', 'b']);
  });

  it('never drops a video being read to make room: its read is shared, not started again', async () => {
    let releaseSlow!: () => void;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    const reads: string[] = [];
    const memory = createRecentSegments(async (videoIds) => {
      reads.push(...videoIds.map((videoId) => videoId.replace(/_+$/, '')));
      if (videoIds.includes(id('slow'))) await slow;
      return new Map(videoIds.map((videoId) => [videoId, textOf(videoId === id('slow') ? 10 : 80)]));
    }, createTextBudget(100));
    memory.request([id('slow')]);
    await Promise.all(memory.request([id('a'), id('b')]).map(({ read }) => read));
    // a and b passed the budget and a was dropped, but the video being read stays.
    const [again] = memory.request([id('slow')]);
    releaseSlow();
    expect(await again!.read).toEqual(textOf(10));
    expect(reads).toEqual(['slow', 'a', 'b']);
  });

  it('shares one budget with the other indexes of the library: each drops its own least recent, and reads ahead only with room left in the whole', async () => {
    const budget = createTextBudget(100);
    const dataset = store({ a: 40, b: 40 });
    const captions = store({ x: 40, y: 10 });
    const datasetMemory = createRecentSegments(dataset.load, budget);
    const captionsMemory = createRecentSegments(captions.load, budget);
    await Promise.all(datasetMemory.request([id('a'), id('b')]).map(({ read }) => read));
    await captionsMemory.request([id('x')])[0]!.read;
    // 120 held in all: the captions' memory cannot drop its only (shown) video.
    expect(budget.held).toBe(120);
    // The dataset's next request drops its own least recent.
    expect(datasetMemory.request([id('b')])[0]!.segments).toBeDefined();
    expect(budget.held).toBe(80);
    expect([datasetMemory.heldChars(), captionsMemory.heldChars()]).toEqual([40, 40]);
    // 80 held + 40 (the largest seen) ≥ 100: no room in the whole library.
    expect(captionsMemory.readAhead(id('y'))).toBeUndefined();
    expect(dataset.reads).toEqual(['a', 'b']);
  });

  it('gives its text back to the budget when its index leaves the library, and keeps nothing a read still under way brings', async () => {
    const budget = createTextBudget(1_000);
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    const memory = createRecentSegments(async (videoIds) => {
      if (videoIds.includes(id('late'))) await late;
      return new Map(videoIds.map((videoId) => [videoId, textOf(50)]));
    }, budget);
    await memory.request([id('a')])[0]!.read;
    const pending = memory.request([id('late')])[0]!.read;
    memory.release();
    expect(budget.held).toBe(0);
    release();
    // The caller still gets the text it waited for; the memory keeps none of it.
    expect(await pending).toEqual(textOf(50));
    expect([budget.held, memory.heldChars()]).toEqual([0, 0]);
    expect(memory.readAhead(id('b'))).toBeUndefined();
  });

  it('does not read ahead what is being read', () => {
    const { load, reads } = store({ a: 30 });
    const memory = createRecentSegments(load, createTextBudget(100));
    memory.request([id('a')]);
    expect(memory.readAhead(id('a'))).toBeUndefined();
    expect(reads).toEqual(['a']);
  });

  it('keeps nothing of a failed read or of a video the store lacks: the next request reads again', async () => {
    const source = store({ a: 10, b: 10 });
    const memory = createRecentSegments(source.load, createTextBudget(100));
    source.fail(true);
    expect(await memory.request([id('a')])[0]!.read).toBeUndefined();
    source.fail(false);
    source.lacking.add('b');
    expect(await memory.request([id('b')])[0]!.read).toBeUndefined();
    source.lacking.clear();
    expect(await memory.request([id('a')])[0]!.read).toEqual(textOf(10));
    expect(await memory.request([id('b')])[0]!.read).toEqual(textOf(10));
    expect(source.reads).toEqual(['a', 'b', 'a', 'b']);
    expect(memory.heldChars()).toBe(20);
  });

  it('says a load that throws is a failed read', async () => {
    const memory = createRecentSegments(() => {
      throw new Error('no connection');
    }, createTextBudget(100));
    expect(await memory.request([id('a')])[0]!.read).toBeUndefined();
    await settle();
    expect(memory.heldChars()).toBe(0);
  });
});
