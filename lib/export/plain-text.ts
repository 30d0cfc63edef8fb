/** A transcript as plain text, with or without timestamps. Pure. */
import { formatTimestamp } from '../format/time';
import type { Segment } from '../transcript/types';
import type { ExportedTranscript } from './exported-transcript';
import { buildWatchUrl } from '../youtube/url';
import { toSingleLine } from './clean-text';

const linesOf = (segments: readonly Segment[], line: (segment: Segment, text: string) => string): string[] =>
  segments.flatMap((segment) => {
    const text = toSingleLine(segment.text);
    return text === '' ? [] : [line(segment, text)];
  });

/** What was said, one segment per line, nothing else (for "Copy transcript"). */
export function formatPlainText(segments: readonly Segment[]): string {
  return linesOf(segments, (_segment, text) => text).join('\n');
}

/** One segment per line, each after its start time: `1:23 what was said`. */
export function formatTimestampedText(segments: readonly Segment[]): string {
  return linesOf(segments, (segment, text) => `${formatTimestamp(segment.start)} ${text}`).join('\n');
}

/** The .txt download: the title and the video's address, a blank line, then the timestamped lines. */
export function formatTextFile({ video, segments }: ExportedTranscript): string {
  return `${toSingleLine(video.title)}\n${buildWatchUrl(video.videoId, 0)}\n\n${formatTimestampedText(segments)}\n`;
}
