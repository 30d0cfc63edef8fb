/**
 * Reads the transcript out of a `get_panel` answer, in either of the two
 * panel generations YouTube serves (it picks one per video). Pure; malformed
 * input gives `unrecognized`, never an exception.
 */
import { isJsonObject, readArray, readNumber, readPath, readString, readText } from './json-reader';
import { finishLines, parseClockTime, type FinishOptions } from './lines';
import { LEGACY_PANEL, MODERN_PANEL } from './shapes';
import type { Chapter, ParsedCaptions, TimedText } from './types';

/** A chapter whose start may only be known from the line after it. */
interface PendingChapter {
  start: number | undefined;
  title: string;
}

interface Collected {
  lines: TimedText[];
  /** The videos the answer's lines and chapters lead to (the modern panel names them). */
  videoIds: Set<string>;
  /** Lines and chapters in answer order, to date a chapter by the line that follows it. */
  order: ({ kind: 'line'; start: number } | { kind: 'chapter'; chapter: PendingChapter })[];
}

function startSecondsOf(item: unknown): number | undefined {
  return readNumber(item, MODERN_PANEL.startSeconds);
}

/** One `macroMarkersPanelItemViewModel`: a chapter title or a line (or several). */
function collectModernItem(item: unknown, into: Collected): void {
  const viewModel = readPath(item, MODERN_PANEL.item);
  if (!isJsonObject(viewModel)) return;
  const videoId = readString(viewModel, MODERN_PANEL.videoId);
  if (videoId !== undefined) into.videoIds.add(videoId);
  const title = readText(viewModel, MODERN_PANEL.chapterTitle);
  if (title !== undefined) {
    const chapter = { start: startSecondsOf(viewModel), title };
    into.order.push({ kind: 'chapter', chapter });
    return;
  }
  for (const content of readArray(viewModel, MODERN_PANEL.lineItems)) {
    const segment = readPath(content, MODERN_PANEL.lineSegment);
    const text = readText(segment, MODERN_PANEL.lineText);
    if (text === undefined) continue;
    // The endpoint's seconds are exact; the display timestamp depends on the UI's format.
    const timestamp = readText(segment, MODERN_PANEL.lineTimestamp);
    const start = startSecondsOf(viewModel) ?? (timestamp === undefined ? undefined : parseClockTime(timestamp));
    if (start === undefined) continue;
    into.lines.push({ start, text });
    into.order.push({ kind: 'line', start });
  }
}

function collectModern(answer: unknown): Collected | undefined {
  const sections = readPath(answer, MODERN_PANEL.sections);
  if (!Array.isArray(sections)) return undefined;
  const collected: Collected = { lines: [], order: [], videoIds: new Set() };
  for (const section of sections) {
    const renderer = readPath(section, MODERN_PANEL.section);
    if (!isJsonObject(renderer)) continue;
    collectModernItem(readPath(renderer, MODERN_PANEL.sectionHeaderItem), collected);
    for (const item of readArray(renderer, MODERN_PANEL.sectionItems)) collectModernItem(item, collected);
  }
  return collected;
}

function collectLegacy(answer: unknown): Collected | undefined {
  for (const root of LEGACY_PANEL.rendererRoots) {
    const segments = readPath(readPath(answer, root), LEGACY_PANEL.segments);
    if (!Array.isArray(segments)) continue;
    const collected: Collected = { lines: [], order: [], videoIds: new Set() };
    for (const entry of segments) {
      const line = readPath(entry, LEGACY_PANEL.line);
      const header = readPath(entry, LEGACY_PANEL.chapter);
      if (isJsonObject(line)) {
        const startMs = readNumber(line, LEGACY_PANEL.startMs);
        const text = readText(line, LEGACY_PANEL.text);
        if (startMs === undefined || text === undefined) continue;
        const endMs = readNumber(line, LEGACY_PANEL.endMs);
        collected.lines.push({ start: startMs / 1000, end: endMs === undefined ? undefined : endMs / 1000, text });
        collected.order.push({ kind: 'line', start: startMs / 1000 });
      } else if (isJsonObject(header)) {
        const title = LEGACY_PANEL.chapterTitle.map((path) => readText(header, path)).find((text) => text !== undefined);
        if (title === undefined) continue;
        const startMs = readNumber(header, LEGACY_PANEL.startMs);
        const chapter = { start: startMs === undefined ? undefined : startMs / 1000, title };
        collected.order.push({ kind: 'chapter', chapter });
      }
    }
    return collected;
  }
  return undefined;
}

/** Chapters with a start (their own, else the next line's), non-blank, in time order. */
function finishChapters(collected: Collected): Chapter[] {
  const chapters: Chapter[] = [];
  let nextLineStart: number | undefined;
  for (let index = collected.order.length - 1; index >= 0; index -= 1) {
    const entry = collected.order[index]!;
    if (entry.kind === 'line') {
      nextLineStart = entry.start;
      continue;
    }
    const title = entry.chapter.title.replace(/\s+/g, ' ').trim();
    const start = entry.chapter.start ?? nextLineStart;
    if (title !== '' && start !== undefined && start >= 0) chapters.push({ start, title });
  }
  return chapters.sort((a, b) => a.start - b.start);
}

export interface PanelParseOptions extends FinishOptions {
  /** The video asked about: an answer whose lines lead to another one is refused. */
  videoId?: string | undefined;
}

/** The lines and chapters of a `get_panel` answer (parsed JSON). Pure. */
export function parsePanelResponse(answer: unknown, { videoId, ...options }: PanelParseOptions = {}): ParsedCaptions {
  const collected = collectModern(answer) ?? collectLegacy(answer);
  if (!collected) return { kind: 'unrecognized' };
  if (videoId !== undefined && [...collected.videoIds].some((id) => id !== videoId)) return { kind: 'other-video' };
  const lines = finishLines(collected.lines, options);
  if (lines.length === 0) return { kind: 'empty' };
  return { kind: 'parsed', lines, chapters: finishChapters(collected) };
}
