import { describe, expect, it } from 'vitest';
import { meter, peek } from '../../../lib/dataset/byte-streams';

const bytes = (...values: number[]) => new Uint8Array(values);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  const out: number[] = [];
  for await (const chunk of stream) out.push(...chunk);
  return out;
}

describe('peek', () => {
  it('gives the head and still streams every byte', async () => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of [bytes(1, 2), bytes(3), bytes(4, 5)]) controller.enqueue(chunk);
        controller.close();
      },
    });
    const { head, stream } = await peek(source, 3);
    expect([...head]).toEqual([1, 2, 3]);
    expect(await readAll(stream)).toEqual([1, 2, 3, 4, 5]);
  });

  it('passes a cancel on to the source, so a cancelled import stops its download', async () => {
    let cancelled: unknown;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes(7));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const { stream } = await peek(source, 1);
    await stream.cancel('cancelled by the user');
    expect(cancelled).toBe('cancelled by the user');
  });
});

describe('meter', () => {
  it.each([
    ['exactly the limit', [bytes(1, 2), bytes(3, 4)], true],
    ['one byte over it', [bytes(1, 2), bytes(3, 4, 5)], false],
  ])('with a file of %s, lets it through: %s', async (_label, chunks, passes) => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const reading = readAll(source.pipeThrough(meter({ limit: 4, tooLarge: (limit) => `over ${limit} bytes` })));
    if (passes) await expect(reading).resolves.toHaveLength(4);
    else await expect(reading).rejects.toThrow('over 4 bytes');
  });
});
