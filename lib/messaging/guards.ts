/** Runtime checks for what arrives over `runtime.onMessage`: a message is untrusted until checked. Pure. */
import { isCachedCaptions } from '../captions/cached-captions';
import { isRecord } from '../guards/is-record';
import type { LibraryPage } from '../library/library-search';
import type { ImportSource } from '../store/records';
import { isVideoId } from '../youtube/url';
import type { BackgroundFailure, BackgroundRequest, MessageType, PageRequest, PageResponse } from './protocol';

function isImportSource(value: unknown): value is ImportSource {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'url':
      return typeof value.url === 'string' && /^https?:\/\//i.test(value.url);
    case 'file':
      return typeof value.uploadId === 'string' && typeof value.name === 'string';
    case 'bundled':
      return true;
    default:
      return false;
  }
}

/** A caption track id (YouTube's vssId, e.g. ".en", "a.en"). */
function isTrackId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 100;
}

/** Bounds of a library search request: a query is typed, a page is a screenful. */
export const MAX_LIBRARY_QUERY_LENGTH = 500;
const MAX_LIBRARY_PAGE_VIDEOS = 100;
const MAX_LIBRARY_HITS_PER_VIDEO = 500;

function isCount(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isLibraryPage(value: unknown): value is LibraryPage {
  return (
    isRecord(value) &&
    isCount(value.videoLimit, 1, MAX_LIBRARY_PAGE_VIDEOS) &&
    (value.videoOffset === undefined || isCount(value.videoOffset, 0, Number.MAX_SAFE_INTEGER)) &&
    isCount(value.hitsPerVideo, 1, MAX_LIBRARY_HITS_PER_VIDEO)
  );
}

/** The most segments one message carries (see `TranscriptOutcome`): about 0.4 MB of JSON. */
export const TRANSCRIPT_PART_SEGMENTS = 5_000;
const MAX_DATASET_ID_LENGTH = 200;

function isSegmentRange(message: Record<string, unknown>): boolean {
  const { from, to } = message;
  return isCount(from, 0, Number.MAX_SAFE_INTEGER) && isCount(to, 1, Number.MAX_SAFE_INTEGER) && (to as number) > (from as number) &&
    (to as number) - (from as number) <= TRANSCRIPT_PART_SEGMENTS;
}

/** Payload checks, one per message name. */
const REQUEST_GUARDS: { [K in MessageType]: (message: Record<string, unknown>) => boolean } = {
  getTranscript: (message) => isVideoId(message.videoId),
  getTranscriptSegments: (message) =>
    isVideoId(message.videoId) &&
    typeof message.datasetId === 'string' &&
    message.datasetId.length <= MAX_DATASET_ID_LENGTH &&
    isSegmentRange(message),
  getVideoInfo: (message) => isVideoId(message.videoId),
  getDatasetStatus: () => true,
  startImport: (message) => isImportSource(message.source),
  cancelImport: () => true,
  checkForUpdate: () => true,
  downloadFullDataset: () => true,
  setFullDatasetAutomatic: (message) => typeof message.automatic === 'boolean',
  getCachedCaptions: (message) => isVideoId(message.videoId) && (message.trackId === undefined || isTrackId(message.trackId)),
  saveCaptions: (message) => isCachedCaptions(message.captions),
  rememberCaptionsTrack: (message) => isVideoId(message.videoId) && isTrackId(message.trackId) && message.trackId !== '',
  getCaptionsCacheSummary: () => true,
  clearCaptionsCache: () => true,
  searchLibrary: (message) =>
    typeof message.query === 'string' && message.query.length <= MAX_LIBRARY_QUERY_LENGTH && isLibraryPage(message.page),
};

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(REQUEST_GUARDS, type);
}

/** Whether something received over `runtime.onMessage` is one of the background's requests. */
export function isRequest(message: unknown): message is BackgroundRequest {
  return isRecord(message) && isMessageType(message.type) && REQUEST_GUARDS[message.type](message);
}

/** Whether the background's answer says its handler failed. */
export function isBackgroundFailure(response: unknown): response is BackgroundFailure {
  return isRecord(response) && typeof response.backgroundError === 'string';
}

/** Whether something received by the content script is a request it answers. */
export function isPageRequest(message: unknown): message is PageRequest {
  return isRecord(message) && message.type === 'getPageVideo';
}

/** Whether the content script's answer has the expected shape. */
export function isPageResponse(message: unknown): message is PageResponse {
  return isRecord(message) && (message.videoId === null || isVideoId(message.videoId));
}
