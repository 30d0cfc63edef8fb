import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { formatDuration } from '../lib/format/time';
import type { VisiblePanelState } from '../lib/panel/panel-state';
import type { Theme } from '../lib/youtube/page';
import { CaptionsTrackSelect } from './CaptionsTrackSelect';
import { PanelHeader } from './PanelHeader';
import { ScopedSearch, type PanelLibrary } from './ScopedSearch';
import { PanelLoadingLine, PanelNotice } from './PanelNotice';
import { TranscriptExportMenu } from './TranscriptExportMenu';
import { TranscriptView } from './TranscriptView';
import './TranscriptPanel.css';

export interface TranscriptPanelProps {
  state: VisiblePanelState;
  collapsed: boolean;
  theme: Theme;
  onCollapsedChange: (collapsed: boolean) => void;
  /** Whether the one-line "no transcript" notice hides its reason (remembered apart from `collapsed`; default true). */
  noticeCollapsed?: boolean | undefined;
  onNoticeCollapsedChange?: ((collapsed: boolean) => void) | undefined;
  onRetry: () => void;
  /** The viewer picked another YouTube captions track (omit where captions are not offered). */
  onTrackChange?: ((trackId: string) => void) | undefined;
  /** Searching every video of the library from the panel's box (omit where there is none). */
  library?: PanelLibrary | undefined;
}

/**
 * The transcript panel beside the player: a region named "Transcript" in every
 * state. The list inside reaches the player through `PageContext`.
 */
export function TranscriptPanel(props: TranscriptPanelProps) {
  const { theme, state } = props;
  const bodyId = useId();
  const compact = state.kind === 'loading' || state.kind === 'missing' || state.kind === 'no-captions';
  return (
    <section class={compact ? 'yts-panel yts-panel--compact' : 'yts-panel'} data-theme={theme} aria-label="Transcript">
      <PanelContent {...props} bodyId={bodyId} />
    </section>
  );
}

function PanelContent({
  state,
  collapsed,
  onCollapsedChange,
  noticeCollapsed = true,
  onNoticeCollapsedChange = () => undefined,
  onRetry,
  onTrackChange,
  library,
  bodyId,
}: TranscriptPanelProps & { bodyId: string }) {
  // The list's search, for the header's menu; it belongs to one video.
  const [search, setSearch] = useState({ videoId: '', query: '' });
  const notice = { collapsed: noticeCollapsed, onCollapsedChange: onNoticeCollapsedChange, bodyId };
  const collapsible = { collapsed, onCollapsedChange, bodyId };
  // A video without a transcript can still be a start for searching every other one: "This video" says why there is none.
  const withLibrary = (thisVideo: ComponentChildren): ComponentChildren =>
    library ? <ScopedSearch library={library} videoQuery="" renderVideoSearch={() => thisVideo} /> : thisVideo;
  // Under a one-line notice's reason, so the line stays one line (issue 9) until the viewer opens it.
  const librarySwitch = library && <ScopedSearch library={library} videoQuery="" renderVideoSearch={() => null} />;
  switch (state.kind) {
    case 'loading':
      return <PanelLoadingLine />;
    case 'missing':
      return (
        <PanelNotice title="No transcript for this video" explanation="It is not in the cached dataset." {...notice}>
          {librarySwitch}
        </PanelNotice>
      );
    case 'no-captions':
      return (
        <PanelNotice
          title="No captions for this video"
          explanation="It is not in the cached dataset, and YouTube has no captions for it."
          {...notice}
        >
          {librarySwitch}
        </PanelNotice>
      );
    case 'error':
      return (
        <>
          <PanelHeader title="Transcript" />
          {withLibrary(
            <div class="yts-message" role="alert">
              <h3 class="yts-message__title">Transcript unavailable</h3>
              <p>{state.message}</p>
              <button type="button" class="yts-text-button" onClick={onRetry}>
                Try again
              </button>
            </div>,
          )}
        </>
      );
    case 'captions-failed':
      return (
        <>
          <PanelHeader title="Transcript" />
          {withLibrary(
            <div class="yts-message" role="alert">
              <h3 class="yts-message__title">YouTube did not return captions</h3>
              <p>
                {state.retryAfterSeconds === undefined
                  ? 'The video is not in the cached dataset, and its captions could not be read from YouTube.'
                  : `YouTube asked us to slow down: try again in ${formatWait(state.retryAfterSeconds)}.`}
              </p>
              {state.playerCanHelp && (
                <p>Turn on YouTube's captions (CC) for this track: the panel then reads them from the player.</p>
              )}
              <p class="yts-message__details">Details: {state.details}</p>
              {onTrackChange && state.tracks.length > 1 && (
                <CaptionsTrackSelect tracks={state.tracks} trackId={state.trackId} onChange={onTrackChange} />
              )}
              <button type="button" class="yts-text-button" onClick={onRetry}>
                Try again
              </button>
            </div>,
          )}
        </>
      );
    case 'ready': {
      const { video, segments, source } = state.transcript;
      const captions = source.kind === 'captions' ? source : undefined;
      // YouTube's captions say where they come from; a dataset video gives its title.
      const context = captions ? ['YouTube captions', captions.track?.name].filter(Boolean).join(' · ') : video.title;
      const unit = captions ? 'line' : 'segment';
      const videoSearch = (initialQuery: string) => (
        <TranscriptView
          key={video.videoId}
          transcript={state.transcript}
          initialQuery={initialQuery}
          onQueryChange={(query) => setSearch({ videoId: video.videoId, query })}
        />
      );
      return (
        <>
          <PanelHeader
            title="Transcript"
            context={context}
            detail={`${segments.length} ${segments.length === 1 ? unit : `${unit}s`} · ${formatDuration(video.duration)}`}
            {...collapsible}
            actions={
              <TranscriptExportMenu
                transcript={state.transcript}
                query={search.videoId === video.videoId ? search.query : ''}
              />
            }
          />
          <div id={bodyId} class="yts-panel__body" hidden={collapsed}>
            {!collapsed && captions && onTrackChange && captions.tracks.length > 0 && (
              <CaptionsTrackSelect tracks={captions.tracks} trackId={captions.track?.id} onChange={onTrackChange} />
            )}
            {!collapsed &&
              (library ? (
                <ScopedSearch
                  library={library}
                  videoQuery={search.videoId === video.videoId ? search.query : ''}
                  renderVideoSearch={videoSearch}
                />
              ) : (
                videoSearch('')
              ))}
          </div>
        </>
      );
    }
  }
}

/** "30 s", "2 min": how long YouTube asked us to wait. */
function formatWait(seconds: number): string {
  return seconds < 90 ? `${Math.max(1, Math.round(seconds))} s` : `${Math.round(seconds / 60)} min`;
}
