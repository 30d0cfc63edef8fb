/**
 * Figure 1: reading one whole video, as the panel does when a video opens.
 * Ours: `getTranscript` on lib/store's one-record-per-video layout. Baselines:
 * the per-row layout read through its video_id index and through a key range.
 * Both databases hold the same rows (left there by the import bench).
 */
import { getTranscript, openTranscriptDb } from '../../lib/store';
import { isVideoId } from '../../lib/youtube-url';
import type { LookupResult, LookupSpec } from '../shared/protocol';
import { openNaiveDb, readByIndex, readByKeyRange } from './naive-store';
import { OURS_DB_NAME } from './import-bench';
import { createRandom } from './random';
import type { SyntheticDataset } from './synthetic';
import { progress, timeAsync } from './timing';

type Method = 'ours' | 'baselineIndex' | 'baselineRange';
const METHODS: readonly Method[] = ['ours', 'baselineIndex', 'baselineRange'];

export async function lookupBench(spec: LookupSpec, dataset: SyntheticDataset, segmentsPerLookup: number): Promise<LookupResult> {
  const ours = await openTranscriptDb(OURS_DB_NAME);
  const naive = await openNaiveDb();
  const random = createRandom(spec.seed);

  const read = async (method: Method, id: string): Promise<number> => {
    if (!isVideoId(id)) throw new Error(`bad synthetic id ${id}`);
    const timed = await timeAsync(async (): Promise<number> => {
      if (method === 'ours') return (await getTranscript(ours, id))?.segments.length ?? 0;
      if (method === 'baselineIndex') return (await readByIndex(naive, id)).length;
      return (await readByKeyRange(naive, id)).length;
    });
    if (timed.value !== segmentsPerLookup) throw new Error(`${method} read ${timed.value} segments of ${id}`);
    return timed.ms;
  };

  for (let i = 0; i < spec.warmup; i += 1) {
    for (const method of METHODS) await read(method, random.pick(dataset.lookupVideoIds));
  }
  const samples: Record<Method, number[]> = { ours: [], baselineIndex: [], baselineRange: [] };
  for (let i = 0; i < spec.lookups; i += 1) {
    const id = random.pick(dataset.lookupVideoIds);
    // Same video for all three, in a rotating order.
    for (let k = 0; k < METHODS.length; k += 1) {
      const method = METHODS[(i + k) % METHODS.length]!;
      samples[method].push(await read(method, id));
    }
  }
  ours.close();
  naive.close();
  progress(`${dataset.rows.length} rows: ${spec.lookups} lookups of each method done`);
  return { rows: dataset.rows.length, segmentsPerLookup, ...samples };
}
