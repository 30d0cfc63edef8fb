/** SubRip (.srt): numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, then the text. Pure. */
import type { Segment } from '../transcript/types';
import { toSingleLine } from './clean-text';
import { formatCueTime, normalizeCueSpan } from './cue-time';

/**
 * SubRip has no escapes, and players read `<i>…</i>`, `<font …>` and `{\an8}` in
 * cue text as markup: the openers become look-alikes (fullwidth `＜` and `｛`).
 * `-->` would read as a timing line: it becomes `->`.
 */
export function toSrtCueText(text: string): string {
  return toSingleLine(text).replace(/-{2,}>/g, '->').replaceAll('<', '\uFF1C').replaceAll('{', '\uFF5B');
}

/** The segments as a SubRip file (CRLF-free, UTF-8 text); segments with no text are left out. */
export function formatSrt(segments: readonly Segment[]): string {
  const cues: string[] = [];
  for (const segment of segments) {
    const text = toSrtCueText(segment.text);
    if (text === '') continue;
    const { start, end } = normalizeCueSpan(segment);
    cues.push(`${cues.length + 1}\n${formatCueTime(start, 'srt')} --> ${formatCueTime(end, 'srt')}\n${text}\n`);
  }
  return cues.join('\n');
}
