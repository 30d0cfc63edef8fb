/**
 * Figure 1: reading one whole video, as the panel does when a video opens.
 * Ours: `getTranscript` on lib/store's one-record-per-video layout. Baselines:
 * the per-row layout read through its video_id index and through a key range.
 * Both databases hold the same rows (left there by the import bench).
 * A fourth, diagnostic method is lib/store's layout read without the
 * `meta.activeDatasetId` read that `getTranscript` does first: what caching
 * the active dataset id in memory would give.
 */
import { getActiveDataset, getTranscript, openTranscriptDb, type TranscriptDb } from '../../lib/store';
import { isVideoId, type VideoId } from '../../lib/youtube-url';
import type { LookupResult, LookupSpec } from '../shared/protocol';
import { openNaiveDb, readByIndex, readByKeyRange } from './naive-store';
import { OURS_DB_NAME } from './import-bench';
import { createRandom } from '../shared/random';
import { progress, timeAsync } from './timing';

type Method = 'ours' | 'oursKnownDataset' | 'baselineIndex' | 'baselineRange';
const METHODS: readonly Method[] = ['ours', 'oursKnownDataset', 'baselineIndex', 'baselineRange'];

/** `getTranscript` minus its first step: the same two reads, with the dataset id already known. */
async function readKnownDataset(db: TranscriptDb, datasetId: string, videoId: VideoId): Promise<number> {
  const tx = db.transaction(['videos', 'transcripts'], 'readonly');
  const [video, stored] = await Promise.all([
    tx.objectStore('videos').get([datasetId, videoId]),
    tx.objectStore('transcripts').get([datasetId, videoId]),
  ]);
  return video && stored ? stored.segments.length : 0;
}

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
  const datasetId = (await getActiveDataset(ours))?.id;
  if (datasetId === undefined) throw new Error('no active dataset to read');

  const read = async (method: Method, id: string): Promise<number> => {
    if (!isVideoId(id)) throw new Error(`bad synthetic id ${id}`);
    const timed = await timeAsync(async (): Promise<number> => {
      if (method === 'ours') return (await getTranscript(ours, id))?.segments.length ?? 0;
      if (method === 'oursKnownDataset') return readKnownDataset(ours, datasetId, id);
      if (method === 'baselineIndex') return (await readByIndex(naive, id)).length;
      return (await readByKeyRange(naive, id)).length;
    });
    if (timed.value !== segmentsPerLookup) throw new Error(`${method} read ${timed.value} segments of ${id}`);
    return timed.ms;
  };

  for (let i = 0; i < spec.warmup; i += 1) {
    for (const method of METHODS) await read(method, random.pick(dataset.lookupVideoIds));
  }
  const samples: Record<Method, number[]> = { ours: [], oursKnownDataset: [], baselineIndex: [], baselineRange: [] };
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
