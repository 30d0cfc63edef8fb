/**
 * The one protocol between the content script and the background worker:
 * every message name with its request and response types, and a runtime guard
 * for what arrives (a message is untrusted until checked).
 */
import type { Transcript } from './transcript';
import { isVideoId, type VideoId } from './youtube-url';

export type TranscriptResponse =
  | { status: 'found'; transcript: Transcript }
  | { status: 'not-in-dataset'; videoId: VideoId }
  | { status: 'error'; message: string };

/** Message name → request payload and response. */
export interface MessageMap {
  getTranscript: { request: { videoId: VideoId }; response: TranscriptResponse };
}

export type MessageType = keyof MessageMap;

export type Request<K extends MessageType = MessageType> = { [T in K]: { type: T } & MessageMap[T]['request'] }[K];

export type Response<K extends MessageType> = MessageMap[K]['response'];

/** Whether something received over `runtime.onMessage` is one of our requests. */
export function isRequest(message: unknown): message is Request {
  if (typeof message !== 'object' || message === null) return false;
  const { type, videoId } = message as Record<string, unknown>;
  return type === 'getTranscript' && isVideoId(videoId);
}

/** Handlers the background registers, one per message name. */
export type MessageHandlers = { [K in MessageType]: (request: Request<K>) => Promise<Response<K>> };

/** Routes a checked request to its handler. */
export function dispatchRequest(handlers: MessageHandlers, request: Request): Promise<Response<MessageType>> {
  const handler: (request: Request) => Promise<Response<MessageType>> = handlers[request.type];
  return handler(request);
}

/** The slice of `runtime.MessageSender` we rely on. */
export interface MessageSenderLike {
  id?: string | undefined;
}

/**
 * A `runtime.onMessage` listener that answers only this extension's own
 * contexts (content scripts and pages: `sender.id` is our id) and only
 * well-formed requests; anything else gets no answer.
 */
export function createMessageListener(handlers: MessageHandlers, ownExtensionId: string) {
  return (message: unknown, sender: MessageSenderLike, sendResponse: (response: unknown) => void): boolean => {
    if (sender.id !== ownExtensionId || !isRequest(message)) return false;
    void dispatchRequest(handlers, message).then(sendResponse);
    return true; // keeps the channel open for the asynchronous answer
  };
}
