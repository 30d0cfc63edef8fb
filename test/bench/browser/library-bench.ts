/**
 * Figure 7: the library search (issue 8) at one dataset size. The import with
 * the index against the same import without it, alternating, each into an
 * empty database; the index's size; the first query of a new worker (a new
 * connection and service: the index read from IndexedDB); queries typed key
 * by key, in the engine and through the whole search; baselines over the
 * same rows in the same run: a plain `includes` scan per keystroke, and
 * fuse.js over every row for a few whole queries.
 */
import Fuse from 'fuse.js';
import { deleteDB } from 'idb';
import { readDataset } from '../../../lib/dataset/reader';
import { importDatasetStream } from '../../../lib/imports/import-dataset';
import { buildLibraryIndex, type LibraryIndexPart } from '../../../lib/library/library-index';
import { createIndexQuery } from '../../../lib/library/query-index';
import { PAGE_TEXT_MEMORY, WORKER_TEXT_MEMORY } from '../../../lib/library/text-memory';
import { connectCaptionsDb } from '../../../lib/captions/cache-db';
import { createCaptionsLibrary } from '../../../lib/lookup/captions-library';
import { createLibraryService } from '../../../lib/lookup/library-lookup';
import { saveDataset } from '../../../lib/store/datasets';
import { getLibraryIndex, putLibraryIndex } from '../../../lib/store/library-index';
import { getActiveDatasetId } from '../../../lib/store/reads';
import { openTranscriptDb } from '../../../lib/store/schema';
import type { KeystrokeSamples, LibraryResult, LibrarySpec } from '../shared/protocol';
import { createRandom } from '../shared/random';
import { generateDataset, type SampleVocabulary } from '../shared/synthetic';
import { BASELINE_FUSE_OPTIONS } from './search-bench';
import { measurePopupKeystrokes } from './popup-bench';
import { progress, timeAsync, timeSync } from './timing';

const DB_NAME = 'bench-library';
const POPUP_CAPTIONS_DB_NAME = 'bench-library-captions';
const POPUP_PAGE = { videoLimit: 5, hitsPerVideo: 3 };
const SOURCE = { kind: 'url', url: 'bench' } as const;

async function fetchBody(url: string): Promise<ReadableStream<Uint8Array>> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok || !response.body) throw new Error(`GET ${url}: ${response.status}`);
  return response.body;
}

/** One import into an empty database, timed from fetch() to the dataset being active. */
async function importOnce(url: string, { withIndex }: { withIndex: boolean }): Promise<{ ms: number; usage: number }> {
  await deleteDB(DB_NAME);
  const db = await openTranscriptDb(DB_NAME);
  try {
    globalThis.gc?.();
    const { ms } = await timeAsync(async () => {
      const body = await fetchBody(url);
      if (withIndex) return importDatasetStream(db, body, { source: SOURCE });
      // importDatasetStream without its index builder: the same reader and writer.
      const { transcripts, report, format, bytes } = await readDataset(body);
      return saveDataset(db, { id: crypto.randomUUID(), source: SOURCE, report, format, bytes, importedAt: Date.now() }, transcripts);
    });
    return { ms, usage: (await navigator.storage.estimate()).usage ?? Number.NaN };
  } finally {
    db.close();
  }
}

const keystrokes = (query: string): string[] => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
const emptySamples = (queries: readonly string[]): KeystrokeSamples => Object.fromEntries(queries.map((query) => [query, []]));

export async function libraryBench(spec: LibrarySpec, vocabulary: SampleVocabulary): Promise<LibraryResult> {
  const dataset = generateDataset(spec.rows, spec.lookupVideoSegments, vocabulary, createRandom(spec.seed));
  const texts = dataset.rows.map((row) => row.text.toLowerCase());

  const importWithIndex: number[] = [];
  const importWithoutIndex: number[] = [];
  const usageWithIndex: number[] = [];
  const usageWithoutIndex: number[] = [];
  // One untimed pair first, as figure 3 does, so the first timed ones do not pay for JIT warm-up.
  await importOnce(spec.jsonlUrl, { withIndex: false });
  await importOnce(spec.jsonlUrl, { withIndex: true });
  for (let r = 0; r < spec.importRepetitions; r += 1) {
    // Without first: the last import, with its index, stays for the queries.
    const without = await importOnce(spec.jsonlUrl, { withIndex: false });
    const withIndex = await importOnce(spec.jsonlUrl, { withIndex: true });
    importWithoutIndex.push(without.ms);
    usageWithoutIndex.push(without.usage);
    importWithIndex.push(withIndex.ms);
    usageWithIndex.push(withIndex.usage);
    progress(`${spec.rows} rows: import ${r + 1}/${spec.importRepetitions} with index ${withIndex.ms.toFixed(0)} ms, without ${without.ms.toFixed(0)} ms`);
  }

  const firstQuery: number[] = [];
  for (let r = 0; r < spec.firstQueryRuns; r += 1) {
    globalThis.gc?.();
    const db = await openTranscriptDb(DB_NAME);
    try {
      const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
      const { ms, value } = await timeAsync(() => service.searchLibrary({ query: spec.queries[0]!, page: POPUP_PAGE }));
      if (value.status !== 'found') throw new Error(`first query: ${value.status}`);
      firstQuery.push(ms);
    } finally {
      db.close();
    }
  }

  const db = await openTranscriptDb(DB_NAME);
  try {
    const datasetId = await getActiveDatasetId(db);
    const index = datasetId === undefined ? undefined : await getLibraryIndex(db, datasetId);
    if (!index) throw new Error('no stored index after the import');
    const words = new TextEncoder().encode(index.words.join('\n')).length + index.wordIds.byteLength;
    const videosBytes = new TextEncoder().encode(JSON.stringify(index.videos)).length;
    const { parts } = index;
    const sum = (bytesOf: (part: LibraryIndexPart) => number): number => parts.reduce((total, part) => total + bytesOf(part), 0);
    const postings = sum((part) => part.postingWords.byteLength + part.postingStart.byteLength + part.postingDocs.byteLength);
    const tokens = sum((part) => part.tokenStart.byteLength + part.tokens.byteLength);
    const other = index.videoFirstDoc.byteLength;
    const docCount = index.videoFirstDoc[index.videoFirstDoc.length - 1]!;

    // Where the index's cost goes: built in one go from the file's transcripts, then stored (replacing the import's).
    const { transcripts } = await readDataset(await fetchBody(spec.jsonlUrl));
    const indexBuildMs: number[] = [];
    const indexPutMs: number[] = [];
    for (let r = 0; r < spec.importRepetitions; r += 1) {
      globalThis.gc?.();
      const built = timeSync(() => buildLibraryIndex(index.sourceId, transcripts));
      indexBuildMs.push(built.ms);
      indexPutMs.push((await timeAsync(() => putLibraryIndex(db, built.value))).ms);
    }

    const query = createIndexQuery(index);
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    await service.searchLibrary({ query: 'warm up', page: POPUP_PAGE });
    const engineKeystrokes = emptySamples(spec.queries);
    const searchKeystrokes = emptySamples(spec.queries);
    const includesKeystrokes = emptySamples(spec.queries);
    const resultCounts: LibraryResult['resultCounts'] = {};
    for (let r = 0; r < spec.keystrokeRepetitions; r += 1) {
      for (const whole of spec.queries) {
        for (const prefix of keystrokes(whole)) {
          engineKeystrokes[whole]!.push(timeSync(() => query(prefix)).ms);
          searchKeystrokes[whole]!.push((await timeAsync(() => service.searchLibrary({ query: prefix, page: POPUP_PAGE }))).ms);
          const needle = prefix.toLowerCase();
          includesKeystrokes[whole]!.push(timeSync(() => texts.filter((text) => text.includes(needle)).length).ms);
        }
        resultCounts[whole] = { ours: query(whole)?.resultCount ?? 0, includes: texts.filter((text) => text.includes(whole.toLowerCase())).length };
      }
    }

    progress(`${spec.rows} rows: typing into the popup's search box…`);
    // As the popup builds it: the captions cache is searched too (empty here, as for a viewer who has opened no video without a transcript).
    const captions = createCaptionsLibrary(connectCaptionsDb(POPUP_CAPTIONS_DB_NAME));
    const popup = await measurePopupKeystrokes(createLibraryService({ database: () => Promise.resolve(db), captions, textMemory: PAGE_TEXT_MEMORY }), {
      queries: spec.queries,
      repetitions: spec.keystrokeRepetitions,
      page: POPUP_PAGE,
      css: spec.popupCss,
    });

    progress(`${spec.rows} rows: fuse.js over every row…`);
    const fuseBuilt = timeSync(() => new Fuse(dataset.rows, BASELINE_FUSE_OPTIONS));
    const fuseQueryMs: Record<string, number> = {};
    for (const whole of spec.queries.slice(0, spec.fuseQueries)) fuseQueryMs[whole] = timeSync(() => fuseBuilt.value.search(whole)).ms;

    return {
      rows: spec.rows,
      videos: dataset.videoCount,
      importWithIndex,
      importWithoutIndex,
      indexBuildMs,
      indexPutMs,
      indexBytes: { postings, tokens, words, videos: videosBytes, total: postings + tokens + words + videosBytes + other },
      // decoded (4) + best (4) + held (1) + gained (8) + matched (4) + ranks (8) + phrase candidates (4) + put-off checks (4 + 8) bytes per doc, a mask (4) per word.
      scratchBytes: docCount * 45 + index.words.length * 4,
      usageWithIndex,
      usageWithoutIndex,
      firstQuery,
      engineKeystrokes,
      searchKeystrokes,
      popupAnswered: popup.answered,
      popupCardsDrawn: popup.cardsDrawn,
      popupHitsDrawn: popup.hitsDrawn,
      popupHeldTextChars: popup.heldTextChars,
      includesKeystrokes,
      fuseBuildMs: fuseBuilt.ms,
      fuseQueryMs,
      resultCounts,
    };
  } finally {
    db.close();
    await deleteDB(DB_NAME);
    await deleteDB(POPUP_CAPTIONS_DB_NAME);
  }
}
