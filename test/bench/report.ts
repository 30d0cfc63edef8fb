/** Turns a run's raw samples into summary figures and the printed report. */
import type { FileSize } from './extension-size';
import { formatCaptionsSection, summarizeCaptions, type CaptionsFigure } from './captions-report';
import { formatLibrarySection, summarizeLibrary, type LibraryFigure } from './library-report';
import type { BenchResults } from './results';
import type { FormatImportResult, ImportResult, LookupResult, SearchResult, ServedFormat } from './shared/protocol';
import { pooled, summarize, type Summary } from './stats';
import { count, formatTable, ms, percent, ratio } from './table';

export const TARGETS = {
  lookupMedianMs: 2,
  lookupP95Ms: 5,
  /** Rows cached when the lookup target applies. */
  lookupAtRows: 100_000,
  keystrokeP95Ms: 4,
  /** Ours (JSON Lines from a URL until the dataset is active) ÷ the per-row baseline, medians, at these sizes. */
  importRatio: [
    { rows: 11_300, max: 1.0 },
    { rows: 100_000, max: 0.5 },
  ],
} as const;

interface LookupFigure {
  rows: number;
  ours: Summary;
  oursWithIdRead: Summary;
  workerHit: Summary;
  workerMiss: Summary;
  baselineIndex: Summary;
  baselineRange: Summary;
}

interface SearchFigure {
  videos: number;
  vocabularySize: number;
  keystrokesPerVideo: number;
  oursBuild: Summary;
  oursKeystroke: Summary;
  baselineBuild: Summary | null;
  baselineKeystroke: Summary | null;
  perQuery: { query: string; words: number; ours: Summary; baseline: Summary | null }[];
}

interface FormatFigure {
  format: ServedFormat;
  /** The file's name on the bench server. */
  name: string;
  megabytes: number;
  /** fetch() called → dataset active. */
  ours: Summary;
  rowsPerSecond: number;
  /** Stages of the same runs, ms after calling fetch(): response headers, everything read and validated, and the rest (group, write, switch). */
  response: Summary;
  read: Summary;
  afterRead: Summary;
  /** fetch and read the body alone. */
  download: Summary;
}

interface ImportFigure {
  rows: number;
  videos: number;
  formats: FormatFigure[];
  baseline: Summary;
  baselineRowsPerSecond: number;
}

interface ImportTarget {
  rows: number;
  max: number;
  /** Ours (JSON Lines) ÷ baseline, medians; null when the size did not run. */
  ratio: number | null;
  met: boolean | null;
}

export interface ReportSummary {
  lookup: LookupFigure[];
  search: SearchFigure;
  largeVocabularySearch: SearchFigure;
  quality: SearchResult['quality'];
  import: ImportFigure[];
  extension: FileSize[];
  captions: CaptionsFigure;
  library: LibraryFigure[];
  targets: { lookup: boolean | null; keystroke: boolean; import: ImportTarget[] };
}

function lookupFigure(result: LookupResult): LookupFigure {
  return {
    rows: result.rows,
    ours: summarize(result.ours),
    oursWithIdRead: summarize(result.oursWithIdRead),
    workerHit: summarize(result.workerHit),
    workerMiss: summarize(result.workerMiss),
    baselineIndex: summarize(result.baselineIndex),
    baselineRange: summarize(result.baselineRange),
  };
}

function searchFigure(result: SearchResult): SearchFigure {
  const hasBaseline = result.baselineBuild.length > 0;
  const queries = Object.keys(result.oursKeystrokes);
  return {
    videos: result.videos,
    vocabularySize: result.vocabularySize,
    keystrokesPerVideo: queries.reduce((sum, query) => sum + query.length, 0),
    oursBuild: summarize(result.oursBuild),
    oursKeystroke: summarize(pooled(result.oursKeystrokes)),
    baselineBuild: hasBaseline ? summarize(result.baselineBuild) : null,
    baselineKeystroke: hasBaseline ? summarize(pooled(result.baselineKeystrokes)) : null,
    perQuery: queries.map((query) => ({
      query,
      words: query.split(/\s+/).filter((word) => word !== '').length,
      ours: summarize(result.oursKeystrokes[query] ?? []),
      baseline: hasBaseline ? summarize(result.baselineKeystrokes[query] ?? []) : null,
    })),
  };
}

function formatFigure(rows: number, result: FormatImportResult): FormatFigure {
  const ours = summarize(result.ours.map((run) => run.totalMs));
  return {
    format: result.file.format,
    name: new URL(result.file.url).pathname.split('/').pop() ?? result.file.url,
    megabytes: result.file.bytes / 1e6,
    ours,
    rowsPerSecond: rows / (ours.median / 1000),
    response: summarize(result.ours.map((run) => run.responseMs)),
    read: summarize(result.ours.map((run) => run.readMs)),
    afterRead: summarize(result.ours.map((run) => run.totalMs - run.readMs)),
    download: summarize(result.download),
  };
}

function importFigure(result: ImportResult): ImportFigure {
  const baseline = summarize(result.baseline);
  return {
    rows: result.rows,
    videos: result.videos,
    formats: result.formats.map((format) => formatFigure(result.rows, format)),
    baseline,
    baselineRowsPerSecond: result.rows / (baseline.median / 1000),
  };
}

const jsonlFigure = (figure: ImportFigure): FormatFigure | undefined => figure.formats.find((f) => f.format === 'jsonl');

export function summarizeResults(results: BenchResults): ReportSummary {
  const lookup = results.sizes.map((size) => lookupFigure(size.lookup));
  const search = searchFigure(results.search);
  const atTarget = lookup.find((figure) => figure.rows === TARGETS.lookupAtRows);
  const imports = results.sizes.map((size) => importFigure(size.import));
  const importTargets = TARGETS.importRatio.map(({ rows, max }): ImportTarget => {
    const figure = imports.find((f) => f.rows === rows);
    const jsonl = figure && jsonlFigure(figure);
    const ratio = figure && jsonl ? jsonl.ours.median / figure.baseline.median : null;
    return { rows, max, ratio, met: ratio === null ? null : ratio <= max };
  });
  return {
    lookup,
    search,
    largeVocabularySearch: searchFigure(results.largeVocabularySearch),
    quality: results.search.quality,
    import: imports,
    extension: results.extension.files,
    captions: summarizeCaptions(results),
    library: results.sizes.map(({ library }) => summarizeLibrary(library)),
    targets: {
      lookup: atTarget
        ? atTarget.ours.median <= TARGETS.lookupMedianMs && atTarget.ours.p95 <= TARGETS.lookupP95Ms
        : null,
      keystroke: search.oursKeystroke.p95 <= TARGETS.keystrokeP95Ms,
      import: importTargets,
    },
  };
}

const verdict = (met: boolean): string => (met ? 'MET' : 'MISSED');

function lookupSection(results: BenchResults, summary: ReportSummary): string {
  const first = results.config.sizes[0];
  const rows = summary.lookup.flatMap((figure) => {
    const line = (label: string, s: Summary, first: boolean): string[] => [
      first ? count(figure.rows) : '',
      label,
      ms(s.median),
      ms(s.p95),
      ms(s.max),
      String(s.n),
      s === figure.ours ? '' : ratio(figure.ours.median, s.median),
      s === figure.ours ? '' : ratio(figure.ours.p95, s.p95),
    ];
    return [
      line('ours: getTranscript(db, id, datasetId)', figure.ours, true),
      line('ours, id not kept: getTranscript(db, id)', figure.oursWithIdRead, false),
      line("the worker's answer, video in its memory", figure.workerHit, false),
      line("the worker's answer, video not in its memory", figure.workerMiss, false),
      line("per-row (a): getAllFromIndex('video_id')", figure.baselineIndex, false),
      line('per-row (b): getAll(bound([id],[id,[]]))', figure.baselineRange, false),
    ];
  });
  const target = summary.lookup.find((figure) => figure.rows === TARGETS.lookupAtRows);
  return [
    `1. Reading one ${results.config.lookupVideoSegments}-segment video (the panel's read when a video opens)`,
    `   Random ${results.config.lookupVideoSegments}-segment videos, the same video for every method in rotating order, after the import` +
      ` has settled (${results.config.sizes.map((size) => `${(size.lookupSettleMs / 1000).toFixed(0)} s`).join(' / ')} idle)`,
    `   and ${first?.lookupWarmup ?? 0} untimed reads each. Ours is the background's call: it keeps the active dataset id in memory`,
    '   (lib/transcript-service.ts), so the read is two gets in one transaction. "id not kept" reads meta.activeDatasetId first,',
    '   as the first read after the worker starts does. "The worker\'s answer" is its whole getTranscript handler (lib/lookup):',
    '   a video it was asked for last, from its memory of 8 transcripts, or one it was not asked for lately (read, then remembered).',
    '   The per-row baselines live in a separate database holding the same rows.',
    '',
    formatTable(['rows cached', 'method', 'median ms', 'p95 ms', 'max ms', 'n', 'ours÷this med', 'ours÷this p95'], rows, 2),
    '',
    target
      ? `   Target at ${count(TARGETS.lookupAtRows)} rows: median ≤ ${TARGETS.lookupMedianMs} ms and p95 ≤ ${TARGETS.lookupP95Ms} ms → ` +
        `${verdict(summary.targets.lookup === true)} (${ms(target.ours.median)} ms / ${ms(target.ours.p95)} ms)`
      : '   (no 100,000-row run: target not checked)',
  ].join('\n');
}

function searchSection(results: BenchResults, summary: ReportSummary): string {
  const { search, largeVocabularySearch: large } = summary;
  const methodRows: string[][] = [
    ['ours: createTranscriptSearch + search(prefix)', ms(search.oursBuild.median), ms(search.oursBuild.p95),
      ms(search.oursKeystroke.median), ms(search.oursKeystroke.p95), ms(search.oursKeystroke.max), String(search.oursKeystroke.n)],
  ];
  if (search.baselineBuild && search.baselineKeystroke) {
    methodRows.push(
      ['baseline: fuse.js over the 450 texts', ms(search.baselineBuild.median), ms(search.baselineBuild.p95),
        ms(search.baselineKeystroke.median), ms(search.baselineKeystroke.p95), ms(search.baselineKeystroke.max), String(search.baselineKeystroke.n)],
      ['ours ÷ baseline', ratio(search.oursBuild.median, search.baselineBuild.median), ratio(search.oursBuild.p95, search.baselineBuild.p95),
        ratio(search.oursKeystroke.median, search.baselineKeystroke.median), ratio(search.oursKeystroke.p95, search.baselineKeystroke.p95), '', ''],
    );
  }
  methodRows.push([
    `ours, large vocabulary (~${count(large.vocabularySize)} words/video)`, ms(large.oursBuild.median), ms(large.oursBuild.p95),
    ms(large.oursKeystroke.median), ms(large.oursKeystroke.p95), ms(large.oursKeystroke.max), String(large.oursKeystroke.n),
  ]);

  const queryRows = search.perQuery.map((figure) => [
    `"${figure.query}" (${figure.words} word${figure.words === 1 ? '' : 's'})`,
    ms(figure.ours.median),
    ms(figure.ours.p95),
    figure.baseline ? ms(figure.baseline.median) : '-',
    figure.baseline ? ms(figure.baseline.p95) : '-',
    figure.baseline ? ratio(figure.ours.median, figure.baseline.median) : '-',
  ]);
  const largeRows = large.perQuery.map((figure) => [`"${figure.query}"`, ms(figure.ours.median), ms(figure.ours.p95), ms(figure.ours.max)]);

  const qualityRows = summary.quality.map((q) => [
    `"${q.query}"`,
    percent(q.ours.ideal),
    percent(q.oursSelfJudged),
    percent(q.ours.topFiveAllWords),
    q.baseline ? percent(q.baseline.topFiveAllWords) : '-',
  ]);
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  qualityRows.push([
    'all multi-word queries',
    percent(mean(summary.quality.map((q) => q.ours.ideal))),
    percent(mean(summary.quality.map((q) => q.oursSelfJudged))),
    percent(mean(summary.quality.map((q) => q.ours.topFiveAllWords))),
    percent(mean(summary.quality.map((q) => q.baseline?.topFiveAllWords ?? 0))),
  ]);

  const spec = results.config.search;
  return [
    `2. Search while typing in one ${spec.segmentsPerVideo}-segment video`,
    `   ${search.videos} videos (~${count(search.vocabularySize)} distinct words each); each of ${spec.queries.length} queries typed` +
      ` one character at a time = ${search.keystrokesPerVideo} timed search() calls per video. The build is timed once per video, apart.`,
    `   Baseline: new Fuse(segments, { keys: ['text'], ignoreLocation: true, includeScore: true, includeMatches: true, threshold: 0.34 }).search(prefix).`,
    '',
    formatTable(['method', 'build med', 'build p95', 'key med ms', 'key p95 ms', 'key max ms', 'n'], methodRows),
    '',
    `   Target: ours p95 per keystroke ≤ ${TARGETS.keystrokeP95Ms} ms → ${verdict(summary.targets.keystroke)} (${ms(search.oursKeystroke.p95)} ms;` +
      ` large vocabulary ${ms(large.oursKeystroke.p95)} ms)`,
    '',
    '   Per query, per keystroke (ms):',
    formatTable(['query', 'ours med', 'ours p95', 'fuse med', 'fuse p95', 'ours÷fuse med'], queryRows),
    '',
    `   Large-vocabulary variant (ours only; ${count(results.config.largeVocabularySearch.extraVocabulary)} made-up words make up 20% of tokens), per keystroke (ms):`,
    formatTable(['query', 'med', 'p95', 'max'], largeRows),
    '',
    '   Quality: share of the top 5 hits of the finished query that hold every query word (mean over the videos).',
    '   "best possible" = min(5, segments of the video holding every word) / 5. "ours, self" counts hits with',
    '   matchedWords === number of query words. "text check" is the same simple test for both: lower-cased text;',
    '   words of ≤ 4 letters must occur as they are, longer ones may differ by one typo (insert/delete/change one letter).',
    formatTable(['query', 'best possible', 'ours, self', 'ours, text check', 'fuse, text check'], qualityRows),
  ].join('\n');
}

const FORMAT_NAMES: Record<ServedFormat, string> = { jsonl: 'JSON Lines', parquet: 'Parquet', 'jsonl.gz': 'JSON Lines, gzip' };

function importSection(results: BenchResults, summary: ReportSummary): string {
  const rows = summary.import.flatMap((figure) => {
    const jsonl = jsonlFigure(figure);
    return [
      ...(jsonl
        ? [[count(figure.rows), `${jsonl.name}, ${jsonl.megabytes.toFixed(1)} MB`, 'ours: fetch → importDatasetStream → active',
            String(jsonl.ours.n), ms(jsonl.ours.median), ms(jsonl.ours.max), count(jsonl.rowsPerSecond), ratio(jsonl.ours.median, figure.baseline.median)]]
        : []),
      [jsonl ? '' : count(figure.rows), `the same rows, ${count(figure.videos)} videos`, 'baseline: in memory, 1 put per row, 1 transaction',
        String(figure.baseline.n), ms(figure.baseline.median), ms(figure.baseline.max), count(figure.baselineRowsPerSecond), ''],
    ];
  });
  const targets = summary.targets.import.map((target) =>
    target.ratio === null
      ? `   Target ours ÷ baseline ≤ ${target.max.toFixed(1)} at ${count(target.rows)} rows: not run.`
      : `   Target ours ÷ baseline ≤ ${target.max.toFixed(1)} at ${count(target.rows)} rows → ${verdict(target.met === true)} (${ratio(target.ratio, 1)})`,
  );
  const stageRows = summary.import.flatMap((figure) =>
    figure.formats.map((f, i) => [
      i === 0 ? count(figure.rows) : '',
      FORMAT_NAMES[f.format],
      ms(f.download.median),
      ms(f.response.median),
      ms(f.read.median),
      ms(f.afterRead.median),
      ms(f.ours.median),
    ]),
  );
  const reps = results.config.sizes
    .map((size) => `${size.importRepetitions} runs at ${count(size.rows)} rows${size.importWarmup > 0 ? ` (after ${size.importWarmup} untimed)` : ''}`)
    .join(', ');
  return [
    '3. Importing a dataset from a URL into an empty cache (the background\'s whole path)',
    "   Ours: fetch(url, { cache: 'no-store' }), then importDatasetStream(db, response.body, { source: { kind: 'url', url } }):",
    '   format detection, parse while downloading, validate, group by video, write in batches, switch the active dataset.',
    '   Timed from calling fetch() until it resolves with the dataset active. The file comes from a local HTTP server',
    '   (127.0.0.1: a fast network, so the figures are our cost, not a download\'s). Baseline: the same rows, generated in the',
    '   page before timing, written one record per row in one transaction: no download, parsing, validation or grouping.',
    `   Median of ${reps}; every method in rotating order, every run into a freshly deleted database, gc() before each.`,
    '',
    formatTable(['rows', 'file', 'method', 'runs', 'median ms', 'max ms', 'rows/s', 'ours÷baseline'], rows, 3),
    '',
    ...targets,
    '',
    '   Where ours\' time goes (medians of the same runs; ms after calling fetch()). "download alone": separate runs that',
    '   fetch the file and read its body to the end, nothing else. "read" ends when readDataset has parsed and validated',
    '   every row (its last progress report); "after read": grouping into transcripts, the batched writes, the switch.',
    formatTable(['rows', 'format', 'download alone', 'headers', 'read', 'after read', 'active'], stageRows, 2),
  ].join('\n');
}

function formatSection(summary: ReportSummary): string {
  const rows = summary.import.flatMap((figure) => {
    const jsonl = jsonlFigure(figure);
    return figure.formats.map((f, i) => [
      i === 0 ? count(figure.rows) : '',
      `${FORMAT_NAMES[f.format]} (${f.name})`,
      (f.megabytes).toFixed(1),
      String(f.ours.n),
      ms(f.ours.median),
      ms(f.ours.max),
      count(f.rowsPerSecond),
      jsonl ? ratio(f.ours.median, jsonl.ours.median) : '-',
      ratio(f.ours.median, figure.baseline.median),
    ]);
  });
  return [
    '4. The same rows as Parquet and as gzipped JSON Lines, through the same URL import',
    '   Parquet written in Node by hyparquet-writer (defaults: Snappy, row groups of 1,000 then 100,000 rows; start/end as',
    '   INT64), read by hyparquet once the whole file is in; gzip level 6, decompressed by DecompressionStream as it streams.',
    '',
    formatTable(['rows', 'file', 'MB', 'runs', 'median ms', 'max ms', 'rows/s', 'this÷JSONL', 'this÷baseline'], rows, 2),
  ].join('\n');
}

function extensionSection(results: BenchResults, summary: ReportSummary): string {
  const rows = summary.extension.map((file) => [file.file, count(file.bytes), count(file.gzipBytes)]);
  return [
    `5. The built extension (wxt build, production, minified; built in ${results.extension.buildSeconds.toFixed(1)} s for this run)`,
    '   Bytes of .output/chrome-mv3/<file>, raw and gzipped (node:zlib, level 9). The content script is injected into every',
    '   YouTube page; the background is the service worker.',
    '',
    formatTable(['file', 'bytes', 'gzip bytes'], rows),
  ].join('\n');
}

export function formatReport(results: BenchResults, summary: ReportSummary): string {
  const { environment: env, sample } = results;
  return [
    'YouTube Transcript Search — npm run bench',
    `${env.userAgent.replace(/^.*(HeadlessChrome\/\S+|Chrome\/\S+).*$/, '$1')}, ${env.hardwareConcurrency} cores, node ${env.node},` +
      ` commit ${results.commit.slice(0, 10)}${results.libChanged ? ' + uncommitted lib/ changes' : ''}, cross-origin isolated (5 µs timer): ${env.crossOriginIsolated ? 'yes' : 'NO (100 µs timer)'}`,
    `Load average (1 min) at start ${results.loadAverage.start.toFixed(2)}, at end ${results.loadAverage.end.toFixed(2)}: other work on the machine widens the p95 figures.`,
    `Data: synthetic rows in the shape of pinecone/yt-transcriptions, words drawn from public/sample.jsonl (${sample.rows} rows,` +
      ` ${count(sample.tokens)} tokens, ${count(sample.distinctTokens)} distinct) at their frequencies, 6% of each video's tokens`,
    `from 16 topic words; texts 360–490 characters, segments 20–30 s, random 11-character ids. Seed ${results.config.seed}.`,
    'Ratios are time ratios, ours ÷ the other method: below 1× ours is faster.',
    '',
    lookupSection(results, summary),
    '',
    searchSection(results, summary),
    '',
    importSection(results, summary),
    '',
    formatSection(summary),
    '',
    extensionSection(results, summary),
    '',
    formatCaptionsSection(results, summary.captions),
    '',
    formatLibrarySection(results.sizes.map(({ library }) => library)),
    '',
    `Total ${results.durationSeconds.toFixed(0)} s.`,
  ].join('\n');
}
