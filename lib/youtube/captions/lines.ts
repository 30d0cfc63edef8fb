/** Turns timed texts from any source into the lines the panel shows. Pure. */
import type { CaptionLine, TimedText } from './types';

/** How long the last line lasts when nothing says: about a reading pace, within bounds. */
const SECONDS_PER_WORD = 0.4;
const MIN_LAST_LINE_SECONDS = 2;
const MAX_LAST_LINE_SECONDS = 10;

/** `1:05` → 65, `1:02:03` → 3723; `undefined` for anything else. */
export function parseClockTime(text: string): number | undefined {
  const match = /^\s*(\d+)(?::([0-5]\d))?:([0-5]\d)\s*$/.exec(text);
  if (!match) return undefined;
  const [, first, middle, last] = match;
  return middle === undefined
    ? Number(first) * 60 + Number(last)
    : Number(first) * 3600 + Number(middle) * 60 + Number(last);
}

/** Whitespace other than single inner spaces: most lines have none, and skip the rewrite. */
const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;

/** One line of text as people read it: whitespace (line breaks in captions) collapsed. */
export function normalizeCaptionText(text: string): string {
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

export interface FinishOptions {
  /** The video's length, if known: the last line never runs past it. */
  videoDuration?: number | undefined;
}

function isSortedByStart(lines: readonly TimedText[]): boolean {
  for (let index = 1; index < lines.length; index += 1) if (lines[index - 1]!.start > lines[index]!.start) return false;
  return true;
}

/**
 * Sorted lines with ends: blank lines dropped, a line ends where the next one
 * starts (or earlier, where its source says so), the last one after a reading
 * pace. Times are rounded to milliseconds. Pure; runs once per answer, so it
 * is written for 2,000-line videos.
 */
export function finishLines(timed: readonly TimedText[], { videoDuration }: FinishOptions = {}): CaptionLine[] {
  const kept: TimedText[] = [];
  for (const line of timed) {
    const start = roundMs(line.start);
    if (!Number.isFinite(start) || start < 0) continue;
    const text = normalizeCaptionText(line.text);
    if (text !== '') kept.push({ start, end: line.end, text });
  }
  // Sources list lines in order; sort only when one did not (the sort is stable).
  if (!isSortedByStart(kept)) kept.sort((a, b) => a.start - b.start);
  const lines: CaptionLine[] = new Array<CaptionLine>(kept.length);
  for (let index = 0; index < kept.length; index += 1) {
    const line = kept[index]!;
    const next = kept[index + 1];
    const stated = line.end !== undefined && Number.isFinite(line.end) && line.end > line.start ? roundMs(line.end) : undefined;
    let end: number;
    if (next) end = Math.min(stated ?? next.start, next.start);
    else {
      end = stated ?? line.start + estimateReadingSeconds(line.text);
      if (videoDuration !== undefined && videoDuration > line.start) end = Math.min(end, videoDuration);
    }
    lines[index] = { start: line.start, end: Math.max(end, line.start), text: line.text };
  }
  return lines;
}

function estimateReadingSeconds(text: string): number {
  const words = text.split(' ').length;
  return Math.min(MAX_LAST_LINE_SECONDS, Math.max(MIN_LAST_LINE_SECONDS, words * SECONDS_PER_WORD));
}

function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
