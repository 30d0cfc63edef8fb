/**
 * The hostile inputs of issue 12 (items 4–7), each as a stream the reader
 * takes in one process. Big inputs are generated while they are read, or
 * gzipped once into a temp dir, so the measured process holds only what the
 * reader holds.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { framedStream, repeatedStream, toParquetClaimingRows } from '../../fixtures/hostile-files';
import { toJsonLinesText } from '../../fixtures/dataset-files';
import { makeRow, SAMPLE_ROWS } from '../../fixtures/sample';

const MB = 1024 * 1024;
const CACHE_DIR = path.join(os.tmpdir(), 'yts-reader-limits');
const ROW = JSON.stringify(makeRow());

export interface BenchCase {
  name: string;
  /** What it shows (issue 12 item). */
  about: string;
  /** Generates the cached input file, if the case reads one. */
  prepare?: () => Promise<void>;
  open: () => ReadableStream<Uint8Array>;
}

/** Lets timers run between chunks, as a download or a file read does (generated streams would not). */
export function yieldBetweenChunks(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      async transform(chunk, controller) {
        await new Promise((resolve) => setImmediate(resolve));
        controller.enqueue(chunk);
      },
    }),
  );
}

function streamOfBytes(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  return new Blob([bytes]).stream();
}

function cachedFile(name: string): string {
  return path.join(CACHE_DIR, name);
}

function openFile(name: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(cachedFile(name), { highWaterMark: 64 * 1024 })) as ReadableStream<Uint8Array>;
}

/** Gzips a generated stream into the cache once (level 9, as a bomb would be made). */
async function writeGzipOnce(name: string, make: () => ReadableStream<Uint8Array>): Promise<void> {
  const file = cachedFile(name);
  if (existsSync(file)) return;
  await mkdir(CACHE_DIR, { recursive: true });
  const partial = `${file}.partial`;
  await pipeline(Readable.fromWeb(make() as import('node:stream/web').ReadableStream), createGzip({ level: 9 }), createWriteStream(partial) as Writable);
  await rename(partial, file);
}

/** Distinct valid rows: 1,000 segments in each of as many videos as it takes. */
function distinctRowsStream(totalBytes: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let sent = 0;
  let row = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) {
        controller.close();
        return;
      }
      const lines: string[] = [];
      for (let i = 0; i < 1000; i += 1, row += 1) {
        const video = `v${String(Math.floor(row / 1000)).padStart(10, '0')}`;
        const start = (row % 1000) * 5;
        lines.push(`{"video_id":"${video}","start_second":${start},"end_second":${start + 5},"text":"words spoken in segment ${row}"}\n`);
      }
      const chunk = encoder.encode(lines.join(''));
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

const BOMB_BYTES = 1100 * MB; // over the 1 GiB limit, so each run ends there

export const CASES: BenchCase[] = [
  {
    name: 'floor-100-rows',
    about: 'the process floor: the 100-row sample as JSON Lines',
    open: () => streamOfBytes(new TextEncoder().encode(toJsonLinesText(SAMPLE_ROWS))),
  },
  ...[16, 32, 64].map((size) => ({
    name: `one-line-${size}mb`,
    about: `item 4: a valid JSON line, then one of ${size} MB with no line break`,
    open: () => framedStream(`${ROW}\n{"text":"`, repeatedStream('a', size * MB), ''),
  })),
  {
    name: 'csv-one-field-64mb',
    about: 'item 4: a CSV header, then one 64 MB field with no line break',
    open: () => framedStream('video_id,start_second,end_second,text\nyexR53My2O4,0,5,"', repeatedStream('a', 64 * MB), ''),
  },
  {
    name: 'json-array-100mb',
    about: 'item 5: a 100 MB JSON array (same row repeated)',
    open: () => framedStream('[', repeatedStream(`${ROW},\n`, 100 * MB), `${ROW}]`),
  },
  {
    name: 'json-array-600mb',
    about: 'item 5: a 600 MB JSON array (same row repeated)',
    open: () => framedStream('[', repeatedStream(`${ROW},\n`, 600 * MB), `${ROW}]`),
  },
  {
    name: 'parquet-2e9-rows',
    about: 'item 6: a tiny Parquet file claiming 2e9 rows',
    open: () => streamOfBytes(toParquetClaimingRows(SAMPLE_ROWS.slice(0, 1), 2_000_000_000n)),
  },
  {
    name: 'gzip-bomb-same-row',
    about: 'item 7: gzip, 1.1 GiB of one valid row repeated',
    prepare: () => writeGzipOnce('same-row.jsonl.gz', () => repeatedStream(`${ROW}\n`, BOMB_BYTES)),
    open: () => openFile('same-row.jsonl.gz'),
  },
  {
    name: 'gzip-bomb-distinct-rows',
    about: 'item 7: gzip, 1.1 GiB of distinct valid rows',
    prepare: () => writeGzipOnce('distinct-rows.jsonl.gz', () => distinctRowsStream(BOMB_BYTES)),
    open: () => openFile('distinct-rows.jsonl.gz'),
  },
  {
    name: 'gzip-bomb-one-line',
    about: 'item 4+7: gzip, 1.1 GiB in one line',
    prepare: () => writeGzipOnce('one-line.jsonl.gz', () => framedStream(`${ROW}\n{"text":"`, repeatedStream('a', BOMB_BYTES), '')),
    open: () => openFile('one-line.jsonl.gz'),
  },
];
