/**
 * The one protocol between the extension's parts: every message name with its
 * request and response types, and runtime guards for what arrives (a message
 * is untrusted until checked).
 *
 * - `MessageMap`: requests the background answers (content script, options page, popup).
 * - `PageMessageMap`: requests the YouTube content script answers (the popup asks which video a tab shows).
 */
import type { DatasetStatus, RefreshResponse, StartImportResponse } from '../imports/controller';
import type { ImportSourceRequest } from '../imports/job';
import type { Transcript, VideoInfo } from '../transcript/types';
import { isRecord } from '../guards/is-record';
import { isVideoId, type VideoId } from '../youtube/url';

export type TranscriptResponse =
  | { status: 'found'; transcript: Transcript }
  | { status: 'not-in-dataset'; videoId: VideoId }
  | { status: 'error'; message: string };

export type VideoInfoResponse =
  | { status: 'found'; video: VideoInfo }
  | { status: 'not-in-dataset'; videoId: VideoId }
  | { status: 'error'; message: string };

/** A request that carries nothing but its name. */
type EmptyRequest = { readonly payload?: never };

/** Message name → request payload and response, for the background. */
export interface MessageMap {
  getTranscript: { request: { videoId: VideoId }; response: TranscriptResponse };
  getVideoInfo: { request: { videoId: VideoId }; response: VideoInfoResponse };
  getDatasetStatus: { request: EmptyRequest; response: DatasetStatus };
  startImport: { request: { source: ImportSourceRequest }; response: StartImportResponse };
  cancelImport: { request: EmptyRequest; response: { cancelled: boolean } };
  checkForUpdate: { request: EmptyRequest; response: RefreshResponse };
}

/** Message name → request payload and response, for the YouTube content script. */
export interface PageMessageMap {
  getPageVideo: { request: EmptyRequest; response: { videoId: VideoId | null } };
}

type RequestOf<M, K extends keyof M> = M[K] extends { request: infer R } ? { type: K } & R : never;
type ResponseOf<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

export type MessageType = keyof MessageMap;
export type Request<K extends MessageType = MessageType> = { [T in K]: RequestOf<MessageMap, T> }[K];
export type Response<K extends MessageType> = ResponseOf<MessageMap, K>;
export type PageRequest = RequestOf<PageMessageMap, 'getPageVideo'>;
export type PageResponse = ResponseOf<PageMessageMap, 'getPageVideo'>;

function isSourceRequest(value: unknown): value is ImportSourceRequest {
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

/** Payload checks, one per message name. */
const REQUEST_GUARDS: { [K in MessageType]: (message: Record<string, unknown>) => boolean } = {
  getTranscript: (message) => isVideoId(message.videoId),
  getVideoInfo: (message) => isVideoId(message.videoId),
  getDatasetStatus: () => true,
  startImport: (message) => isSourceRequest(message.source),
  cancelImport: () => true,
  checkForUpdate: () => true,
};

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(REQUEST_GUARDS, type);
}

/** Whether something received over `runtime.onMessage` is one of the background's requests. */
export function isRequest(message: unknown): message is Request {
  return isRecord(message) && isMessageType(message.type) && REQUEST_GUARDS[message.type](message);
}

/** Whether something received by the content script is a request it answers. */
export function isPageRequest(message: unknown): message is PageRequest {
  return isRecord(message) && message.type === 'getPageVideo';
}

/** Whether the content script's answer has the expected shape. */
export function isPageResponse(message: unknown): message is PageResponse {
  return isRecord(message) && (message.videoId === null || isVideoId(message.videoId));
}

/** Handlers the background registers, one per message name. */
export type MessageHandlers = { [K in MessageType]: (request: Request<K>) => Promise<Response<K>> };

/** Routes a checked request to its handler. */
export function dispatchRequest(handlers: MessageHandlers, request: Request): Promise<Response<MessageType>> {
  // TypeScript cannot pair a union member with its handler; REQUEST_GUARDS checked the pairing at run time.
  const handler = handlers[request.type] as (request: Request) => Promise<Response<MessageType>>;
  return handler(request);
}

/** The slice of `runtime.MessageSender` we rely on. */
export interface MessageSenderLike {
  id?: string | undefined;
  url?: string | undefined;
}

/**
 * Requests only the extension's own pages (options, popup) may make: they
 * change or reveal the dataset. The content script lives in YouTube's
 * renderer and only ever needs to read transcripts.
 */
const EXTENSION_PAGES_ONLY: ReadonlySet<MessageType> = new Set([
  'getDatasetStatus',
  'startImport',
  'cancelImport',
  'checkForUpdate',
]);

/**
 * A `runtime.onMessage` listener that answers only this extension's own
 * contexts (`sender.id` is our id), dataset controls only from its pages
 * (`sender.url` under `ownOrigin`, e.g. `chrome-extension://<id>/`), and only
 * well-formed requests; anything else gets no answer.
 */
export function createMessageListener(handlers: MessageHandlers, ownExtensionId: string, ownOrigin: string) {
  return (message: unknown, sender: MessageSenderLike, sendResponse: (response: unknown) => void): boolean => {
    if (sender.id !== ownExtensionId || !isRequest(message)) return false;
    if (EXTENSION_PAGES_ONLY.has(message.type) && !sender.url?.startsWith(ownOrigin)) return false;
    void dispatchRequest(handlers, message).then(sendResponse);
    return true; // keeps the channel open for the asynchronous answer
  };
}

/** The content script's listener: tells our own popup which video the tab shows. */
export function createPageMessageListener(currentHref: () => string, ownExtensionId: string, parse: (href: string) => VideoId | null) {
  return (message: unknown, sender: MessageSenderLike, sendResponse: (response: PageResponse) => void): boolean => {
    if (sender.id !== ownExtensionId || !isPageRequest(message)) return false;
    sendResponse({ videoId: parse(currentHref()) });
    return false;
  };
}
