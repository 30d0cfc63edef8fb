/**
 * `npm run bench`: builds the bench page with the project's real lib/ code,
 * runs it in headless Chromium and prints the figures (progress on stderr,
 * the report on stdout, raw samples in test/bench/results/latest.json).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPageBundle } from './build-bundle';
import { writeDatasetFiles } from './dataset-files';
import { measureExtension } from './extension-size';
import { openBenchPage, type BenchPage, type ServedFile } from './launch-page';
import { formatLibrarySection } from './library-report';
import { formatPanelSection, summarizePanel } from './panel/panel-report';
import { runPanel } from './panel/run-panel';
import { formatReport, summarizeResults } from './report';
import { writeResults, type BenchConfig, type BenchResults, type SizeConfig } from './results';
import type { CaptionsSpec, DatasetSpec, ImportSpec, LibraryResult, LibrarySpec, LookupSpec, SearchSpec } from './shared/protocol';
import { loadSampleVocabulary, type SampleVocabulary } from './shared/synthetic';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_DIR = path.resolve(BENCH_DIR, '..', '..');
const RESULTS_FILE = path.join(BENCH_DIR, 'results', 'latest.json');

const SEED = 20_240_611;
const QUERIES = ['dataset bias', 'neural netwrk', 'word vectors', 'tranformer attention', 'the model learns'];
const SEARCH: SearchSpec = { queries: QUERIES, videos: 12, segmentsPerVideo: 450, extraVocabulary: 0, seed: SEED + 1, baseline: true };

// A 2-hour talk: ~2,000 caption lines, a dozen chapters; 100 of them in the captions cache.
const CAPTIONS: CaptionsSpec = {
  lines: 2_000,
  durationSeconds: 7_200,
  chapters: 12,
  parses: 30,
  parseWarmup: 5,
  cachedVideos: 100,
  opens: 200,
  openWarmup: 10,
  seed: SEED + 3,
};

/** `BENCH_ROWS=11300 npm run bench` runs only the listed dataset sizes (a quicker run while working on one figure). */
const ONLY_ROWS = process.env.BENCH_ROWS?.split(',').map(Number);
/** `BENCH_ONLY=panel npm run bench` runs only the panel's figures on the stand-in youtube.com (issue 11). */
const ONLY_PANEL = process.env.BENCH_ONLY === 'panel';
const PANEL_RESULTS_FILE = path.join(BENCH_DIR, 'results', 'panel-latest.json');
/** `BENCH_EXTENSION_DIR=<a built chrome-mv3>`: the panel figures of another build (e.g. main's), without building this one. */
const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR;
/** `BENCH_ONLY=library npm run bench` runs and prints figure 7 (the library search) alone. */
const LIBRARY_ONLY = process.env.BENCH_ONLY === 'library';

const CONFIG: BenchConfig = {
  seed: SEED,
  lookupVideoSegments: 450,
  sizes: [
    // One untimed run of every import method first, so the first timed ones do not pay for JIT warm-up.
    {
      rows: 11_300,
      importRepetitions: 5,
      importWarmup: 1,
      lookups: 200,
      lookupWarmup: 10,
      lookupSettleMs: 2_000,
      libraryImports: 7,
      libraryFirstQueries: 7,
      libraryKeystrokeRepetitions: 3,
      libraryFuseQueries: 5,
    },
    // A 67 MB write leaves LevelDB compacting for a few seconds: wait it out, as a user would.
    {
      rows: 100_000,
      importRepetitions: 5,
      importWarmup: 0,
      lookups: 200,
      lookupWarmup: 10,
      lookupSettleMs: 5_000,
      // fuse.js takes seconds per query here.
      libraryImports: 7,
      libraryFirstQueries: 7,
      libraryKeystrokeRepetitions: 3,
      libraryFuseQueries: 2,
    },
  ],
  search: SEARCH,
  largeVocabularySearch: { ...SEARCH, videos: 6, extraVocabulary: 3_000, seed: SEED + 2, baseline: false },
  captions: CAPTIONS,
  libraryQueries: QUERIES,
};

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: REPO_DIR, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** HEAD, and whether the lib/ being measured differs from it (the bench bundles the working tree). */
function gitState(): { commit: string; libChanged: boolean } {
  return {
    commit: git(['rev-parse', 'HEAD']) ?? 'unknown',
    libChanged: (git(['status', '--porcelain', '--', 'lib']) ?? '') !== '',
  };
}

type WrittenFiles = Awaited<ReturnType<typeof writeDatasetFiles>>['files'];

/** The stylesheets the built popup links (the bench builds the extension first). */
async function readPopupCss(): Promise<string> {
  const outputDir = path.join(REPO_DIR, '.output', 'chrome-mv3');
  const html = await readFile(path.join(outputDir, 'popup.html'), 'utf8');
  const links = [...html.matchAll(/<link rel="stylesheet"[^>]* href="\/([^"]+\.css)"/g)].map((match) => match[1]!);
  if (links.length === 0) throw new Error('the built popup links no stylesheet');
  return (await Promise.all(links.map((link) => readFile(path.join(outputDir, link), 'utf8')))).join('\n');
}

async function librarySpec(size: SizeConfig, dataset: DatasetSpec, origin: string, written: WrittenFiles): Promise<LibrarySpec> {
  const jsonl = written.find((file) => file.format === 'jsonl');
  if (!jsonl) throw new Error('no JSON Lines file written');
  return {
    popupCss: await readPopupCss(),
    ...dataset,
    jsonlUrl: `${origin}${jsonl.path}`,
    importRepetitions: size.libraryImports,
    firstQueryRuns: size.libraryFirstQueries,
    queries: CONFIG.libraryQueries,
    keystrokeRepetitions: size.libraryKeystrokeRepetitions,
    fuseQueries: size.libraryFuseQueries,
  };
}

/** Figure 7 alone, for each size (BENCH_ONLY=library). */
async function runLibraryOnly(page: BenchPage['page'], origin: string, files: Map<string, ServedFile>, vocabulary: SampleVocabulary): Promise<LibraryResult[]> {
  const results: LibraryResult[] = [];
  for (const size of CONFIG.sizes.filter((size) => ONLY_ROWS === undefined || ONLY_ROWS.includes(size.rows))) {
    const datasetSpec: DatasetSpec = { rows: size.rows, lookupVideoSegments: CONFIG.lookupVideoSegments, seed: SEED + size.rows };
    log(`${size.rows} rows: writing the dataset files…`);
    const written = await writeDatasetFiles(datasetSpec, vocabulary);
    for (const { path: filePath, file } of written.files) files.set(filePath, file);
    results.push(await page.evaluate((spec) => window.ytBench!.libraryBench(spec), await librarySpec(size, datasetSpec, origin, written.files)));
    for (const { path: filePath } of written.files) files.delete(filePath);
  }
  return results;
}

async function main(): Promise<void> {
  const started = Date.now();
  const startLoad = os.loadavg()[0] ?? Number.NaN;
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'yt-transcript-bench-'));
  try {
    const sampleJsonl = await readFile(path.join(REPO_DIR, 'public', 'sample.jsonl'), 'utf8');
    const vocabulary = loadSampleVocabulary(sampleJsonl);
    const measurePanel = async (): Promise<void> => {
      const panelLoad = os.loadavg()[0] ?? Number.NaN;
      const panel = await runPanel({ repoDir: REPO_DIR, tempDir, vocabulary, seed: SEED + 4, extensionDir: EXTENSION_DIR, log });
      const loadAverage = { start: panelLoad, end: os.loadavg()[0] ?? Number.NaN };
      process.stdout.write(
        `\n${formatPanelSection(panel, summarizePanel(panel))}\nLoad average (1 min) ${loadAverage.start.toFixed(2)} → ${loadAverage.end.toFixed(2)}; ${os.cpus().length} cores.\n`,
      );
      await writeResults(PANEL_RESULTS_FILE, { ...gitState(), loadAverage, panel }, summarizePanel(panel));
      log(`panel results written to ${path.relative(REPO_DIR, PANEL_RESULTS_FILE)}`);
    };
    if (ONLY_PANEL) {
      if (EXTENSION_DIR === undefined) {
        log('building the extension (wxt build)…');
        await measureExtension(REPO_DIR);
      }
      await measurePanel();
      return;
    }
    log('building the extension (wxt build) for its sizes…');
    const extension = await measureExtension(REPO_DIR);
    log('building the bench page with Vite…');
    const script = await buildPageBundle(path.join(tempDir, 'bundle'));
    const files = new Map<string, ServedFile>([
      ['/', { contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/bench-page.js"></script>' }],
      ['/bench-page.js', { contentType: 'text/javascript; charset=utf-8', body: script }],
    ]);
    const bench = await openBenchPage({ userDataDir: path.join(tempDir, 'profile'), files, onConsole: log });
    try {
      const { page, origin } = bench;
      const environment = await page.evaluate(() => window.ytBench!.environment());
      const sample = await page.evaluate((jsonl) => window.ytBench!.loadSample(jsonl), sampleJsonl);
      log(`${environment.userAgent}; cross-origin isolated: ${String(environment.crossOriginIsolated)}`);

      if (LIBRARY_ONLY) {
        process.stdout.write(`${formatLibrarySection(await runLibraryOnly(page, origin, files, vocabulary))}\nLoad average ${startLoad.toFixed(1)} → ${(os.loadavg()[0] ?? Number.NaN).toFixed(1)}\n`);
        return;
      }
      const search = await page.evaluate((spec) => window.ytBench!.searchBench(spec), CONFIG.search);
      const largeVocabularySearch = await page.evaluate((spec) => window.ytBench!.searchBench(spec), CONFIG.largeVocabularySearch);

      const sizes: BenchResults['sizes'] = [];
      for (const size of CONFIG.sizes.filter((size) => ONLY_ROWS === undefined || ONLY_ROWS.includes(size.rows))) {
        const datasetSpec: DatasetSpec = { rows: size.rows, lookupVideoSegments: CONFIG.lookupVideoSegments, seed: SEED + size.rows };
        log(`${size.rows} rows: writing the dataset files…`);
        const written = await writeDatasetFiles(datasetSpec, vocabulary);
        for (const { path: filePath, file } of written.files) files.set(filePath, file);
        const importSpec: ImportSpec = {
          ...datasetSpec,
          repetitions: size.importRepetitions,
          warmup: size.importWarmup,
          files: written.files.map(({ format, path: filePath, file }) => ({ format, url: `${origin}${filePath}`, bytes: file.body.length })),
          jsonlSha256: written.jsonlSha256,
        };
        const imported = await page.evaluate((spec) => window.ytBench!.importBench(spec), importSpec);
        const lookupSpec: LookupSpec = {
          lookups: size.lookups,
          warmup: size.lookupWarmup,
          settleMs: size.lookupSettleMs,
          seed: SEED + size.rows + 1,
        };
        const lookup = await page.evaluate((spec) => window.ytBench!.lookupBench(spec), lookupSpec);
        const library = await page.evaluate((spec) => window.ytBench!.libraryBench(spec), await librarySpec(size, datasetSpec, origin, written.files));
        sizes.push({ import: imported, lookup, library });
        for (const { path: filePath } of written.files) files.delete(filePath);
      }
      log('captions: parsing a 2-hour video, then opening it from the captions cache…');
      const captions = await page.evaluate((spec) => window.ytBench!.captionsBench(spec), CONFIG.captions);
      await page.evaluate(() => window.ytBench!.cleanup());

      const results: BenchResults = {
        startedAt: new Date(started).toISOString(),
        durationSeconds: (Date.now() - started) / 1000,
        ...gitState(),
        loadAverage: { start: startLoad, end: os.loadavg()[0] ?? Number.NaN },
        environment: { ...environment, node: process.version, platform: `${os.platform()} ${os.arch()}` },
        sample,
        config: CONFIG,
        search,
        largeVocabularySearch,
        sizes,
        captions,
        extension,
      };
      const summary = summarizeResults(results);
      process.stdout.write(`${formatReport(results, summary)}\n`);
      await writeResults(RESULTS_FILE, results, summary);
      log(`results written to ${path.relative(REPO_DIR, RESULTS_FILE)}`);
    } finally {
      await bench.close();
    }
    await measurePanel();
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
