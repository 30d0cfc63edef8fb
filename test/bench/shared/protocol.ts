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

/** The dataset files served to the page: the same rows in each. */
export type ServedFormat = 'jsonl' | 'parquet' | 'jsonl.gz';

export interface ServedDataset {
  format: ServedFormat;
  /** Absolute URL the page fetches. */
  url: string;
  bytes: number;
}

export interface ImportSpec extends DatasetSpec {
  /** Timed runs of every method (each format, each download, the baseline); every import into an empty database. */
  repetitions: number;
  /** Untimed runs of every method first. */
  warmup: number;
  files: ServedDataset[];
  /** SHA-256 of the JSON Lines file Node wrote: the page checks it regenerated the same rows. */
  jsonlSha256: string;
}

/** One URL import, as the background runs it; times in ms from calling fetch(). */
export interface UrlImportRun {
  /** Until `importDatasetStream` resolved: the new dataset is active. */
  totalMs: number;
  /** Until fetch() resolved (response headers). */
  responseMs: number;
  /** Until `readDataset` finished (its last 'reading' progress): download, decode, parse, validate. */
  readMs: number;
}

export interface FormatImportResult {
  file: ServedDataset;
  /** fetch → `importDatasetStream` → dataset active. */
  ours: UrlImportRun[];
  /** fetch and read the body to its end, nothing else: what the transport costs. */
  download: Samples;
}

export interface ImportResult {
  rows: number;
  videos: number;
  lookupVideos: number;
  formats: FormatImportResult[];
  /** The same rows, generated in the page before timing; one record per row, one transaction. */
  baseline: Samples;
}

export interface LookupResult {
  rows: number;
  segmentsPerLookup: number;
  /** `getTranscript(db, videoId, datasetId)`: the background's call, with the active id it keeps in memory. */
  ours: Samples;
  /** `getTranscript(db, videoId)`: reads `meta.activeDatasetId` first (the background's first read after it starts). */
  oursWithIdRead: Samples;
  /**
   * The worker's whole answer (`createTranscriptService().getTranscript`) for
   * the video it was just asked for: from its memory of the last 8
   * transcripts, after one small read that the dataset is still the active one.
   */
  workerHit: Samples;
  /** The same for a video it was not asked for lately: read from IndexedDB, then remembered. */
  workerMiss: Samples;
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

export interface CaptionsSpec {
  /** Lines of the long video (~2,000 for 2 hours) and its length in seconds. */
  lines: number;
  durationSeconds: number;
  chapters: number;
  /** Timed parses of each answer, after untimed ones. */
  parses: number;
  parseWarmup: number;
  /** Videos of that length in the captions cache, and timed opens of a random one. */
  cachedVideos: number;
  opens: number;
  openWarmup: number;
  seed: number;
}

export interface CaptionsResult {
  lines: number;
  chapters: number;
  /** Characters of the answers as YouTube sends them. */
  panelChars: number;
  json3Chars: number;
  /** `parsePanelResponse(JSON.parse(text))`. */
  parsePanel: Samples;
  /** `parseTimedText(text)` on json3. */
  parseJson3: Samples;
  cachedVideos: number;
  /** `readCachedCaptions(db, videoId, {})`: the background's read when a video the dataset lacks opens again. */
  openFromCache: Samples;
}

export interface LibrarySpec extends DatasetSpec {
  /** The JSON Lines file of these rows, served to the page. */
  jsonlUrl: string;
  /** Timed imports with the index and without it, alternating; the last one (with) stays for the queries. */
  importRepetitions: number;
  /** Timed first queries, each from a new connection and a new search service. */
  firstQueryRuns: number;
  /** Typed character by character; every prefix is a keystroke. */
  queries: string[];
  keystrokeRepetitions: number;
  /** Whole queries fuse.js searches (it takes seconds each at 100,000 rows). */
  fuseQueries: number;
  /** The built popup's stylesheets (`.output/chrome-mv3/popup.html`'s), for its search box drawn in the page. */
  popupCss: string;
}

export interface LibraryResult {
  rows: number;
  videos: number;
  /** fetch → `importDatasetStream` (reads, writes, builds and stores the index, switches). */
  importWithIndex: Samples;
  /** The same file through the same reader and writer, no index: the import as it was. */
  importWithoutIndex: Samples;
  /** `buildLibraryIndex` of the file's transcripts in one go, and `putLibraryIndex` of it: the index's share of the import. */
  indexBuildMs: Samples;
  indexPutMs: Samples;
  /** The stored index's arrays and strings, in bytes (what structured clone writes and a load holds). */
  indexBytes: { postings: number; tokens: number; words: number; videos: number; total: number };
  /** The query's scratch arrays, held while the index is loaded. */
  scratchBytes: number;
  /** `navigator.storage.estimate().usage` right after each import with / without the index. */
  usageWithIndex: number[];
  usageWithoutIndex: number[];
  /** A new connection and service, then `searchLibrary`: the index read from IndexedDB, queried, 5 videos described. */
  firstQuery: Samples;
  /** `createIndexQuery(index)(prefix)`: the engine. */
  engineKeystrokes: KeystrokeSamples;
  /** `searchLibrary` with the popup's page (5 videos, 3 hits): the engine, the shown videos' text read and described. */
  searchKeystrokes: KeystrokeSamples;
  /**
   * The popup's search box in the page, typed into: `input` event → the first answer (cards first), → the end of the
   * first frame showing the cards, → the end of the first frame showing every card's hits.
   */
  popupAnswered: KeystrokeSamples;
  popupCardsDrawn: KeystrokeSamples;
  popupHitsDrawn: KeystrokeSamples;
  /** Characters of segment text the popup's search held once typing ended (its text memory, read ahead between keystrokes). */
  popupHeldTextChars: number;
  /** Baseline: rows whose lower-cased text `includes` the lower-cased prefix. */
  includesKeystrokes: KeystrokeSamples;
  /** Baseline: fuse.js over every row's text. */
  fuseBuildMs: number;
  fuseQueryMs: Record<string, number>;
  /** Segments found per whole query: ours, and the includes scan's. */
  resultCounts: Record<string, { ours: number; includes: number }>;
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
  /** Imports every file (ours) and the rows (baseline) `repetitions` times; the last import of each stays for `lookup`. */
  importBench: (spec: ImportSpec) => Promise<ImportResult>;
  /** Reads random lookup videos from what the last `importBench` left in both databases. */
  lookupBench: (spec: LookupSpec) => Promise<LookupResult>;
  searchBench: (spec: SearchSpec) => SearchResult;
  /** Parses a long video's caption answers, then fills the captions cache and opens videos from it. */
  captionsBench: (spec: CaptionsSpec) => Promise<CaptionsResult>;
  /** Library search (issue 8): import with and without the index, first and warm queries, baselines. */
  libraryBench: (spec: LibrarySpec) => Promise<LibraryResult>;
  /** Deletes the bench databases. */
  cleanup: () => Promise<void>;
}

declare global {
  interface Window {
    ytBench?: BenchApi;
  }
}
