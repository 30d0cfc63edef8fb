import { describe, expect, it } from 'vitest';
import { createGrowableUint32 } from '../../../lib/library/growable-array';
import { assembleLibraryIndex, buildLibraryIndex, createLibraryIndexBuilder } from '../../../lib/library/library-index';
import { createNumberedSegments } from '../../../lib/library/numbered-segments';
import type { Segment, Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

/** A scheduler that runs nothing until told: the test plays the event loop. */
function manualSchedule() {
  const tasks: Array<() => void> = [];
  return {
    schedule: (work: () => void) => void tasks.push(work),
    runAll: () => {
      while (tasks.length > 0) tasks.shift()!();
    },
    get pending() {
      return tasks.length;
    },
  };
}

const segment = (text: string, start = 0): Segment => ({ start, end: start + 1, text });

function wordsOf(segments: ReturnType<typeof createNumberedSegments>, segment: Segment): string[] {
  const into = { tokens: createGrowableUint32(), distinct: createGrowableUint32() };
  segments.copyWords(segment, into);
  return [...into.tokens.view()].map((id) => segments.words[id]!);
}

describe('createNumberedSegments', () => {
  it('numbers handed-over segments in scheduled tasks, in the order they came', () => {
    const tasks = manualSchedule();
    const segments = createNumberedSegments(tasks.schedule);
    const first = segment('Zebras graze');
    const second = segment('at dawn, zebras');
    segments.prepare(first);
    segments.prepare(second);
    expect(tasks.pending).toBe(1);
    expect(segments.words).toEqual([]);
    tasks.runAll();
    expect(segments.words).toEqual(['zebras', 'graze', 'at', 'dawn']);
    // Copying numbers nothing again.
    expect(wordsOf(segments, second)).toEqual(['at', 'dawn', 'zebras']);
    expect(wordsOf(segments, first)).toEqual(['zebras', 'graze']);
    expect(segments.words).toHaveLength(4);
  });

  it('numbers on the spot a segment not reached yet, or never handed over, and its distinct words once', () => {
    const tasks = manualSchedule();
    const segments = createNumberedSegments(tasks.schedule);
    const queued = segment('one two');
    segments.prepare(queued);
    const into = { tokens: createGrowableUint32(), distinct: createGrowableUint32() };
    segments.copyWords(segment('three three, four'), into);
    segments.copyWords(queued, into);
    expect(segments.words).toEqual(['three', 'four', 'one', 'two']);
    expect([...into.tokens.view()]).toEqual([0, 0, 1, 2, 3]);
    expect([...into.distinct.view()]).toEqual([0, 1, 2, 3]);
    tasks.runAll();
    expect(segments.words).toHaveLength(4);
  });

  it('without a scheduler, or once stopped, leaves the numbering to the copy', () => {
    const unscheduled = createNumberedSegments();
    unscheduled.prepare(segment('alpha'));
    expect(unscheduled.words).toEqual([]);
    const tasks = manualSchedule();
    const stopped = createNumberedSegments(tasks.schedule);
    stopped.prepare(segment('beta'));
    stopped.stop();
    stopped.prepare(segment('gamma'));
    tasks.runAll();
    expect(stopped.words).toEqual([]);
  });
});

describe('createLibraryIndexBuilder with segments numbered ahead', () => {
  const transcript = (videoId: string, texts: string[]): Transcript => ({
    video: { videoId: videoId as VideoId, title: videoId, thumbnail: '', segmentCount: texts.length, duration: 0 },
    segments: texts.map((text, i) => segment(text, i)),
  });

  it('indexes the same words and segments, whatever was numbered ahead and in what order', () => {
    const library = [transcript('aaaaaaaaaaa', ['the model learns', 'word vectors']), transcript('bbbbbbbbbbb', ['a model of words', 'learns fast'])];
    const tasks = manualSchedule();
    const builder = createLibraryIndexBuilder('ds', { schedule: tasks.schedule });
    // As a file may list them: the second video first, half of it numbered before the writes start.
    builder.prepare(library[1]!.segments[1]!);
    builder.prepare(library[0]!.segments[0]!);
    tasks.runAll();
    builder.prepare(library[1]!.segments[0]!);
    const parts = [builder.add([library[0]!]), builder.add([library[1]!])];
    const ahead = assembleLibraryIndex(builder.finish(), parts)!;
    const inOneGo = buildLibraryIndex('ds', library);
    const wordsIn = (index: typeof ahead) => {
      const byId = new Map([...index.wordIds].map((id, sorted) => [id, index.words[sorted]!]));
      return index.parts.flatMap((part) => Array.from({ length: part.docCount }, (_, doc) => [...part.tokens.subarray(part.tokenStart[doc], part.tokenStart[doc + 1])].map((id) => byId.get(id))));
    };
    expect(ahead.words).toEqual(inOneGo.words);
    expect(wordsIn(ahead)).toEqual(wordsIn(inOneGo));
  });

  it('leaves out the words of a row that a later duplicate replaced', () => {
    const builder = createLibraryIndexBuilder('ds', { schedule: (work) => work() });
    builder.prepare(segment('replaced zebras'));
    const part = builder.add([transcript('aaaaaaaaaaa', ['kept words'])]);
    expect(assembleLibraryIndex(builder.finish(), [part])?.words).toEqual(['kept', 'words']);
  });
});
