/**
 * Figure 1: reading one whole video, as the panel does when a video opens.
 * Ours: `getTranscript(db, videoId, datasetId)` on lib/store's
 * one-record-per-video layout, with the active dataset id the background keeps
 * in memory (lib/transcript-service.ts): two gets in one transaction. Also
 * ours without the id (`getTranscript(db, videoId)` reads
 * `meta.activeDatasetId` first), as after the worker starts. Baselines: the
 * per-row layout read through its video_id index and through a key range.
 * Both databases hold the same rows (left there by the import bench).
 */
import { getActiveDatasetId, getTranscript } from '../../../lib/store/reads';
import { openTranscriptDb } from '../../../lib/store/schema';
import { isVideoId } from '../../../lib/youtube/url';
import type { LookupResult, LookupSpec } from '../shared/protocol';
import { createRandom } from '../shared/random';
import { openNaiveDb, readByIndex, readByKeyRange } from './naive-store';
import { OURS_DB_NAME } from './import-bench';
import { progress, timeAsync } from './timing';

type Method = 'ours' | 'oursWithIdRead' | 'baselineIndex' | 'baselineRange';
const METHODS: readonly Method[] = ['ours', 'oursWithIdRead', 'baselineIndex', 'baselineRange'];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What the import left in both databases. */
export interface CachedDataset {
  rows: number;
  /** Videos with exactly `segmentsPerLookup` segments. */
  lookupVideoIds: readonly string[];
  segmentsPerLookup: number;
}

export async function lookupBench(spec: LookupSpec, dataset: CachedDataset): Promise<LookupResult> {
  const { segmentsPerLookup } = dataset;
  // The import just wrote tens of MB: let the browser settle (LevelDB compaction, GC),
  // as the panel's reads come long after an import.
  await sleep(spec.settleMs);
  const ours = await openTranscriptDb(OURS_DB_NAME);
  const naive = await openNaiveDb();
  const random = createRandom(spec.seed);
  // What the background caches on its first read.
  const datasetId = await getActiveDatasetId(ours);
  if (datasetId === undefined) throw new Error('no active dataset to read');

  const read = async (method: Method, id: string): Promise<number> => {
    if (!isVideoId(id)) throw new Error(`bad synthetic id ${id}`);
    const timed = await timeAsync(async (): Promise<number> => {
      if (method === 'ours') return (await getTranscript(ours, id, datasetId))?.segments.length ?? 0;
      if (method === 'oursWithIdRead') return (await getTranscript(ours, id))?.segments.length ?? 0;
      if (method === 'baselineIndex') return (await readByIndex(naive, id)).length;
      return (await readByKeyRange(naive, id)).length;
    });
    if (timed.value !== segmentsPerLookup) throw new Error(`${method} read ${timed.value} segments of ${id}`);
    return timed.ms;
  };

  for (let i = 0; i < spec.warmup; i += 1) {
    for (const method of METHODS) await read(method, random.pick(dataset.lookupVideoIds));
  }
  const samples: Record<Method, number[]> = { ours: [], oursWithIdRead: [], baselineIndex: [], baselineRange: [] };
  for (let i = 0; i < spec.lookups; i += 1) {
    const id = random.pick(dataset.lookupVideoIds);
    // Same video for every method, in a rotating order.
    for (let k = 0; k < METHODS.length; k += 1) {
      const method = METHODS[(i + k) % METHODS.length]!;
      samples[method].push(await read(method, id));
    }
  }
  ours.close();
  naive.close();
  progress(`${dataset.rows} rows: ${spec.lookups} lookups of each method done`);
  return { rows: dataset.rows, segmentsPerLookup, ...samples };
}
