/**
 * Figure 3: getting a dataset into the cache from a URL, the way the
 * background does it (lib/import-controller.ts): `fetch(url, { cache:
 * 'no-store' })`, then `importDatasetStream` on the response body, which
 * detects the format, parses while the bytes arrive, validates, writes the
 * new dataset in batches and switches to it. Timed from calling fetch() until
 * the dataset is active, for each served file (JSON Lines, Parquet, gzipped
 * JSON Lines). Beside it, the baseline writes the same rows (generated here
 * before timing) one record each in one transaction, and a download-only run
 * shows what the transport costs. Every import starts from an empty database.
 */
import { deleteDB } from 'idb';
import { hashText } from '../../../lib/dataset/content-hash';
import { importDatasetStream } from '../../../lib/imports/import-dataset';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import type { FormatImportResult, ImportResult, ImportSpec, ServedDataset, UrlImportRun } from '../shared/protocol';
import { createRandom } from '../shared/random';
import { generateDataset, toJsonLines, type DatasetRow, type SampleVocabulary } from '../shared/synthetic';
import { openEmptyNaiveDb, writeRows } from './naive-store';
import { progress, timeAsync } from './timing';

export const OURS_DB_NAME = 'bench-transcript-search';

export async function openEmptyOursDb(): Promise<TranscriptDb> {
  await deleteDB(OURS_DB_NAME);
  return openTranscriptDb(OURS_DB_NAME);
}

async function fetchBody(url: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const response = await fetch(url, { signal, cache: 'no-store' });
  if (!response.ok || !response.body) throw new Error(`GET ${url}: ${response.status}`);
  return response.body;
}

/** One import as the background runs it, into an empty database (opened before timing, as the worker's is). */
async function urlImport(file: ServedDataset, rows: number): Promise<UrlImportRun> {
  const db = await openEmptyOursDb();
  try {
    const abort = new AbortController();
    let readAt = Number.NaN;
    const start = performance.now();
    const response = await fetch(file.url, { signal: abort.signal, cache: 'no-store' });
    const responseAt = performance.now();
    if (!response.ok || !response.body) throw new Error(`GET ${file.url}: ${response.status}`);
    const record = await importDatasetStream(db, response.body, {
      source: { kind: 'url', url: file.url },
      signal: abort.signal,
      // readDataset reports once more when it has read everything; writing follows.
      onProgress: (update) => {
        if (update.phase === 'reading') readAt = performance.now();
      },
    });
    const end = performance.now();
    if (record.segmentCount !== rows || record.report.acceptedRows !== rows) {
      throw new Error(`${file.format}: saved ${record.segmentCount} segments of ${rows} rows (${record.report.rejectedRows} rejected)`);
    }
    return { totalMs: end - start, responseMs: responseAt - start, readMs: readAt - start };
  } finally {
    db.close();
  }
}

/** fetch and read the body to its end: the transport alone. */
async function download(file: ServedDataset): Promise<number> {
  const timed = await timeAsync(async () => {
    const reader = (await fetchBody(file.url, new AbortController().signal)).getReader();
    let bytes = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.length;
    return bytes;
  });
  if (timed.value !== file.bytes) throw new Error(`${file.url}: read ${timed.value} of ${file.bytes} bytes`);
  return timed.ms;
}

async function baseline(rows: readonly DatasetRow[]): Promise<number> {
  const db = await openEmptyNaiveDb();
  try {
    return (await timeAsync(() => writeRows(db, rows))).ms;
  } finally {
    db.close();
  }
}

type Method = { kind: 'ours' | 'download'; index: number } | { kind: 'baseline' };

function label(method: Method, files: readonly ServedDataset[]): string {
  return method.kind === 'baseline' ? 'baseline' : `${method.kind} ${files[method.index]!.format}`;
}

export async function importBench(
  spec: ImportSpec,
  vocabulary: SampleVocabulary,
): Promise<{ result: ImportResult; lookupVideoIds: string[] }> {
  // The baseline's rows, generated before any timing; the served files hold the same rows.
  const dataset = generateDataset(spec.rows, spec.lookupVideoSegments, vocabulary, createRandom(spec.seed));
  if ((await hashText(toJsonLines(dataset.rows))) !== spec.jsonlSha256) {
    throw new Error(`${spec.rows} rows: the page generated other rows than the served files hold`);
  }
  progress(
    `${spec.rows} rows: ${dataset.videoCount} videos; ` +
      spec.files.map((file) => `${file.format} ${(file.bytes / 1e6).toFixed(1)} MB`).join(', '),
  );

  const methods: Method[] = [
    { kind: 'baseline' },
    ...spec.files.map((_, index): Method => ({ kind: 'ours', index })),
    ...spec.files.map((_, index): Method => ({ kind: 'download', index })),
  ];
  const formats: FormatImportResult[] = spec.files.map((file) => ({ file, ours: [], download: [] }));
  const baselineSamples: number[] = [];

  const run = async (method: Method, record: boolean): Promise<number> => {
    // `gc` exists when Chromium runs with --js-flags=--expose-gc (typed by @types/node).
    globalThis.gc?.(); // the last run's garbage (hundreds of MB at 100,000 rows) is not this run's cost
    if (method.kind === 'baseline') {
      const ms = await baseline(dataset.rows);
      if (record) baselineSamples.push(ms);
      return ms;
    }
    const target = formats[method.index]!;
    if (method.kind === 'download') {
      const ms = await download(target.file);
      if (record) target.download.push(ms);
      return ms;
    }
    const timed = await urlImport(target.file, spec.rows);
    if (record) target.ours.push(timed);
    return timed.totalMs;
  };

  for (let i = 0; i < spec.warmup; i += 1) {
    for (const method of methods) await run(method, false);
  }
  for (let r = 0; r < spec.repetitions; r += 1) {
    // Rotate the order, so no method always runs right after the same other one.
    const times: string[] = [];
    for (let k = 0; k < methods.length; k += 1) {
      const method = methods[(r + k) % methods.length]!;
      times.push(`${label(method, spec.files)} ${(await run(method, true)).toFixed(0)}`);
    }
    progress(`${spec.rows} rows: import run ${r + 1}/${spec.repetitions} (ms): ${times.join(', ')}`);
  }

  // Only the ids go on: the rows (tens of MB at 100,000 rows) can be collected.
  return {
    lookupVideoIds: dataset.lookupVideoIds,
    result: {
      rows: spec.rows,
      videos: dataset.videoCount,
      lookupVideos: dataset.lookupVideoIds.length,
      formats,
      baseline: baselineSamples,
    },
  };
}
