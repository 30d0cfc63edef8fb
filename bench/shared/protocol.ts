/**
 * What the Node side (bench/run.ts) and the page (bench/browser/bench-page.ts)
 * pass to each other through `page.evaluate`. Types only: every value must
 * survive structured cloning (plain objects, arrays, numbers, strings).
 */

/** Synthetic data for one dataset size. */
export interface DatasetSpec {
  rows: number;
  /** Segments in every video the lookups read. */
  lookupVideoSegments: number;
  seed: number;
}

export interface ImportSpec extends DatasetSpec {
  /** Timed runs of each method (ours and the baseline), each into an empty database. */
  repetitions: number;
}

export interface LookupSpec {
  /** Timed lookups per method, each of a random 450-segment video. */
  lookups: number;
  /** Untimed lookups first, so every method starts with the database open and warm. */
  warmup: number;
  /** Idle time after the import before the first read. */
  settleMs: number;
  seed: number;
}

/** Timings in milliseconds, in the order they were taken. */
export type Samples = number[];

export interface ImportResult {
  rows: number;
  videos: number;
  lookupVideos: number;
  jsonlBytes: number;
  /** `importJsonLines`: parse, validate, hash, `saveDataset`. */
  ours: Samples;
  /** One record per row, one transaction, rows already parsed. */
  baseline: Samples;
  /** One run of each stage of ours on its own, to see where the time goes. */
  oursStages: { parse: number; hash: number; save: number };
}

export interface LookupResult {
  rows: number;
  segmentsPerLookup: number;
  /** `getTranscript(db, videoId, datasetId)`: the background's call, with the active id it keeps in memory. */
  ours: Samples;
  /** `getTranscript(db, videoId)`: reads `meta.activeDatasetId` first (the background's first read after it starts). */
  oursWithIdRead: Samples;
  /** Per-row store, `getAllFromIndex('segments', 'video_id', id)`. */
  baselineIndex: Samples;
  /** Per-row store, `getAll(IDBKeyRange.bound([id], [id, []]))`. */
  baselineRange: Samples;
}

export interface SearchSpec {
  queries: string[];
  /** Videos searched; each gets one fresh `createTranscriptSearch` and one baseline Fuse. */
  videos: number;
  segmentsPerVideo: number;
  /** Extra distinct words mixed into the text for the large-vocabulary variant (0: none). */
  extraVocabulary: number;
  seed: number;
  /** Search the baseline too (off for variants that only stress ours). */
  baseline: boolean;
}

/** Per-keystroke timings, split by query so one query's cost can be read on its own. */
export type KeystrokeSamples = Record<string, Samples>;

export interface QualityFigure {
  /** Mean over videos of: top-5 hits holding every query word / 5. */
  topFiveAllWords: number;
  /** The best possible value: min(5, segments holding every word) / 5, averaged over videos. */
  ideal: number;
}

export interface QueryQuality {
  query: string;
  /** Ours, judged by its own `matchedWords === words.length`. */
  oursSelfJudged: number;
  /** Ours, judged by the same text check as the baseline. */
  ours: QualityFigure;
  baseline: QualityFigure | null;
}

export interface SearchResult {
  videos: number;
  segmentsPerVideo: number;
  /** Distinct normalized words per video, averaged. */
  vocabularySize: number;
  oursBuild: Samples;
  oursKeystrokes: KeystrokeSamples;
  baselineBuild: Samples;
  baselineKeystrokes: KeystrokeSamples;
  quality: QueryQuality[];
}

export interface EnvironmentInfo {
  userAgent: string;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
}

/** The functions the bench page exposes as `window.ytBench`. */
export interface BenchApi {
  environment: () => EnvironmentInfo;
  /** Loads the sample rows the synthetic text is drawn from. */
  loadSample: (jsonl: string) => { rows: number; tokens: number; distinctTokens: number };
  /** Imports (ours and baseline) `repetitions` times; the last import of each stays for `lookup`. */
  importBench: (spec: ImportSpec) => Promise<ImportResult>;
  /** Reads random lookup videos from what the last `importBench` left in both databases. */
  lookupBench: (spec: LookupSpec) => Promise<LookupResult>;
  searchBench: (spec: SearchSpec) => SearchResult;
  /** Deletes the bench databases. */
  cleanup: () => Promise<void>;
}

declare global {
  interface Window {
    ytBench?: BenchApi;
  }
}
