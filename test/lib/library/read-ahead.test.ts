import { describe, expect, it } from 'vitest';
import { createReadAhead } from '../../../lib/library/read-ahead';

/** A read that settles when the test says. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A read-ahead over strings whose reads the test settles by name. */
function harness(inFlight: number, { skip = new Set<string>(), throwing = new Set<string>() } = {}) {
  const started: string[] = [];
  const reads = new Map<string, ReturnType<typeof deferred>>();
  const readAhead = createReadAhead((item: string) => {
    if (throwing.has(item)) throw new Error(`cannot start ${item}`);
    if (skip.has(item)) return undefined;
    started.push(item);
    const read = deferred();
    reads.set(item, read);
    return read.promise;
  }, inFlight);
  return { readAhead, started, reads };
}

describe('read ahead', () => {
  it('reads the list in order, at most so many at a time', async () => {
    const { readAhead, started, reads } = harness(2);
    readAhead.follow(['a', 'b', 'c', 'd']);
    expect(started).toEqual(['a', 'b']);
    reads.get('b')!.resolve();
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    reads.get('a')!.resolve();
    reads.get('c')!.resolve();
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  it('follows the latest list: the rest of the earlier one is not read, the new one from its start', async () => {
    const { readAhead, started, reads } = harness(1);
    readAhead.follow(['a', 'b', 'c']);
    readAhead.follow(['x', 'y']);
    // The read under way goes on; no second loop starts beside it.
    expect(started).toEqual(['a']);
    reads.get('a')!.resolve();
    await settle();
    reads.get('x')!.resolve();
    await settle();
    expect(started).toEqual(['a', 'x', 'y']);
  });

  it('skips items with nothing to read without waiting, and goes on after a failed read or one that could not start', async () => {
    const { readAhead, started, reads } = harness(1, { skip: new Set(['b']), throwing: new Set(['d']) });
    readAhead.follow(['a', 'b', 'c', 'd', 'e']);
    reads.get('a')!.reject(new Error('the disk is gone'));
    await settle();
    expect(started).toEqual(['a', 'c']);
    reads.get('c')!.resolve();
    await settle();
    expect(started).toEqual(['a', 'c', 'e']);
  });

  it('starts again with the next list once the last one was read', async () => {
    const { readAhead, started, reads } = harness(2);
    readAhead.follow(['a']);
    reads.get('a')!.resolve();
    await settle();
    readAhead.follow(['b', 'c', 'd']);
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('does not loop when nothing in the list needs reading', () => {
    const { readAhead, started } = harness(3, { skip: new Set(['a', 'b']) });
    readAhead.follow(['a', 'b']);
    readAhead.follow([]);
    expect(started).toEqual([]);
  });
});
