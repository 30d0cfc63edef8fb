import { useState } from 'preact/hooks';
import type { PanelSettings } from '../lib/panel/panel-settings';
import type { TranscriptLookup } from '../lib/panel/transcript-lookup';
import type { YouTubePage } from '../lib/youtube/page';
import type { VideoId } from '../lib/youtube/url';
import { PageContext } from './page-context';
import type { PanelLibrary } from './ScopedSearch';
import type { SearchScope } from './SearchScopeSwitch';
import { TranscriptPanel } from './TranscriptPanel';
import { useAbortableEffect, useAbortableLayoutEffect } from './use-abortable-effect';
import type { LibrarySearchFn } from './use-library-search';
import { usePlayerCaptionsRetry, type OnPlayerCaptions } from './use-player-captions-retry';
import { useTranscriptLookup } from './use-transcript-lookup';

export interface PanelRootProps {
  /** The YouTube page: its video, navigation, theme, player, the panel's place, the clipboard. */
  page: YouTubePage;
  /** Where transcripts come from: the provider chain (the cached dataset, then any fallback). */
  transcripts: TranscriptLookup;
  /** The stored preference and the "new dataset" signal. */
  settings: PanelSettings;
  /** YouTube's captions, where they are a source: choosing a track, and the player loading captions. */
  captions?: CaptionsControls | undefined;
  /** Searching every video of the library (the background's index); keep it the same function. */
  searchLibrary?: LibrarySearchFn | undefined;
}

export interface CaptionsControls {
  /** Remembers the viewer's track for a video; the panel then asks again. */
  chooseTrack: (videoId: VideoId, trackId: string) => Promise<void>;
  /** Calls `listener` with the video and track whenever the page's player loads captions, until `signal` aborts: a failed panel may now succeed. */
  onPlayerCaptions: OnPlayerCaptions;
}

/**
 * The one owner of the panel's state: which video the page shows, its
 * transcript (loading, ready, missing, failed), collapsed (the panel, and the
 * one-line notice of a video without one), the theme. The
 * player reaches the components below through `PageContext`.
 */
export function PanelRoot({ page, transcripts, settings, captions, searchLibrary }: PanelRootProps) {
  const [videoId, setVideoId] = useState(() => page.videoId());
  const [theme, setTheme] = useState(() => page.theme());
  const [collapsed, setCollapsed] = useState(settings.collapsed);
  const [noticeCollapsed, setNoticeCollapsed] = useState(settings.noticeCollapsed);
  const { state, retry, retryCaptions, refresh } = useTranscriptLookup(videoId, transcripts);
  // The search's scope and the library box's query stay as the viewer goes from video to video.
  const [scope, setScope] = useState<SearchScope>('video');
  const [libraryQuery, setLibraryQuery] = useState('');

  useAbortableEffect(
    (signal) => {
      // Repeats for the same video (a `t` change, a second event) change nothing: the id is the same string.
      const followPage = (): void => setVideoId(page.videoId());
      followPage();
      page.onNavigated(followPage, signal);
      page.onThemeChange(() => setTheme(page.theme()), signal);
    },
    [page],
  );
  useAbortableEffect(
    (signal) => {
      settings.onCollapsedChange(setCollapsed, signal);
      settings.onNoticeCollapsedChange(setNoticeCollapsed, signal);
      settings.onDatasetChange(refresh, signal);
    },
    [settings, refresh],
  );
  usePlayerCaptionsRetry(state, captions?.onPlayerCaptions, retryCaptions);

  const visible = state.kind !== 'hidden';
  // In the page before the list inside measures itself for scrolling.
  useAbortableLayoutEffect(
    (signal) => {
      if (visible) page.showPanel(signal);
    },
    [page, visible],
  );

  if (state.kind === 'hidden') return null;
  const library: PanelLibrary | undefined = searchLibrary && {
    scope,
    query: libraryQuery,
    search: searchLibrary,
    onScopeChange: setScope,
    onQueryChange: setLibraryQuery,
    // A hit in the video on the page seeks; one in another video goes there, at its moment.
    onOpenHit: (hit) => (hit.videoId === page.videoId() ? page.player.seek(hit.seconds) : page.openVideo(hit.videoId, hit.seconds)),
  };
  return (
    <PageContext.Provider value={page}>
      <TranscriptPanel
        state={state}
        collapsed={collapsed}
        theme={theme}
        onCollapsedChange={(next) => {
          setCollapsed(next);
          settings.setCollapsed(next);
        }}
        noticeCollapsed={noticeCollapsed}
        onNoticeCollapsedChange={(next) => {
          setNoticeCollapsed(next);
          settings.setNoticeCollapsed(next);
        }}
        onRetry={retry}
        onTrackChange={
          captions && state.kind !== 'loading'
            ? (trackId) => void captions.chooseTrack(state.videoId, trackId).then(retry)
            : undefined
        }
        library={library}
      />
    </PageContext.Provider>
  );
}
