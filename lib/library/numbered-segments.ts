/**
 * Segments' words numbered once, ahead of the index's parts when the caller
 * can: an import hands each segment over as the file is read, and the
 * numbering runs in slices of a few milliseconds as tasks of their own, in
 * the gaps the import leaves (waiting for the next piece of the file, for the
 * disk to commit a batch). A part then copies the numbered words of its
 * segments, numbering on the spot any that were not reached.
 */
import type { Segment } from '../transcript/types';
import { createGrowableUint32, type GrowableUint32 } from './growable-array';
import { createWordNumbering } from './word-numbering';

/** Runs `work` soon, as a task of its own, after those already queued. */
export type ScheduleTask = (work: () => void) => void;

/** Numbering per task before giving the import its turn. */
const SLICE_MS = 4;
/** Segments numbered between two looks at the clock. */
const SEGMENTS_PER_LOOK = 32;

export interface NumberedSegments {
  /** Queues a segment to number in the gaps (only with `schedule`). */
  prepare: (segment: Segment) => void;
  /** Appends the segment's words and its distinct words to `tokens` and `distinct`, numbering it if it was not. */
  copyWords: (segment: Segment, into: { tokens: GrowableUint32; distinct: GrowableUint32 }) => void;
  /** The words, by id. */
  readonly words: readonly string[];
  /** Drops what is queued and kept: the index is built. */
  stop: () => void;
}

/** Appends `from[start, end)` to `into`. */
function append(from: GrowableUint32, start: number, end: number, into: GrowableUint32): void {
  const source = from.backing();
  const target = into.reserve(end - start);
  let length = into.length;
  for (let i = start; i < end; i += 1) {
    target[length] = source[i]!;
    length += 1;
  }
  into.setLength(length);
}

/** An empty store. Side effects: only the tasks it schedules. */
export function createNumberedSegments(schedule?: ScheduleTask): NumberedSegments {
  const numbering = createWordNumbering();
  // Every numbered segment's words one after the other (all, and each distinct one once); where each segment's start.
  const numbered = { tokens: createGrowableUint32(1 << 16), distinct: createGrowableUint32(1 << 16) };
  const tokenStarts = createGrowableUint32(4_096);
  const distinctStarts = createGrowableUint32(4_096);
  const numberedAt = new Map<Segment, number>();
  let queue: Segment[] = [];
  let next = 0;
  let isScheduled = false;
  let isStopped = false;

  function number(segment: Segment): number {
    const at = tokenStarts.length;
    tokenStarts.push(numbered.tokens.length);
    distinctStarts.push(numbered.distinct.length);
    numbering.numberWords(segment.text, numbered);
    numberedAt.set(segment, at);
    return at;
  }

  function numberSlice(): void {
    const until = performance.now() + SLICE_MS;
    while (next < queue.length && !isStopped) {
      const segment = queue[next]!;
      next += 1;
      if (!numberedAt.has(segment)) number(segment);
      if (next % SEGMENTS_PER_LOOK === 0 && performance.now() >= until) break;
    }
    if (next < queue.length && !isStopped && schedule) schedule(numberSlice);
    else {
      isScheduled = false;
      queue = [];
      next = 0;
    }
  }

  return {
    prepare(segment) {
      if (!schedule || isStopped) return;
      queue.push(segment);
      if (!isScheduled) {
        isScheduled = true;
        schedule(numberSlice);
      }
    },
    copyWords(segment, into) {
      const at = numberedAt.get(segment) ?? number(segment);
      const isLast = at + 1 === tokenStarts.length;
      append(numbered.tokens, tokenStarts.backing()[at]!, isLast ? numbered.tokens.length : tokenStarts.backing()[at + 1]!, into.tokens);
      append(numbered.distinct, distinctStarts.backing()[at]!, isLast ? numbered.distinct.length : distinctStarts.backing()[at + 1]!, into.distinct);
    },
    words: numbering.words,
    stop() {
      isStopped = true;
      queue = [];
      numberedAt.clear();
    },
  };
}
