import { browser } from '#imports';
import { render } from 'preact';
import { LibrarySearchRoot } from '../../components/LibrarySearchRoot';
import { PopupStatus, type PageCoverage, type YouTubeAccess } from '../../components/PopupStatus';
import type { LibraryHit, LibraryPage } from '../../lib/library/library-search';
import { buildSearchQuery, SEARCH_PAGE_PATH } from '../../lib/library/search-url';
import { PAGE_TEXT_MEMORY } from '../../lib/library/text-memory';
import { connectCaptionsDb } from '../../lib/captions/cache-db';
import { createCaptionsLibrary } from '../../lib/lookup/captions-library';
import { createLibraryService } from '../../lib/lookup/library-lookup';
import { createDatabaseConnection } from '../../lib/store/connection';
import { describeError } from '../../lib/format/describe-error';
import { retryFullDataset } from '../../lib/imports/full-dataset-notice';
import type { DatasetStatus } from '../../lib/imports/job';
import { isPageResponse } from '../../lib/messaging/guards';
import { sendRequest } from '../../lib/messaging/client';
import { activeDatasetItem, captionsCacheChangeItem, fullDatasetStateItem, importJobItem } from '../../lib/settings/storage-items';

const root = document.getElementById('app')!;
// The popup reads the extension's IndexedDB itself: no round trip through the worker.
const connection = createDatabaseConnection();
// The captions cache's videos are part of the library too.
const captions = createCaptionsLibrary(connectCaptionsDb());
const library = createLibraryService({ database: () => connection.get(), captions, textMemory: PAGE_TEXT_MEMORY });
// Both are kept in memory, so a keystroke reads nothing: a dataset switched in or captions cached meanwhile are told.
activeDatasetItem.watch(() => library.forgetActiveDataset());
captionsCacheChangeItem.watch(() => captions.forgetIndex());
const searchLibrary = (query: string, page: LibraryPage) => library.searchInSteps({ query, page });
const POPUP_PAGE: LibraryPage = { videoLimit: 5, hitsPerVideo: 3 };
let status: DatasetStatus | null = null;
let page: PageCoverage | null = null;
let youtubeAccess: YouTubeAccess = 'granted';
let problem = '';
// While a query is typed the results have the popup to themselves (Chrome caps a popup at 600 px; with the
// status below them it scrolled, and its scrollbar pushed the 400 px content into a horizontal one too).
let isSearching = false;
// The content scripts' matches: granted at install, but the user can withdraw them.
const youtubeOrigins = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);

async function allowYouTube(): Promise<void> {
  try {
    if (await browser.permissions.request({ origins: youtubeOrigins })) youtubeAccess = 'granted-now';
  } catch {
    // Refused or not asked: the message and its button stay.
  }
  draw();
}

/** Asks the active tab's content script (present only on YouTube) which video it shows. */
async function findPageCoverage(): Promise<PageCoverage> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'not-youtube' };
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tab.id, { type: 'getPageVideo' });
  } catch {
    return { kind: 'not-youtube' }; // no content script there
  }
  if (!isPageResponse(answer)) return { kind: 'not-youtube' };
  if (answer.videoId === null) return { kind: 'no-video' };
  const info = await sendRequest({ type: 'getVideoInfo', videoId: answer.videoId });
  return info.status === 'found'
    ? { kind: 'covered', title: info.video.title, segmentCount: info.video.segmentCount }
    : { kind: 'not-covered' };
}

/** A hit opens in the current tab when it shows YouTube (our content script answered), else in a new one. */
async function openHit(hit: LibraryHit): Promise<void> {
  const coverage = await pageCoverage;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // Setting a tab's url needs no "tabs" permission (that only reveals tabs' urls and titles).
  if (coverage.kind !== 'not-youtube' && tab?.id !== undefined) await browser.tabs.update(tab.id, { url: hit.url });
  else await browser.tabs.create({ url: hit.url });
  window.close();
}

/** Retry: says why when the download did not start. */
async function retry(): Promise<void> {
  problem = await retryFullDataset(() => sendRequest({ type: 'downloadFullDataset' }));
  await refreshStatus();
}

function draw(): void {
  render(
    <>
      <div class="yts-popup-search">
        <LibrarySearchRoot
          search={searchLibrary}
          page={POPUP_PAGE}
          autoFocus
          onQueryChange={(query) => {
            if (isSearching === (query.trim() !== '')) return;
            isSearching = !isSearching;
            draw();
          }}
          onOpenHit={(hit) => void openHit(hit)}
          onShowAll={(query) => {
            void browser.tabs.create({ url: browser.runtime.getURL(`${SEARCH_PAGE_PATH}${buildSearchQuery(query)}`) });
            window.close();
          }}
        />
      </div>
      {!isSearching && (
        <PopupStatus
          status={status}
          page={page}
          youtubeAccess={youtubeAccess}
          onAllowYouTube={() => void allowYouTube()}
          onRetryFullDataset={() => void retry()}
          problem={problem}
          onOpenOptions={() => {
            void browser.runtime.openOptionsPage();
            window.close();
          }}
        />
      )}
    </>,
    root,
  );
}

async function refreshStatus(): Promise<void> {
  try {
    status = await sendRequest({ type: 'getDatasetStatus' });
  } catch (error) {
    problem = `The extension's background worker could not answer (${describeError(error)}).`;
  }
  draw();
}

draw();
void refreshStatus();
// The first download's progress, and the dataset it switches in, arrive through storage.
importJobItem.watch(() => void refreshStatus());
fullDatasetStateItem.watch(() => void refreshStatus());
activeDatasetItem.watch(() => void refreshStatus());
const pageCoverage = findPageCoverage().catch((): PageCoverage => ({ kind: 'not-youtube' }));
void pageCoverage.then((next) => {
  page = next;
  draw();
});
// getAll, not contains: Chrome's contains() says false for content-script origins it has granted.
void browser.permissions.getAll().then(({ origins = [] }) => {
  youtubeAccess = youtubeOrigins.every((origin) => origins.includes(origin)) ? 'granted' : 'missing';
  draw();
});
