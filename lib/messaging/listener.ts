/** The `runtime.onMessage` listeners: who may ask what, and routing a checked request to its handler. */
import { describeError } from '../format/describe-error';
import type { VideoId } from '../youtube/url';
import { isPageRequest, isRequest } from './guards';
import type {
  BackgroundFailure,
  BackgroundRequest,
  BackgroundResponse,
  MessageHandlers,
  MessageSenderLike,
  MessageType,
  PageResponse,
} from './protocol';

/** Routes a checked request to its handler. */
export function dispatchRequest(handlers: MessageHandlers, request: BackgroundRequest): Promise<BackgroundResponse<MessageType>> {
  // TypeScript cannot pair a union member with its handler; the guards checked the pairing at run time.
  const handler = handlers[request.type] as (request: BackgroundRequest) => Promise<BackgroundResponse<MessageType>>;
  return handler(request);
}

/**
 * Requests only the extension's own pages (options, popup) may make: they
 * change or reveal the dataset or the captions cache. The content script
 * lives in YouTube's renderer and only ever needs to read transcripts and
 * keep the captions of the video it shows.
 */
const EXTENSION_PAGES_ONLY: ReadonlySet<MessageType> = new Set([
  'getDatasetStatus',
  'startImport',
  'cancelImport',
  'checkForUpdate',
  'downloadFullDataset',
  'setFullDatasetAutomatic',
  'getCaptionsCacheSummary',
  'clearCaptionsCache',
]);

/**
 * A `runtime.onMessage` listener that answers only this extension's own
 * contexts (`sender.id` is our id), dataset controls only from its pages
 * (`sender.url` under `ownOrigin`, e.g. `chrome-extension://<id>/`), and only
 * well-formed requests; anything else gets no answer. A request it takes is
 * always answered: with the handler's answer, or a `BackgroundFailure` if the
 * handler threw or rejected (a caller must never wait forever).
 */
export function createMessageListener(handlers: MessageHandlers, ownExtensionId: string, ownOrigin: string) {
  return (message: unknown, sender: MessageSenderLike, sendResponse: (response: unknown) => void): boolean => {
    if (sender.id !== ownExtensionId || !isRequest(message)) return false;
    if (EXTENSION_PAGES_ONLY.has(message.type) && !sender.url?.startsWith(ownOrigin)) return false;
    new Promise<unknown>((resolve) => resolve(dispatchRequest(handlers, message))).then(sendResponse, (error: unknown) => {
      const failure: BackgroundFailure = { backgroundError: describeError(error) };
      sendResponse(failure);
    });
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
