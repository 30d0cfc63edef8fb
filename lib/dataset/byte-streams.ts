/**
 * Byte-stream plumbing for the reader: look at a stream's first bytes without
 * losing them, count bytes as they pass, join chunks. No side effects beyond
 * consuming the streams given.
 */
import { DatasetFormatError } from './format-error';
import { inMegabytes } from './limits';

/** Reads the first chunk(s) of a stream and returns them with a stream that still yields everything. */
export async function peek(stream: ReadableStream<Uint8Array>, minBytes: number): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < minBytes) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = concat(chunks, length);
  const replay = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.length > 0) controller.enqueue(head);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream: replay };
}

/** `chunks` (of `length` bytes in all) as one array; the one chunk itself when there is only one. */
export function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

export interface MeterOptions {
  /** Most bytes allowed through; more fails the stream with `tooLarge()`'s message. */
  limit: number;
  signal?: AbortSignal | undefined;
  onBytes?: (total: number) => void;
  tooLarge?: (limit: number) => string;
}

function describeTooLarge(limit: number): string {
  return `The file is larger than ${inMegabytes(limit)}, more than this extension reads.`;
}

/** Counts bytes as they pass, enforces the size limit and cancellation. */
export function meter({ limit, signal, onBytes, tooLarge = describeTooLarge }: MeterOptions): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      signal?.throwIfAborted();
      total += chunk.length;
      if (total > limit) throw new DatasetFormatError(tooLarge(limit));
      onBytes?.(total);
      controller.enqueue(chunk);
    },
  });
}

export async function readAllBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    length += chunk.length;
  }
  return concat(chunks, length);
}
