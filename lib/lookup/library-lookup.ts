/**
 * Answers library searches from the cache: the active dataset's index, read
 * once and kept while that dataset stays active, with the captions cache's
 * videos beside it, and the text of the videos shown. A keystroke reads
 * nothing but the text of videos not shown lately: the active dataset's id is
 * kept too, until the caller says another was switched in (it watches the
 * `activeDataset` storage item, as the background's transcript service does).
 * Used by the background for the content script (one complete answer: a
 * message is answered once), and directly by extension pages, which share the
 * extension's IndexedDB and draw the cards before the hits. An answer carries
 * the captions cache's notice where its videos cannot be searched (WebAssembly
 * off). Never throws.
 */
import { buildLibraryIndex, type LibraryIndex } from '../library/library-index';
import { assertCanNumberWords } from '../library/numbering-instance';
import { createLibrarySearch, type LibraryAnswer, type LibraryPage, type LibrarySearchResult } from '../library/library-search';
import type { TextMemory } from '../library/text-memory';
import type { LibrarySearchResponse } from '../messaging/protocol';
import { getActiveDatasetId } from '../store/reads';
import type { TranscriptDb } from '../store/schema';
import { getAllTranscripts, getLibraryIndex, getSegmentsOf, putLibraryIndex } from '../store/library-index';
import { describeError } from '../format/describe-error';
import { CAPTIONS_SOURCE_ID, type CaptionsLibrary } from './captions-library';
import { createReadPerConnection } from './read-per-connection';

export interface LibraryServiceOptions {
  /** The cache's current connection (a new one after the browser took the old away). */
  database: () => Promise<TranscriptDb>;
  /** The captions cache, whose videos are searched too (omit to search the dataset alone). */
  captions?: CaptionsLibrary | undefined;
  /** How much segment text is kept and read ahead: the page's or the worker's (`lib/library/text-memory.ts`). */
  textMemory: TextMemory;
}

export interface LibraryService {
  /** One answer with every hit: the worker's, for the content script. */
  searchLibrary: (request: { query: string; page: LibraryPage }) => Promise<LibrarySearchResponse>;
  /** The cards from the index at once, the hits when their text is read: the extension pages'. */
  searchInSteps: (request: { query: string; page: LibraryPage }) => Promise<LibraryAnswer<LibrarySearchResponse>>;
  /** Another dataset was switched in: the next query reads the active id afresh. */
  forgetActiveDataset: () => void;
  /** Characters of segment text held in memory now (for the benchmark's memory figure). */
  heldTextChars: () => number;
}

/**
 * The active dataset's index: the stored one, or (a cache from before the
 * library search existed) one built from its transcripts and stored, once.
 */
async function readIndex(db: TranscriptDb, datasetId: string): Promise<LibraryIndex> {
  const stored = await getLibraryIndex(db, datasetId);
  if (stored) return stored;
  // Without WebAssembly (turned off in this browser) no index can be built: say so before reading every transcript.
  assertCanNumberWords();
  const built = buildLibraryIndex(datasetId, await getAllTranscripts(db, datasetId));
  await putLibraryIndex(db, built).catch(() => undefined); // next time, then
  return built;
}

export function createLibraryService({ database, captions, textMemory }: LibraryServiceOptions): LibraryService {
  let loading: { datasetId: string; index: Promise<LibraryIndex> } | undefined;
  const activeId = createReadPerConnection((db: TranscriptDb) => getActiveDatasetId(db));

  async function loadDatasetIndex(): Promise<LibraryIndex | undefined> {
    const db = await database();
    const datasetId = await activeId.get(db);
    if (datasetId === undefined) return undefined;
    if (loading?.datasetId !== datasetId) {
      const index = readIndex(db, datasetId);
      loading = { datasetId, index };
      // A failed read is not kept: the next query tries again.
      index.catch(() => {
        if (loading?.index === index) loading = undefined;
      });
    }
    return loading.index;
  }

  const search = createLibrarySearch({
    async loadIndexes() {
      // The dataset first: a video in both is the dataset's, as in the panel.
      const [dataset, cached] = await Promise.all([loadDatasetIndex(), captions?.loadIndex()]);
      return [dataset, cached].filter((index): index is LibraryIndex => index !== undefined);
    },
    async loadSegments(sourceId, videoIds) {
      if (sourceId === CAPTIONS_SOURCE_ID && captions) return captions.loadSegments(videoIds);
      const found = await getSegmentsOf(await database(), sourceId, videoIds);
      // Videos gone from the dataset: it was switched out before the notice came. The next query reads the active id again.
      if (found.size < videoIds.length) activeId.forget();
      return found;
    },
  }, textMemory);

  const describeFailure = (error: unknown): LibrarySearchResponse => ({ status: 'error', message: `The library could not be searched: ${describeError(error)}` });

  /** The answer with the captions cache's notice, if any (read with the index the search loaded: no second read). */
  const addNotice = (result: LibrarySearchResult, notice: string | undefined): LibrarySearchResponse =>
    notice === undefined ? result : { ...result, notice };

  return {
    forgetActiveDataset: activeId.forget,
    heldTextChars: search.heldTextChars,
    async searchLibrary({ query, page }) {
      try {
        const result = await search.search(query, page);
        return addNotice(result, await captions?.loadNotice());
      } catch (error) {
        return describeFailure(error);
      }
    },
    async searchInSteps({ query, page }) {
      try {
        const { result, complete } = await search.searchInSteps(query, page);
        const notice = await captions?.loadNotice();
        return { result: addNotice(result, notice), complete: complete?.then((described) => addNotice(described, notice)) };
      } catch (error) {
        return { result: describeFailure(error) };
      }
    },
  };
}
