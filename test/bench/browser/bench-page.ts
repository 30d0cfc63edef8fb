/**
 * The bench page's entry, bundled by Vite with the project's real lib/ code
 * and loaded into headless Chromium. It only exposes `window.ytBench`; the
 * Node side decides what to run and prints the results.
 */
import { deleteDB } from 'idb';
import type { BenchApi } from '../shared/protocol';
import { captionsBench } from './captions-bench';
import { importBench, OURS_DB_NAME } from './import-bench';
import { libraryBench } from './library-bench';
import { lookupBench, type CachedDataset } from './lookup-bench';
import { NAIVE_DB_NAME } from './naive-store';
import { searchBench } from './search-bench';
import { loadSampleVocabulary, type SampleVocabulary } from '../shared/synthetic';

let vocabulary: SampleVocabulary | undefined;
let lastImport: CachedDataset | undefined;

function requireVocabulary(): SampleVocabulary {
  if (!vocabulary) throw new Error('call loadSample first');
  return vocabulary;
}

const api: BenchApi = {
  environment: () => ({
    userAgent: navigator.userAgent,
    crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
  }),
  loadSample: (jsonl) => {
    const loaded = loadSampleVocabulary(jsonl);
    vocabulary = loaded;
    return { rows: loaded.rows, tokens: loaded.tokens.length, distinctTokens: new Set(loaded.tokens).size };
  },
  importBench: async (spec) => {
    lastImport = undefined;
    const { result, lookupVideoIds } = await importBench(spec, requireVocabulary());
    lastImport = { rows: spec.rows, lookupVideoIds, segmentsPerLookup: spec.lookupVideoSegments };
    return result;
  },
  lookupBench: (spec) => {
    if (!lastImport) throw new Error('call importBench first');
    return lookupBench(spec, lastImport);
  },
  searchBench: (spec) => searchBench(spec, requireVocabulary()),
  captionsBench: (spec) => captionsBench(spec, requireVocabulary()),
  libraryBench: (spec) => libraryBench(spec, requireVocabulary()),
  cleanup: async () => {
    lastImport = undefined;
    await deleteDB(OURS_DB_NAME);
    await deleteDB(NAIVE_DB_NAME);
  },
};

window.ytBench = api;
