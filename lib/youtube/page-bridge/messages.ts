/**
 * What the page's main world tells the content script, and how: JSON strings
 * in CustomEvents on `document` (strings cross between worlds in Chrome and
 * Firefox alike; objects do not). The page can dispatch the same events, so
 * every message is untrusted data, checked here and again by its reader.
 */
import { isJsonObject, parseJsonText } from '../captions/json-reader';

/** Main world → content script: one message per event, `detail` a JSON string. */
export const PAGE_DATA_EVENT = 'transcript-search:page-data';
/**
 * Content script → main world: "say again what the player shows". It carries
 * nothing, so the most a page that sends it can get is the player's small
 * snapshot said again (captured timed text is sent once, never on request).
 */
export const PAGE_DATA_REQUEST_EVENT = 'transcript-search:page-data-request';

/** Bigger messages are dropped unread: a 3-hour json3 is about 1 MB. */
export const MAX_MESSAGE_CHARS = 8_000_000;

/** What the player and ytcfg say about the video playing now. */
export interface PlayerSnapshot {
  kind: 'player';
  /** The player response, cut to what captions need, in YouTube's own shape. */
  playerResponse: unknown;
  client: { clientVersion?: string | undefined; hl?: string | undefined; gl?: string | undefined };
  /** The transcript panel's params from the page's data, when that data is this video's. */
  panelParams?: string | undefined;
}

/** A timed-text answer the player itself fetched (it carries the proof-of-origin token we lack). */
export interface CapturedTimedText {
  kind: 'timedtext';
  url: string;
  body: string;
}

export type PageDataMessage = PlayerSnapshot | CapturedTimedText;

export function encodePageData(message: PageDataMessage): string {
  return JSON.stringify(message);
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** A message from an event's `detail`, or `undefined` if it is not one of ours in shape. Never throws. */
export function decodePageData(detail: unknown): PageDataMessage | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_MESSAGE_CHARS) return undefined;
  const message = parseJsonText(detail);
  if (!isJsonObject(message)) return undefined;
  if (message.kind === 'timedtext') {
    return typeof message.url === 'string' && typeof message.body === 'string'
      ? { kind: 'timedtext', url: message.url, body: message.body }
      : undefined;
  }
  if (message.kind === 'player') {
    const client = isJsonObject(message.client) ? message.client : {};
    if (!isOptionalString(message.panelParams)) return undefined;
    return {
      kind: 'player',
      playerResponse: message.playerResponse,
      client: {
        clientVersion: typeof client.clientVersion === 'string' ? client.clientVersion : undefined,
        hl: typeof client.hl === 'string' ? client.hl : undefined,
        gl: typeof client.gl === 'string' ? client.gl : undefined,
      },
      panelParams: message.panelParams,
    };
  }
  return undefined;
}
