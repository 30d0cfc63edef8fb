/** Subtitle timestamps. Pure. */

export type CueTimeStyle = 'srt' | 'vtt';

const MILLISECOND_SEPARATOR: Record<CueTimeStyle, string> = { srt: ',', vtt: '.' };

/**
 * `HH:MM:SS,mmm` (SubRip) or `HH:MM:SS.mmm` (WebVTT), rounded to the millisecond;
 * negative or non-finite input counts as 0. Hours grow past two digits if needed.
 */
export function formatCueTime(seconds: number, style: CueTimeStyle): string {
  const totalMs = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds * 1000)) : 0;
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  const hh = String(Math.floor(totalSeconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((totalSeconds % 3600) / 60)).padStart(2, '0');
  const ss = String(totalSeconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}${MILLISECOND_SEPARATOR[style]}${String(ms).padStart(3, '0')}`;
}

export interface CueSpan {
  start: number;
  end: number;
}

/** A cue's span made safe: ends after it starts (by 1 ms at least), both at or after 0. */
export function normalizeCueSpan({ start, end }: CueSpan): CueSpan {
  const safeStart = Number.isFinite(start) ? Math.max(0, start) : 0;
  const safeEnd = Number.isFinite(end) ? end : safeStart;
  return { start: safeStart, end: Math.max(safeEnd, safeStart + 0.001) };
}
