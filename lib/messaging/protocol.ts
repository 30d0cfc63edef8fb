/**
 * The one protocol between the extension's parts: every message name with its
 * request and response types. Types only: it imports nothing but types, so
 * any context can depend on it without pulling in an implementation. The
 * runtime checks are in `guards.ts`, the listeners in `listener.ts`.
 *
 * - `MessageMap`: requests the background answers (content script, options page, popup).
 * - `PageMessageMap`: requests the YouTube content script answers (the popup asks which video a tab shows).
 */
import type { CachedCaptions } from '../captions/cached-captions';
import type { DatasetStatus, RefreshResponse, StartImportResponse } from '../imports/job';
import type { ImportSource } from '../store/records';
import type { LibraryPage, LibrarySearchResult } from '../library/library-search';
import type { Segment, Transcript, VideoInfo } from '../transcript/types';
import type { VideoId } from '../youtube/url';

/**
 * The outcome of looking a video up, end to end: the background answers with
 * it and the panel draws from it. `Found` holds what was found.
 */
export type LookupOutcome<Found extends object> =
  | ({ status: 'found' } & Found)
  | { status: 'not-found' }
  | { status: 'error'; message: string };

/**
 * A video's transcript. A long one comes in parts (issue 11: one message of
 * 50,000 segments held the page for a long task while it was unpacked): the
 * first `TRANSCRIPT_PART_SEGMENTS` segments here, and `rest` to ask for the
 * others with `getTranscriptSegments`.
 */
export type TranscriptOutcome = LookupOutcome<{ transcript: Transcript; rest?: TranscriptRest | undefined }>;

/** Where the rest of a transcript sent in parts is. */
export interface TranscriptRest {
  /** The dataset the first part came from: the rest comes from the same one, or not at all. */
  datasetId: string;
  /** Segments in all. */
  total: number;
}

/** Segments `[from, to)` of a video's transcript in one dataset. */
export type TranscriptSegmentsOutcome = LookupOutcome<{ segments: Segment[] }>;
export type VideoInfoOutcome = LookupOutcome<{ video: VideoInfo }>;

/** The captions cache's answer for one video: its captions if cached, and the viewer's track choice either way. */
export type CachedCaptionsOutcome = LookupOutcome<{ captions: CachedCaptions }> & { chosenTrackId?: string | undefined };
/** What the captions cache holds: videos, and characters of caption text (about its bytes). */
export type CaptionsCacheSummaryOutcome = { status: 'found'; videos: number; chars: number } | { status: 'error'; message: string };
export type CacheWriteOutcome = { status: 'saved' } | { status: 'error'; message: string };
/** A library search's answer; `notice`: a part of the library this browser cannot search, said once beside the results. */
export type LibrarySearchResponse = (LibrarySearchResult & { notice?: string | undefined }) | { status: 'error'; message: string };

/** A request that carries nothing but its name. */
type EmptyRequest = { readonly payload?: never };

/** Message name → request payload and response, for the background. */
export interface MessageMap {
  getTranscript: { request: { videoId: VideoId }; response: TranscriptOutcome };
  /** The next part of a transcript `getTranscript` sent in parts. */
  getTranscriptSegments: {
    request: { videoId: VideoId; datasetId: string; from: number; to: number };
    response: TranscriptSegmentsOutcome;
  };
  getVideoInfo: { request: { videoId: VideoId }; response: VideoInfoOutcome };
  getDatasetStatus: { request: EmptyRequest; response: DatasetStatus };
  startImport: { request: { source: ImportSource }; response: StartImportResponse };
  cancelImport: { request: EmptyRequest; response: { cancelled: boolean } };
  checkForUpdate: { request: EmptyRequest; response: RefreshResponse };
  /** "Retry": download the full dataset now. */
  downloadFullDataset: { request: EmptyRequest; response: StartImportResponse | { status: 'not-needed' } };
  /** "Download the full dataset automatically". */
  setFullDatasetAutomatic: { request: { automatic: boolean }; response: { automatic: boolean } };
  getCachedCaptions: { request: { videoId: VideoId; trackId?: string | undefined }; response: CachedCaptionsOutcome };
  saveCaptions: { request: { captions: CachedCaptions }; response: CacheWriteOutcome };
  rememberCaptionsTrack: { request: { videoId: VideoId; trackId: string }; response: CacheWriteOutcome };
  getCaptionsCacheSummary: { request: EmptyRequest; response: CaptionsCacheSummaryOutcome };
  clearCaptionsCache: { request: EmptyRequest; response: CacheWriteOutcome };
  /** The library search, for the content script (extension pages read the cache themselves). */
  searchLibrary: { request: { query: string; page: LibraryPage }; response: LibrarySearchResponse };
}

/** Message name → request payload and response, for the YouTube content script. */
export interface PageMessageMap {
  getPageVideo: { request: EmptyRequest; response: { videoId: VideoId | null } };
}

type RequestOf<M, K extends keyof M> = M[K] extends { request: infer R } ? { type: K } & R : never;
type ResponseOf<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

export type MessageType = keyof MessageMap;
export type BackgroundRequest<K extends MessageType = MessageType> = { [T in K]: RequestOf<MessageMap, T> }[K];
export type BackgroundResponse<K extends MessageType> = ResponseOf<MessageMap, K>;
export type PageRequest = RequestOf<PageMessageMap, 'getPageVideo'>;
export type PageResponse = ResponseOf<PageMessageMap, 'getPageVideo'>;

/**
 * What the background answers instead when a handler failed: every request
 * gets an answer, and `sendRequest` turns this one into a thrown `Error`.
 */
export interface BackgroundFailure {
  backgroundError: string;
}

/** Handlers the background registers, one per message name. */
export type MessageHandlers = { [K in MessageType]: (request: BackgroundRequest<K>) => Promise<BackgroundResponse<K>> };

/** The slice of `runtime.MessageSender` we rely on. */
export interface MessageSenderLike {
  id?: string | undefined;
  url?: string | undefined;
}
