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
import { isVideoId, type VideoId } from '../youtube/url';

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

/** How numbers are written in the source. */
export interface RowOptions {
  /** `1,5` is one and a half (semicolon-separated files); otherwise `1,250` is a thousands comma. */
  decimalComma?: boolean;
}

/** `HH:MM:SS(.mmm)`, `MM:SS(.mmm)`, also with a comma before the milliseconds (SRT). */
const CLOCK_PATTERN = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d+)?)$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** The thousands commas of a copied table: "1,234" or "12,345.5". */
const THOUSANDS_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA_NUMBER = /^[+-]?\d+,\d+$/;

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
export function parseSeconds(value: unknown, { decimalComma = false }: RowOptions = {}): number | undefined {
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
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (!decimalComma && THOUSANDS_NUMBER.test(text)) return Number(text.replaceAll(',', ''));
  if (DECIMAL_COMMA_NUMBER.test(text)) return Number(text.replace(',', '.'));
  return undefined;
}

/** The video id in a YouTube link of any common form (`watch?v=`, `youtu.be/`, `/shorts/`, `/live/`, `/embed/`). */
export function videoIdFromLink(value: unknown): VideoId | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /(?:[?&]v=|youtu\.be\/|\/(?:shorts|live|embed)\/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/.exec(value);
  return match && isVideoId(match[1]) ? match[1] : undefined;
}

function resolveVideoId(row: Record<string, unknown>): unknown {
  const found = firstPresent(row, ID_KEYS);
  // Spreadsheets pad cells: " yexR53My2O4 " is still the id.
  const direct = typeof found === 'string' ? found.trim() : found;
  if (isVideoId(direct)) return direct;
  // `id` is sometimes a row number; a link may still name the video.
  for (const key of URL_KEYS) {
    const fromLink = videoIdFromLink(row[key]);
    if (fromLink) return fromLink;
  }
  return direct;
}

function resolveSpan(row: Record<string, unknown>, options: RowOptions): { start: number | undefined; end: number | undefined } {
  // Hugging Face ASR pipeline chunks: `timestamp: [start, end]`.
  if (Array.isArray(row.timestamp) && row.timestamp.length === 2) {
    const [from, to] = row.timestamp as unknown[];
    return { start: parseSeconds(from, options), end: parseSeconds(to, options) };
  }
  const start = parseSeconds(firstPresent(row, START_KEYS), options);
  let end = parseSeconds(firstPresent(row, END_KEYS), options);
  if (end === undefined) {
    const duration = parseSeconds(firstPresent(row, DURATION_KEYS), options);
    if (duration !== undefined && start !== undefined) end = start + duration;
  }
  return { start, end };
}

/**
 * Maps one decoded row to candidate rows: one for a flat row, one per entry of
 * a Whisper-style `segments` list (which inherit the row's video id and title).
 */
export function resolveRow(row: Record<string, unknown>, options: RowOptions = {}): CandidateRow[] {
  const videoId = resolveVideoId(row);
  const title = row.title;
  const thumbnail = row.thumbnail;
  const nested = row.segments ?? row.chunks;
  if (Array.isArray(nested)) {
    return nested.map((entry: unknown) => {
      const segment = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      return { videoId, ...resolveSpan(segment, options), text: firstPresent(segment, TEXT_KEYS), title, thumbnail };
    });
  }
  return [{ videoId, ...resolveSpan(row, options), text: firstPresent(row, TEXT_KEYS), title, thumbnail }];
}
