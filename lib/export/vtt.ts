/** WebVTT (.vtt), as https://www.w3.org/TR/webvtt1/ defines it. Pure. */
import type { Segment } from '../transcript/types';
import { toSingleLine } from './clean-text';
import { formatCueTime, normalizeCueSpan } from './cue-time';

/**
 * Cue text with `&`, `<` and `>` as character references, so a player shows the
 * words and never reads tags; `-->` (not allowed in cue text) cannot survive that.
 */
export function toVttCueText(text: string): string {
  return toSingleLine(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The segments as a WebVTT file; segments with no text are left out. */
export function formatVtt(segments: readonly Segment[]): string {
  const cues: string[] = [];
  for (const segment of segments) {
    const text = toVttCueText(segment.text);
    if (text === '') continue;
    const { start, end } = normalizeCueSpan(segment);
    cues.push(`${formatCueTime(start, 'vtt')} --> ${formatCueTime(end, 'vtt')}\n${text}\n`);
  }
  return ['WEBVTT\n', ...cues].join('\n');
}
