import type { TextRange } from '../lib/transcript/search';
import { formatTimestamp } from '../lib/format/time';
import { HighlightedText } from './HighlightedText';
import './SegmentButton.css';

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

/** One segment as one button: "1:23 what was said". Click or Enter seeks there. */
export function SegmentButton({ seconds, text, ranges = [], current, onActivate, tabbable = false }: SegmentButtonProps) {
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
        <HighlightedText text={text} ranges={ranges} />
      </span>
    </button>
  );
}
