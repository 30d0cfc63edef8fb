/**
 * The dataset files the import bench fetches, written in Node from the same
 * seeded synthetic rows the page regenerates for its baseline: JSON Lines,
 * Parquet (hyparquet-writer's defaults: Snappy, row groups of 1,000 then
 * 100,000 rows; strings and 64-bit integers as Hugging Face publishes it) and
 * gzipped JSON Lines.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { toParquetBytes } from '../fixtures/dataset-files';
import type { ServedFile } from './launch-page';
import type { DatasetSpec, ServedFormat } from './shared/protocol';
import { createRandom } from './shared/random';
import { generateDataset, toJsonLines, type SampleVocabulary } from './shared/synthetic';

const gzip = promisify(gzipCallback);

export interface DatasetFile {
  format: ServedFormat;
  /** Path on the bench server, e.g. "/data/train-11300.jsonl". */
  path: string;
  file: ServedFile & { body: Uint8Array };
}

export interface DatasetFiles {
  jsonlSha256: string;
  files: DatasetFile[];
}

/** The rows of `spec` as every served format. Deterministic: the page regenerates the same rows from the seed. */
export async function writeDatasetFiles(spec: DatasetSpec, vocabulary: SampleVocabulary): Promise<DatasetFiles> {
  const dataset = generateDataset(spec.rows, spec.lookupVideoSegments, vocabulary, createRandom(spec.seed));
  const jsonl = Buffer.from(toJsonLines(dataset.rows));
  const name = `/data/train-${spec.rows}`;
  return {
    jsonlSha256: createHash('sha256').update(jsonl).digest('hex'),
    files: [
      { format: 'jsonl', path: `${name}.jsonl`, file: { contentType: 'application/jsonl', body: jsonl } },
      { format: 'parquet', path: `${name}.parquet`, file: { contentType: 'application/vnd.apache.parquet', body: toParquetBytes(dataset.rows) } },
      // Level 6 (gzip's default), as a file compressed with `gzip` would be.
      { format: 'jsonl.gz', path: `${name}.jsonl.gz`, file: { contentType: 'application/gzip', body: await gzip(jsonl) } },
    ],
  };
}
