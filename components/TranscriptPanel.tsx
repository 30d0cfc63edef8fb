import { useId, useState } from 'preact/hooks';
import { formatDuration } from '../lib/format/time';
import type { VisiblePanelState } from '../lib/panel/panel-state';
import type { Theme } from '../lib/youtube/page';
import { PanelHeader } from './PanelHeader';
import { TranscriptExportMenu } from './TranscriptExportMenu';
import { TranscriptView } from './TranscriptView';
import './TranscriptPanel.css';

export interface TranscriptPanelProps {
  state: VisiblePanelState;
  collapsed: boolean;
  theme: Theme;
  onCollapsedChange: (collapsed: boolean) => void;
  onRetry: () => void;
}

/**
 * The transcript panel beside the player: a region named "Transcript" in every
 * state. The list inside reaches the player through `PageContext`.
 */
export function TranscriptPanel(props: TranscriptPanelProps) {
  const { theme } = props;
  const bodyId = useId();
  return (
    <section class="yts-panel" data-theme={theme} aria-label="Transcript">
      <PanelContent {...props} bodyId={bodyId} />
    </section>
  );
}

function PanelContent({
  state,
  collapsed,
  onCollapsedChange,
  onRetry,
  bodyId,
}: TranscriptPanelProps & { bodyId: string }) {
  // The list's search, for the header's menu; it belongs to one video.
  const [search, setSearch] = useState({ videoId: '', query: '' });
  switch (state.kind) {
    case 'loading':
      return (
        <>
          <PanelHeader title="Transcript" />
          <p class="yts-message" role="status">
            Loading transcript…
          </p>
        </>
      );
    case 'missing':
      // One line, so the user knows the extension ran and found nothing.
      return <PanelHeader title="No transcript for this video" detail="It is not in the cached dataset." />;
    case 'error':
      return (
        <>
          <PanelHeader title="Transcript unavailable" />
          <div class="yts-message" role="alert">
            <p>{state.message}</p>
            <button type="button" class="yts-text-button" onClick={onRetry}>
              Try again
            </button>
          </div>
        </>
      );
    case 'ready': {
      const { video, segments } = state.transcript;
      return (
        <>
          <PanelHeader
            title={video.title}
            detail={`${segments.length} ${segments.length === 1 ? 'segment' : 'segments'} · ${formatDuration(video.duration)}`}
            collapsed={collapsed}
            onCollapsedChange={onCollapsedChange}
            bodyId={bodyId}
            actions={
              <TranscriptExportMenu
                transcript={state.transcript}
                query={search.videoId === video.videoId ? search.query : ''}
              />
            }
          />
          <div id={bodyId} hidden={collapsed}>
            {!collapsed && (
              <TranscriptView
                key={video.videoId}
                transcript={state.transcript}
                onQueryChange={(query) => setSearch({ videoId: video.videoId, query })}
              />
            )}
          </div>
        </>
      );
    }
  }
}
