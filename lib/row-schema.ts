/**
 * Column names and value forms seen in public transcript datasets, mapped to
 * the one shape we store. Pure.
 *
 * - `pinecone/yt-transcriptions`: video_id, start_second, end_second, text, title, thumbnail, url
 * - other Hugging Face transcript sets: videoId / id, start / start_time / offset, end / end_time or duration,
 *   transcript / caption; ids sometimes only inside a `url`
 * - Whisper output (e.g. `Whispering-GPT/yannic-kilcher-transcript`): one row per video with
 *   `segments: [{ start, end, text }]`
 */
import { isVideoId, type VideoId } from './youtube-url';

/** A row after alias resolution, before validation: values may still be missing or wrong. */
export interface CandidateRow {
  videoId: unknown;
  start: number | undefined;
  end: number | undefined;
  text: unknown;
  title: unknown;
  thumbnail: unknown;
}

const ID_KEYS = ['video_id', 'videoId', 'videoID', 'id'] as const;
const START_KEYS = ['start_second', 'start', 'start_time', 'startTime', 'offset'] as const;
const END_KEYS = ['end_second', 'end', 'end_time', 'endTime'] as const;
const DURATION_KEYS = ['duration', 'dur'] as const;
const TEXT_KEYS = ['text', 'transcript', 'caption'] as const;
const URL_KEYS = ['url', 'video_url', 'link'] as const;

/** `HH:MM:SS(.mmm)`, `MM:SS(.mmm)`, also with a comma before the milliseconds (SRT). */
const CLOCK_PATTERN = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d+)?)$/;
/** Plain numbers, including the thousands commas of a copied table ("1,234.5"). */
const NUMBER_PATTERN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i;

function firstPresent(row: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = row[key];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/**
 * Seconds from a number, a numeric string or a clock time; `undefined` if
 * none of those. Negative and non-finite values pass through for validation to name.
 */
export function parseSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  const clock = CLOCK_PATTERN.exec(text);
  if (clock) {
    const [, hours = '0', minutes = '0', seconds = '0'] = clock;
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds.replace(',', '.'));
  }
  if (NUMBER_PATTERN.test(text) && /\d/.test(text)) return Number(text.replaceAll(',', ''));
  return undefined;
}

/** The video id in a YouTube link of any common form (`watch?v=`, `youtu.be/`, `/shorts/`, `/live/`, `/embed/`). */
export function videoIdFromLink(value: unknown): VideoId | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /(?:[?&]v=|youtu\.be\/|\/(?:shorts|live|embed)\/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/.exec(value);
  return match && isVideoId(match[1]) ? match[1] : undefined;
}

function resolveVideoId(row: Record<string, unknown>): unknown {
  const direct = firstPresent(row, ID_KEYS);
  if (isVideoId(direct)) return direct;
  // `id` is sometimes a row number; a link may still name the video.
  for (const key of URL_KEYS) {
    const fromLink = videoIdFromLink(row[key]);
    if (fromLink) return fromLink;
  }
  return direct;
}

function resolveSpan(row: Record<string, unknown>): { start: number | undefined; end: number | undefined } {
  // Hugging Face ASR pipeline chunks: `timestamp: [start, end]`.
  if (Array.isArray(row.timestamp) && row.timestamp.length === 2) {
    const [from, to] = row.timestamp as unknown[];
    return { start: parseSeconds(from), end: parseSeconds(to) };
  }
  const start = parseSeconds(firstPresent(row, START_KEYS));
  let end = parseSeconds(firstPresent(row, END_KEYS));
  if (end === undefined) {
    const duration = parseSeconds(firstPresent(row, DURATION_KEYS));
    if (duration !== undefined && start !== undefined) end = start + duration;
  }
  return { start, end };
}

/**
 * Maps one decoded row to candidate rows: one for a flat row, one per entry of
 * a Whisper-style `segments` list (which inherit the row's video id and title).
 */
export function resolveRow(row: Record<string, unknown>): CandidateRow[] {
  const videoId = resolveVideoId(row);
  const title = row.title;
  const thumbnail = row.thumbnail;
  const nested = row.segments ?? row.chunks;
  if (Array.isArray(nested)) {
    return nested.map((entry: unknown) => {
      const segment = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      return { videoId, ...resolveSpan(segment), text: firstPresent(segment, TEXT_KEYS), title, thumbnail };
    });
  }
  return [{ videoId, ...resolveSpan(row), text: firstPresent(row, TEXT_KEYS), title, thumbnail }];
}
