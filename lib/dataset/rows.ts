/**
 * Rows of the transcript dataset (the shape of `pinecone/yt-transcriptions`)
 * turned into validated transcripts. Pure: text in, transcripts and a report out.
 */
import { resolveRow, type CandidateRow, type RowOptions } from './row-schema';
import type { Segment, Transcript, VideoInfo } from '../transcript/types';
import { isVideoId, type VideoId } from '../youtube/url';
import { isRecord } from '../guards/is-record';
import { inMegabytes, MAX_ROW_CHARS, MAX_SECONDS } from './limits';
import { RowTally, type RowCounts } from './row-tally';

/** Why a row was left out. */
export type RejectReason =
  | 'invalid-json'
  | 'not-an-object'
  | 'bad-video-id'
  | 'bad-start'
  | 'bad-end'
  | 'time-out-of-range'
  | 'start-not-before-end'
  | 'empty-text'
  | 'row-too-long';

export const REJECT_REASON_TEXT: Record<RejectReason, string> = {
  'invalid-json': 'not valid JSON',
  'not-an-object': 'not a row of named fields',
  'bad-video-id': 'no YouTube video id (11 characters of A-Z, a-z, 0-9, _ or -)',
  'bad-start': 'start time missing or not a number of seconds ≥ 0',
  'bad-end': 'end time missing or not a number of seconds ≥ 0',
  'time-out-of-range': `start or end time beyond ${MAX_SECONDS / 3600} hours`,
  'start-not-before-end': 'start time is not before end time',
  'empty-text': 'text missing or empty',
  'row-too-long': `longer than ${inMegabytes(MAX_ROW_CHARS)} of text`,
};

/** A row that passed validation. */
export interface ValidRow {
  videoId: VideoId;
  segment: Segment;
  title: string;
  thumbnail: string;
}

export type RowResult = { ok: true; row: ValidRow } | { ok: false; reason: RejectReason };

export interface RejectedExample {
  /** 1-based line number in the source file. */
  line: number;
  reason: RejectReason;
}

export interface ImportReport extends RowCounts {
  acceptedRows: number;
  /** Rows whose [video_id, start_second] came again later; the later row wins. */
  duplicateRows: number;
  videoCount: number;
}

export interface ParsedDataset {
  transcripts: Transcript[];
  report: ImportReport;
}

function isSecond(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function thumbnailFor(videoId: VideoId): string {
  return `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`;
}

/** Checks one row (after column aliases are resolved) against what we store. */
export function validateCandidate({ videoId, start, end, text, title, thumbnail }: CandidateRow): RowResult {
  if (!isVideoId(videoId)) return { ok: false, reason: 'bad-video-id' };
  if (!isSecond(start)) return { ok: false, reason: 'bad-start' };
  if (!isSecond(end)) return { ok: false, reason: 'bad-end' };
  // 1e308 is a number of seconds too, but no video; it would also print as nonsense.
  if (start > MAX_SECONDS || end > MAX_SECONDS) return { ok: false, reason: 'time-out-of-range' };
  if (start >= end) return { ok: false, reason: 'start-not-before-end' };
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, reason: 'empty-text' };
  return {
    ok: true,
    row: {
      videoId,
      segment: { start, end, text: text.trim() },
      title: typeof title === 'string' ? title.trim() : '',
      thumbnail: typeof thumbnail === 'string' && thumbnail !== '' ? thumbnail : thumbnailFor(videoId),
    },
  };
}

/** Checks one decoded row: one result for a flat row, one per segment of a Whisper-style row. */
export function validateValue(value: unknown, options?: RowOptions): RowResult[] {
  if (!isRecord(value)) return [{ ok: false, reason: 'not-an-object' }];
  return resolveRow(value, options).map(validateCandidate);
}

/** Checks one flat decoded row (any of the known column names). */
export function validateRow(value: unknown): RowResult {
  if (!isRecord(value)) return { ok: false, reason: 'not-an-object' };
  const [candidate] = resolveRow(value);
  return candidate ? validateCandidate(candidate) : { ok: false, reason: 'empty-text' };
}

/** Where a reader puts the rows it decodes, in file order. */
export interface RowSink {
  /** One decoded row (or a Whisper-style video); `line` is its 1-based place in the source. */
  add(value: unknown, line: number, options?: RowOptions): void;
  /** A row that could not even be decoded. */
  reject(reason: RejectReason, line: number): void;
  /** Called between pieces of the file; reading waits for the promise (a consumer writing a batch). */
  drain?(): Promise<void> | undefined;
  /** Rows seen so far, for progress. */
  readonly rowCount: number;
}

/**
 * Collects valid rows into per-video transcripts. Feed rows in file order;
 * a later row with the same [video_id, start_second] replaces the earlier one.
 */
export class TranscriptCollector implements RowSink {
  private readonly videos = new Map<VideoId, { title: string; thumbnail: string; segments: Map<number, Segment> }>();
  private readonly tally = new RowTally();
  private duplicateRows = 0;

  /** Validates and keeps one decoded row (or each segment of a Whisper-style row); `line` is its 1-based place in the source. */
  add(value: unknown, line: number, options?: RowOptions): void {
    for (const result of validateValue(value, options)) {
      if (result.ok) this.keep(result.row);
      else this.tally.reject(result.reason, line);
    }
  }

  get rowCount(): number {
    return this.tally.rowCount;
  }

  reject(reason: RejectReason, line: number): void {
    this.tally.reject(reason, line);
  }

  private keep({ videoId, segment, title, thumbnail }: ValidRow): void {
    this.tally.accept();
    let video = this.videos.get(videoId);
    if (!video) {
      video = { title, thumbnail, segments: new Map() };
      this.videos.set(videoId, video);
    }
    if (title !== '') video.title = title;
    if (video.segments.has(segment.start)) this.duplicateRows += 1;
    video.segments.set(segment.start, segment);
  }

  /** The transcripts so far (segments sorted by start) and the report. */
  finish(): ParsedDataset {
    const transcripts: Transcript[] = [];
    for (const [videoId, { title, thumbnail, segments }] of this.videos) {
      const sorted = [...segments.values()].sort((a, b) => a.start - b.start);
      const video: VideoInfo = {
        videoId,
        title: title === '' ? videoId : title,
        thumbnail,
        segmentCount: sorted.length,
        duration: sorted.reduce((max, s) => Math.max(max, s.end), 0),
      };
      transcripts.push({ video, segments: sorted });
    }
    const counts = this.tally.counts();
    return {
      transcripts,
      report: {
        ...counts,
        acceptedRows: counts.totalRows - counts.rejectedRows - this.duplicateRows,
        duplicateRows: this.duplicateRows,
        videoCount: transcripts.length,
      },
    };
  }
}

/** Decodes the JSON text of one row into `sink`; text that is not JSON is counted as such. */
export function collectJsonValue(sink: RowSink, text: string, line: number): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    sink.reject('invalid-json', line);
    return;
  }
  sink.add(value, line);
}

/** Decodes one line of a JSON Lines file into `sink` (blank lines are skipped, not rows). */
export function collectJsonLine(sink: RowSink, line: string, lineNumber: number): void {
  const trimmed = line.trim();
  if (trimmed !== '') collectJsonValue(sink, trimmed, lineNumber);
}

/** Parses a JSON Lines file held in memory (one row per line). */
export function parseJsonLines(text: string): ParsedDataset {
  const collector = new TranscriptCollector();
  text.split('\n').forEach((line, i) => collectJsonLine(collector, line, i + 1));
  return collector.finish();
}
