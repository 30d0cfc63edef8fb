import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { formatTimestamp } from '../lib/format/time';
import { buildListRows, placeChapters } from '../lib/transcript/chapters';
import type { OpenTranscript } from '../lib/transcript/open-transcript';
import { buildWatchUrl } from '../lib/youtube/url';
import { usePage } from './page-context';
import { ScrollList } from './ScrollList';
import { SearchBar } from './SearchBar';
import { SegmentButton } from './SegmentButton';
import { useHeldHeight } from './use-held-height';
import { usePlayingSegment } from './use-playing-segment';
import { usePreparedSearch } from './use-prepared-search';
import { useSearchHits } from './use-search-hits';
import './TranscriptView.css';

export interface TranscriptViewProps {
  transcript: OpenTranscript;
  /** Told each time the search box changes (the header's menu copies the matches). */
  onQueryChange?: ((query: string) => void) | undefined;
  /** What the search box starts with (the panel's "All videos" box hands its query over). */
  initialQuery?: string | undefined;
}

const COPY_STATUS_MS = 2000;
const SPOKEN_SNIPPET_LENGTH = 80;

/** "14:54, be correlated because the path…": the current hit as a screen reader hears it. */
function describeHit(seconds: number | undefined, text: string | undefined): string | undefined {
  if (seconds === undefined || text === undefined) return undefined;
  const snippet = text.length > SPOKEN_SNIPPET_LENGTH ? `${text.slice(0, SPOKEN_SNIPPET_LENGTH)}…` : text;
  return `${formatTimestamp(seconds)}, ${snippet}`;
}

/**
 * Search box, segment list (following playback) or ranked hits, and the
 * link/follow controls. Seeks and copies through the page (`PageContext`).
 */
export function TranscriptView({ transcript, onQueryChange, initialQuery = '' }: TranscriptViewProps) {
  const { video, segments } = transcript;
  const { player, copyText } = usePage();
  const playingIndex = usePlayingSegment(transcript);
  usePreparedSearch(transcript);
  const [query, setQuery] = useState(initialQuery);
  const [chosenHit, setChosenHit] = useState(0);
  // Whether the video already jumped to the current hit: the first Enter plays it, later ones step on.
  const [landedOnHit, setLandedOnHit] = useState(false);
  const [followPaused, setFollowPaused] = useState(false);
  // The segment Tab returns to after the user moved focus in the list; else the one being spoken.
  const [focusedSegment, setFocusedSegment] = useState<number | null>(null);
  const [copyStatus, setCopyStatus] = useState('');

  // Chapter headings sit between segments in the list; they are neither buttons nor search hits.
  const { rows, rowOfSegment } = useMemo(
    () => buildListRows(segments.length, placeChapters(segments, transcript.source.kind === 'captions' ? transcript.source.chapters : [])),
    [segments, transcript.source],
  );
  // What the list shows hits for: in a long transcript, the last query searched to the end.
  const { query: searchedQuery, hits } = useSearchHits(transcript, query);
  const searching = searchedQuery.trim() !== '';
  // The list's height while searching stays what it was, whatever the results.
  const body = useHeldHeight(searching);
  // A dataset refreshed under the panel may bring fewer hits than the one chosen.
  const currentHit = Math.min(chosenHit, Math.max(0, hits.length - 1));

  useEffect(() => {
    if (copyStatus === '') return;
    const timer = setTimeout(() => setCopyStatus(''), COPY_STATUS_MS);
    return () => clearTimeout(timer);
  }, [copyStatus]);

  // The header's menu copies the matches of the search shown (in a long transcript, not each keystroke's).
  // Told in the task that draws the hits: after the paint, it would be a task and a frame more per keystroke (issue 11).
  useLayoutEffect(() => onQueryChange?.(searchedQuery), [searchedQuery]);
  // Leaving (collapsed, another video), the header's menu must not keep offering this search's matches.
  useEffect(() => () => onQueryChange?.(''), []);

  const changeQuery = (next: string) => {
    setQuery(next);
    setChosenHit(0);
    setLandedOnHit(false);
    // Leaving search hands the list back to playback.
    if (next.trim() === '') resumeFollowing();
  };

  const goToHit = (index: number, { seek }: { seek: boolean }) => {
    setChosenHit(index);
    setLandedOnHit(seek);
    const hit = hits[index];
    if (seek && hit) player.seek(hit.seconds);
  };

  const step = (direction: 1 | -1, options: { seek: boolean }) => {
    if (hits.length === 0) return;
    goToHit((currentHit + direction + hits.length) % hits.length, options);
  };

  const enter = () => {
    if (hits.length === 0) return;
    if (landedOnHit) step(1, { seek: true });
    else goToHit(currentHit, { seek: true });
  };

  const resumeFollowing = () => {
    setFollowPaused(false);
    setFocusedSegment(null);
  };

  const seekSegment = (seconds: number) => {
    resumeFollowing();
    player.seek(seconds);
  };

  // The segment Tab reaches in the list: the one focused last, else the one being spoken.
  const tabStopSegment = focusedSegment ?? Math.max(0, playingIndex);
  const linkSeconds = searching ? hits[currentHit]?.seconds : segments[Math.max(0, playingIndex)]?.start;
  const copyLink = () => {
    if (linkSeconds === undefined) return;
    copyText(buildWatchUrl(video.videoId, linkSeconds)).then(
      () => setCopyStatus('Link copied'),
      () => setCopyStatus('Could not copy the link'),
    );
  };

  // The same element while only the box changes: a keystroke in a long transcript redraws the box, not the list (issue 11).
  const list = useMemo(
    () =>
      searching ? (
        hits.length === 0 ? (
          <p class="yts-view__empty">No matches for “{searchedQuery.trim()}”. Try other words.</p>
        ) : (
          <ScrollList
            label="Search results"
            rowCount={hits.length}
            rowIdentity={(index) => hits[index]!.segmentIndex}
            // Drawn near the view only, however few: each keystroke in a long transcript brings a new list (issue 11).
            drawAllUpTo={0}
            activeIndex={currentHit}
            tabStopIndex={currentHit}
            follow
            center={false}
            contentKey={searchedQuery}
            onFocusItem={(index) => {
              if (index !== currentHit) goToHit(index, { seek: false });
            }}
            renderRow={(index) => {
              const hit = hits[index]!;
              return (
                <SegmentButton
                  seconds={hit.seconds}
                  text={segments[hit.segmentIndex]!.text}
                  ranges={hit.ranges}
                  current={index === currentHit ? true : undefined}
                  tabbable={index === currentHit}
                  onActivate={() => goToHit(index, { seek: true })}
                />
              );
            }}
          />
        )
      ) : (
        <ScrollList
          label="Transcript segments"
          rowCount={rows.length}
          rowKind={(index) => (rows[index]!.kind === 'chapter' ? 1 : 0)}
          rowIdentity={(index) => {
            const row = rows[index]!;
            return row.kind === 'segment' ? row.segmentIndex : -1 - index;
          }}
          rowClass={(index) => (rows[index]!.kind === 'chapter' ? 'yts-chapter' : undefined)}
          isFocusable={(index) => rows[index]!.kind === 'segment'}
          activeIndex={playingIndex >= 0 ? rowOfSegment[playingIndex]! : -1}
          tabStopIndex={tabStopSegment < segments.length ? rowOfSegment[tabStopSegment] : undefined}
          follow={!followPaused}
          center
          onUserScroll={() => setFollowPaused(true)}
          onFocusItem={(index) => {
            const row = rows[index];
            if (row?.kind === 'segment') setFocusedSegment(row.segmentIndex);
          }}
          renderRow={(index) => {
            const row = rows[index]!;
            if (row.kind === 'chapter') return <h3 class="yts-chapter__title">{row.chapter.title}</h3>;
            const segment = segments[row.segmentIndex]!;
            return (
              <SegmentButton
                seconds={segment.start}
                text={segment.text}
                current={row.segmentIndex === playingIndex ? 'time' : undefined}
                tabbable={row.segmentIndex === tabStopSegment}
                onActivate={seekSegment}
              />
            );
          }}
        />
      ),
    [searching, hits, currentHit, searchedQuery, rows, rowOfSegment, segments, playingIndex, tabStopSegment, followPaused, player],
  );

  return (
    <div class="yts-view">
      <SearchBar
        query={query}
        hitCount={hits.length}
        currentHit={currentHit}
        currentHitDescription={describeHit(hits[currentHit]?.seconds, segments[hits[currentHit]?.segmentIndex ?? -1]?.text)}
        onQueryChange={changeQuery}
        onStep={step}
        onEnter={enter}
      />
      <div class="yts-view__body" ref={body.ref} style={body.minHeight === undefined ? undefined : { minHeight: `${body.minHeight}px` }}>
        {list}
      </div>
      <div class="yts-view__footer">
        <button type="button" class="yts-text-button" disabled={linkSeconds === undefined} onClick={copyLink}>
          {searching ? 'Copy link to match' : 'Copy link to segment'}
        </button>
        {!searching && followPaused && playingIndex >= 0 && (
          <button type="button" class="yts-text-button" onClick={resumeFollowing}>
            Back to current
          </button>
        )}
        <span class="yts-view__status" role="status">
          {copyStatus}
        </span>
      </div>
    </div>
  );
}
