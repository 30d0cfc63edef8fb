/**
 * The content script's side of the page bridge: listens to what the main
 * world publishes, checks it like any untrusted input, and keeps the latest
 * player data per video and the timed-text answers the player fetched.
 */
import { readNumber, readString } from '../captions/json-reader';
import type { InnertubeClient } from '../captions/panel-request';
import { FALLBACK_CLIENT_VERSION, PLAYER_RESPONSE } from '../captions/shapes';
import { isTargetOf, readTimedTextUrl, type TimedTextTarget } from '../captions/timedtext-url';
import { parseCaptionTracks, type CaptionTrack } from '../captions/tracks';
import { NAVIGATION_STARTED_EVENT } from '../navigation';
import { decodePageData, PAGE_DATA_EVENT, PAGE_DATA_REQUEST_EVENT, type PlayerSnapshot } from './messages';

/** What the player says about one video, checked. */
export interface PlayerInfo {
  videoId: string;
  /** The video's title, as the player knows it (untrusted text). */
  title?: string | undefined;
  tracks: CaptionTrack[];
  /** The video's length in seconds, when the player knows it. */
  durationSeconds?: number | undefined;
  client: InnertubeClient;
  panelParams?: string | undefined;
}

export interface PageDataReader {
  /** What the player says about `videoId`, asking the page until it answers for that video; `undefined` if it never does in time. */
  readPlayer(videoId: string, signal: AbortSignal): Promise<PlayerInfo | undefined>;
  /** The timed-text answer the player fetched for this video's track, if it did. */
  findCapturedTimedText(videoId: string, track: CaptionTrack): string | undefined;
  /** Calls `listener` whenever the player fetches a track's timed text, until `signal` aborts. */
  onTimedTextCaptured(listener: (target: TimedTextTarget) => void, signal: AbortSignal): void;
}

export interface PageDataReaderOptions {
  /** The page's origin: player data naming other origins is dropped. */
  origin: string;
  /** How long `readPlayer` waits for the page (the player may still be loading the video). */
  timeoutMs?: number | undefined;
  /** How long what the player said stays good within one visit: its signed track addresses expire within hours. */
  maxAgeMs?: number | undefined;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 6_000;
const DEFAULT_MAX_AGE_MS = 30 * 60_000;
/** Asks again after these waits: the main world publishes on its own too, but may have started after us. */
const ASK_AGAIN_MS = [0, 250, 500, 1_000, 2_000];
const MAX_PLAYERS = 8;
const MAX_CAPTURED = 12;
const MAX_TITLE_CHARS = 500;

function checkPlayer(snapshot: PlayerSnapshot, origin: string): PlayerInfo | undefined {
  const response = snapshot.playerResponse;
  const videoId = readString(response, PLAYER_RESPONSE.videoId);
  if (videoId === undefined) return undefined;
  const length = readNumber(response, PLAYER_RESPONSE.lengthSeconds);
  const title = readString(response, PLAYER_RESPONSE.title)?.slice(0, MAX_TITLE_CHARS);
  return {
    videoId,
    title: title?.trim() ? title : undefined,
    tracks: parseCaptionTracks(response, origin),
    durationSeconds: length !== undefined && length > 0 ? length : undefined,
    client: {
      clientVersion: snapshot.client.clientVersion ?? FALLBACK_CLIENT_VERSION,
      hl: snapshot.client.hl,
      gl: snapshot.client.gl,
    },
    panelParams: snapshot.panelParams,
  };
}

function keepAtMost<K, V>(map: Map<K, V>, size: number): void {
  for (const key of map.keys()) {
    if (map.size <= size) return;
    map.delete(key);
  }
}

/** Starts listening on `doc` until `signal` aborts. Side effects: listeners and events on `doc`. */
export function createPageDataReader(
  doc: Document,
  signal: AbortSignal,
  { origin, timeoutMs = DEFAULT_TIMEOUT_MS, maxAgeMs = DEFAULT_MAX_AGE_MS, now = Date.now }: PageDataReaderOptions,
): PageDataReader {
  // Each entry with the visit it was said in (a count of in-page navigations) and when.
  const players = new Map<string, { info: PlayerInfo; visit: number; at: number }>();
  let visit = 0;
  const captured = new Map<string, { target: TimedTextTarget; body: string }>();
  const playerWaiters = new Set<(info: PlayerInfo) => void>();
  const captureListeners = new Set<(target: TimedTextTarget) => void>();

  doc.addEventListener(
    PAGE_DATA_EVENT,
    (event) => {
      const message = decodePageData((event as CustomEvent<unknown>).detail);
      if (message?.kind === 'player') {
        const info = checkPlayer(message, origin);
        if (!info) return;
        players.delete(info.videoId);
        players.set(info.videoId, { info, visit, at: now() });
        keepAtMost(players, MAX_PLAYERS);
        for (const waiter of [...playerWaiters]) waiter(info);
      } else if (message?.kind === 'timedtext') {
        const target = readTimedTextUrl(message.url, origin);
        if (!target) return;
        const key = `${target.videoId} ${target.languageCode} ${String(target.isAutomatic)}`;
        captured.delete(key);
        captured.set(key, { target, body: message.body });
        keepAtMost(captured, MAX_CAPTURED);
        for (const listener of [...captureListeners]) listener(target);
      }
    },
    { signal },
  );

  // A new visit to a video gets what the player says then, not what it said on an earlier visit.
  doc.addEventListener(NAVIGATION_STARTED_EVENT, () => (visit += 1), { signal });

  const ask = (): void => {
    doc.dispatchEvent(new CustomEvent(PAGE_DATA_REQUEST_EVENT));
  };

  return {
    readPlayer(videoId, requestSignal) {
      // Within one visit a video's tracks do not change, until their signed addresses grow old.
      const known = players.get(videoId);
      if (known && known.visit === visit && now() - known.at < maxAgeMs) return Promise.resolve(known.info);
      return new Promise((resolve) => {
        const timers: ReturnType<typeof setTimeout>[] = [];
        const finish = (info: PlayerInfo | undefined): void => {
          playerWaiters.delete(onPlayer);
          for (const timer of timers) clearTimeout(timer);
          requestSignal.removeEventListener('abort', onAbort);
          resolve(info);
        };
        const onPlayer = (info: PlayerInfo): void => {
          if (info.videoId === videoId) finish(info);
        };
        const onAbort = (): void => finish(undefined);
        if (requestSignal.aborted || signal.aborted) return finish(undefined);
        playerWaiters.add(onPlayer);
        requestSignal.addEventListener('abort', onAbort);
        // Ask again a few times: mid-navigation the player still answers for the previous video.
        for (const delay of ASK_AGAIN_MS) timers.push(setTimeout(ask, delay));
        timers.push(setTimeout(() => finish(undefined), timeoutMs));
      });
    },
    findCapturedTimedText(videoId, track) {
      for (const { target, body } of captured.values()) if (isTargetOf(target, videoId, track)) return body;
      return undefined;
    },
    onTimedTextCaptured(listener, listenerSignal) {
      captureListeners.add(listener);
      listenerSignal.addEventListener('abort', () => captureListeners.delete(listener));
    },
  };
}
