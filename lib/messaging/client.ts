/** Sending protocol requests from a content script or extension page. */
import { browser } from '#imports';
import { isBackgroundFailure } from './guards';
import type { BackgroundRequest, BackgroundResponse, MessageType } from './protocol';

/** Sends one request to the background and resolves with its typed answer; rejects if the background failed to answer. */
export async function sendRequest<K extends MessageType>(request: BackgroundRequest<K>): Promise<BackgroundResponse<K>> {
  const response: unknown = await browser.runtime.sendMessage(request);
  if (response === undefined) throw new Error('no answer');
  if (isBackgroundFailure(response)) throw new Error(response.backgroundError);
  return response as BackgroundResponse<K>;
}
