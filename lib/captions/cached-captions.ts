/**
 * The shape of one video's captions as the cache keeps them and the protocol
 * carries them, and its runtime check (the content script sends them; the
 * background checks before storing). Pure.
 */
import { isJsonObject } from '../youtube/captions/json-reader';
import type { CaptionMethod } from '../youtube/captions/outcome';
import type { CaptionTrack, TrackInfo } from '../youtube/captions/tracks';
import type { CaptionLine, Chapter } from '../youtube/captions/types';
import { isVideoId } from '../youtube/url';

/** A track as kept (see `TrackInfo`). */
export type StoredTrack = TrackInfo;

export interface CachedCaptions {
  videoId: string;
  /** The video's title, as the player gave it. */
  title?: string | undefined;
  /** `track.id`, or '' when YouTube's panel answered without the page listing tracks. */
  trackId: string;
  track?: StoredTrack | undefined;
  /** Every track of the video, for the track menu when YouTube is out of reach. */
  tracks: StoredTrack[];
  lines: CaptionLine[];
  chapters: Chapter[];
  method: CaptionMethod;
  fetchedAt: number;
}

/** Bounds on what a sender may ask us to store: a 12-hour talk has ~15,000 lines. */
const MAX_LINES = 50_000;
const MAX_TRACKS = 200;
const MAX_CHAPTERS = 1_000;
const MAX_TEXT = 5_000;
const METHODS: readonly CaptionMethod[] = ['get_panel', 'player', 'timedtext'];

function isShortString(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function isStoredTrack(value: unknown): value is StoredTrack {
  return (
    isJsonObject(value) &&
    isShortString(value.id, 100) &&
    isShortString(value.languageCode, 40) &&
    typeof value.isAutomatic === 'boolean' &&
    isShortString(value.name, 200)
  );
}

function isLine(value: unknown): value is CaptionLine {
  return isJsonObject(value) && isTime(value.start) && isTime(value.end) && value.end >= value.start && isShortString(value.text);
}

function isChapter(value: unknown): value is Chapter {
  return isJsonObject(value) && isTime(value.start) && isShortString(value.title, 500);
}

function isListOf<T>(value: unknown, max: number, check: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.length <= max && value.every(check);
}

/** Whether a message's payload is captions we would store (shapes, types and sizes). */
export function isCachedCaptions(value: unknown): value is CachedCaptions {
  if (!isJsonObject(value)) return false;
  const { videoId, title, trackId, track, tracks, lines, chapters, method, fetchedAt } = value;
  return (
    isVideoId(videoId) &&
    (title === undefined || isShortString(title, 500)) &&
    isShortString(trackId, 100) &&
    (track === undefined ? trackId === '' : isStoredTrack(track) && track.id === trackId) &&
    isListOf(tracks, MAX_TRACKS, isStoredTrack) &&
    isListOf(lines, MAX_LINES, isLine) &&
    lines.length > 0 &&
    isListOf(chapters, MAX_CHAPTERS, isChapter) &&
    METHODS.includes(method as CaptionMethod) &&
    isTime(fetchedAt)
  );
}

/** A track without its address, as the cache keeps it. */
export function toStoredTrack({ id, languageCode, isAutomatic, name }: CaptionTrack | StoredTrack): StoredTrack {
  return { id, languageCode, isAutomatic, name };
}
