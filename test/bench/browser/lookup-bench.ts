/**
 * Figure 1: reading one whole video, as the panel does when a video opens.
 * Ours: `getTranscript(db, videoId, datasetId)` on lib/store's
 * one-record-per-video layout, with the active dataset id the background keeps
 * in memory (lib/transcript-service.ts): two gets in one transaction. Also
 * ours without the id (`getTranscript(db, videoId)` reads
 * `meta.activeDatasetId` first), as after the worker starts. Baselines: the
 * per-row layout read through its video_id index and through a key range.
 * And the worker's whole answer, from its memory of recent transcripts (a
 * hit) and not (a miss): the LRU that keeps the read steady under load.
 * Both databases hold the same rows (left there by the import bench).
 */
import { createTranscriptService } from '../../../lib/lookup/dataset-lookup';
import { getActiveDatasetId, getTranscript } from '../../../lib/store/reads';
import { openTranscriptDb } from '../../../lib/store/schema';
import { isVideoId } from '../../../lib/youtube/url';
import type { LookupResult, LookupSpec } from '../shared/protocol';
import { createRandom } from '../shared/random';
import { openNaiveDb, readByIndex, readByKeyRange } from './naive-store';
import { OURS_DB_NAME } from './import-bench';
import { progress, timeAsync } from './timing';

type Method = 'ours' | 'oursWithIdRead' | 'workerHit' | 'workerMiss' | 'baselineIndex' | 'baselineRange';
const METHODS: readonly Method[] = ['ours', 'oursWithIdRead', 'workerHit', 'workerMiss', 'baselineIndex', 'baselineRange'];
/** The worker's memory (lib/lookup/dataset-lookup.ts): a video not among the last this many asked is a miss. */
const WORKER_MEMORY = 8;

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

  // Two workers on the same database: one always asked for the video it was just asked for, one never for a recent one.
  const workerOptions = { database: () => Promise.resolve(ours), ready: () => Promise.resolve() };
  const hitWorker = createTranscriptService(workerOptions);
  const missWorker = createTranscriptService(workerOptions);
  const missedLately: string[] = [];
  const segmentsFrom = (outcome: Awaited<ReturnType<typeof hitWorker.getTranscript>>): number =>
    outcome.status === 'found' ? outcome.transcript.segments.length : 0;

  const read = async (method: Method, id: string): Promise<number> => {
    if (!isVideoId(id)) throw new Error(`bad synthetic id ${id}`);
    if (method === 'workerHit') await hitWorker.getTranscript({ type: 'getTranscript', videoId: id });
    if (method === 'workerMiss') {
      if (missedLately.includes(id)) throw new Error(`${id} is still in the worker's memory`);
      missedLately.push(id);
      if (missedLately.length > WORKER_MEMORY) missedLately.shift();
    }
    const timed = await timeAsync(async (): Promise<number> => {
      if (method === 'ours') return (await getTranscript(ours, id, datasetId))?.segments.length ?? 0;
      if (method === 'workerHit') return segmentsFrom(await hitWorker.getTranscript({ type: 'getTranscript', videoId: id }));
      if (method === 'workerMiss') return segmentsFrom(await missWorker.getTranscript({ type: 'getTranscript', videoId: id }));
      if (method === 'oursWithIdRead') return (await getTranscript(ours, id))?.segments.length ?? 0;
      if (method === 'baselineIndex') return (await readByIndex(naive, id)).length;
      return (await readByKeyRange(naive, id)).length;
    });
    if (timed.value !== segmentsPerLookup) throw new Error(`${method} read ${timed.value} segments of ${id}`);
    return timed.ms;
  };

  // A video the miss worker was not asked for among its last WORKER_MEMORY (videos of 450 segments: 8 fit its memory).
  const pickVideo = (): string => {
    const fresh = dataset.lookupVideoIds.filter((id) => !missedLately.includes(id));
    if (fresh.length === 0) throw new Error(`only ${dataset.lookupVideoIds.length} videos to read: the worker remembers them all`);
    return random.pick(fresh);
  };
  for (let i = 0; i < spec.warmup; i += 1) {
    const id = pickVideo();
    for (const method of METHODS) await read(method, id);
  }
  const samples: Record<Method, number[]> = { ours: [], oursWithIdRead: [], workerHit: [], workerMiss: [], baselineIndex: [], baselineRange: [] };
  for (let i = 0; i < spec.lookups; i += 1) {
    const id = pickVideo();
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
