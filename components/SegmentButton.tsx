import type { TextRange } from '../lib/transcript/search';
import { findExcerptStart, shiftRanges } from '../lib/transcript/excerpt';
import { formatTimestamp } from '../lib/format/time';
import { HighlightedText } from './HighlightedText';
import './SegmentButton.css';
import './visually-hidden.css';

export interface SegmentButtonProps {
  /** Seconds shown first (and first in the accessible name): segment start, or a hit's estimated phrase time. */
  seconds: number;
  text: string;
  ranges?: readonly TextRange[];
  /** `time` marks the segment being spoken; `true` the current search hit. */
  current?: 'time' | true | undefined;
  onActivate: (seconds: number) => void;
  /** The one segment of its list that Tab reaches (arrow keys move between the others). */
  tabbable?: boolean;
}

/**
 * One segment as one button: "1:23 what was said". Click or Enter seeks there.
 * Long text is clamped to a few lines (whole once focused, by Tab, arrows or
 * a click); a match deep inside starts the visible text a few words before
 * it, the words before staying in the accessible name.
 */
export function SegmentButton({ seconds, text, ranges = [], current, onActivate, tabbable = false }: SegmentButtonProps) {
  const start = findExcerptStart(text, ranges);
  return (
    <button
      type="button"
      class="yts-segment"
      aria-current={current}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onActivate(seconds)}
    >
      <span class="yts-segment__time">{formatTimestamp(seconds)}</span>{' '}
      <span class="yts-segment__text">
        {start > 0 && <span class="yts-segment__lead yts-visually-hidden">{text.slice(0, start)}</span>}
        <span class="yts-segment__rest">
          <HighlightedText text={text.slice(start)} ranges={start > 0 ? shiftRanges(ranges, start) : ranges} />
        </span>
      </span>
    </button>
  );
}
