/** The search matches as text to copy: each match's time, words and link. Pure. */
import { formatTimestamp } from '../format/time';
import { estimatePhraseTime } from '../transcript/phrase-time';
import type { SearchHit } from '../transcript/search';
import type { ExportedTranscript } from './exported-transcript';
import { buildWatchUrl } from '../youtube/url';
import { toSingleLine } from './clean-text';

export type MatchPosition = Pick<SearchHit, 'segmentIndex' | 'matchOffset'>;

/**
 * A line naming the query and the video, then per match (in the order given) its
 * time, its segment's words and a link that plays from where the phrase is spoken,
 * as the panel's own links do.
 */
export function formatMatches({ video, segments }: ExportedTranscript, hits: readonly MatchPosition[], query: string): string {
  const blocks = hits.flatMap(({ segmentIndex, matchOffset }) => {
    const segment = segments[segmentIndex];
    if (!segment) return [];
    const seconds = estimatePhraseTime(segment, matchOffset);
    return [`${formatTimestamp(seconds)} ${toSingleLine(segment.text)}\n${buildWatchUrl(video.videoId, seconds)}`];
  });
  const count = blocks.length === 1 ? '1 match' : `${blocks.length} matches`;
  return `${count} for "${toSingleLine(query)}" in ${toSingleLine(video.title) || video.videoId}\n\n${blocks.join('\n\n')}\n`;
}
