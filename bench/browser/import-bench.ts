/**
 * Figure 3: getting a JSON Lines file into the cache. Ours is the real path
 * (`importJsonLines`: parse, validate, hash, `saveDataset`); the baseline writes
 * the already-parsed rows one record each. Every run starts from an empty database.
 */
import { deleteDB } from 'idb';
import { hashText } from '../../lib/content-hash';
import { parseJsonLines } from '../../lib/dataset';
import { importJsonLines } from '../../lib/dataset-import';
import { openTranscriptDb, saveDataset, type TranscriptDb } from '../../lib/store';
import type { ImportResult, ImportSpec } from '../shared/protocol';
import { openEmptyNaiveDb, writeRows } from './naive-store';
import { createRandom } from '../shared/random';
import { generateDataset, toJsonLines, type SampleVocabulary } from '../shared/synthetic';
import { progress, timeAsync, timeSync } from './timing';

export const OURS_DB_NAME = 'bench-transcript-search';

export async function openEmptyOursDb(): Promise<TranscriptDb> {
  await deleteDB(OURS_DB_NAME);
  return openTranscriptDb(OURS_DB_NAME);
}

export async function importBench(
  spec: ImportSpec,
  vocabulary: SampleVocabulary,
): Promise<{ result: ImportResult; lookupVideoIds: string[] }> {
  const dataset = generateDataset(spec.rows, spec.lookupVideoSegments, vocabulary, createRandom(spec.seed));
  const jsonl = toJsonLines(dataset.rows);
  progress(`${spec.rows} rows: ${dataset.videoCount} videos, ${(jsonl.length / 1e6).toFixed(1)} MB of JSON Lines`);

  const parse = timeSync(() => parseJsonLines(jsonl));
  if (parse.value.report.acceptedRows !== spec.rows) {
    throw new Error(`parseJsonLines accepted ${parse.value.report.acceptedRows} of ${spec.rows} synthetic rows`);
  }
  const hash = await timeAsync(() => hashText(jsonl));
  const stageDb = await openEmptyOursDb();
  const save = await timeAsync(() =>
    saveDataset(stageDb, { id: hash.value, source: { kind: 'file', name: 'synthetic.jsonl' }, report: parse.value.report, importedAt: Date.now() }, parse.value.transcripts),
  );
  stageDb.close();

  const ours: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < spec.repetitions; run += 1) {
    // Alternate which goes first, so neither always runs on a fresher heap.
    const order = run % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    for (const method of order) {
      if (method === 'ours') {
        const db = await openEmptyOursDb();
        const timed = await timeAsync(() => importJsonLines(db, jsonl, { kind: 'file', name: 'synthetic.jsonl' }));
        db.close();
        if (timed.value.segmentCount !== spec.rows) throw new Error(`ours saved ${timed.value.segmentCount} segments`);
        ours.push(timed.ms);
      } else {
        const db = await openEmptyNaiveDb();
        const timed = await timeAsync(() => writeRows(db, dataset.rows));
        db.close();
        baseline.push(timed.ms);
      }
    }
    progress(`${spec.rows} rows: import run ${run + 1}/${spec.repetitions}: ours ${ours.at(-1)?.toFixed(0) ?? '?'} ms, baseline ${baseline.at(-1)?.toFixed(0) ?? '?'} ms`);
  }

  // Only the ids go on: the rows and the file text (hundreds of MB at 100,000 rows) can be collected.
  return {
    lookupVideoIds: dataset.lookupVideoIds,
    result: {
      rows: spec.rows,
      videos: dataset.videoCount,
      lookupVideos: dataset.lookupVideoIds.length,
      jsonlBytes: new TextEncoder().encode(jsonl).length,
      ours,
      baseline,
      oursStages: { parse: parse.ms, hash: hash.ms, save: save.ms },
    },
  };
}
