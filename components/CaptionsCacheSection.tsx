import { formatBytes, plural } from '../lib/format/units';

export interface CaptionsCacheSectionProps {
  /** What the cache holds; `null` while loading. */
  summary: { videos: number; chars: number } | null;
  /** A problem reading or clearing the cache, in words ('' for none). */
  problem: string;
  clearing: boolean;
  onClear: () => void;
}

/** The options page's account of the YouTube captions cache, with a way to empty it. */
export function CaptionsCacheSection({ summary, problem, clearing, onClear }: CaptionsCacheSectionProps) {
  return (
    <section aria-labelledby="captions-cache-heading">
      <h2 id="captions-cache-heading">YouTube captions</h2>
      <p class="yts-help">
        On videos the dataset lacks, the panel shows YouTube's own captions. They are kept here so that a revisit opens at
        once, even offline: up to 500 videos, the least recently opened making room first. The dataset is kept apart and
        is not affected.
      </p>
      <p role="status">
        {summary === null
          ? problem === ''
            ? 'Loading…'
            : ''
          : `${plural(summary.videos, 'video')} cached, ${formatBytes(summary.chars)} of caption text.`}
      </p>
      {problem !== '' && (
        <p class="yts-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="button" disabled={clearing || summary === null || summary.videos === 0} onClick={onClear}>
        Clear captions cache
      </button>
    </section>
  );
}
