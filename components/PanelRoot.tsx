import { useState } from 'preact/hooks';
import type { PanelSettings } from '../lib/panel/panel-settings';
import type { TranscriptLookup } from '../lib/panel/transcript-lookup';
import type { YouTubePage } from '../lib/youtube/page';
import { PageContext } from './page-context';
import { TranscriptPanel } from './TranscriptPanel';
import { useAbortableEffect, useAbortableLayoutEffect } from './use-abortable-effect';
import { useTranscriptLookup } from './use-transcript-lookup';

export interface PanelRootProps {
  /** The YouTube page: its video, navigation, theme, player, the panel's place, the clipboard. */
  page: YouTubePage;
  /** Where transcripts come from: the provider chain (the cached dataset, then any fallback). */
  transcripts: TranscriptLookup;
  /** The stored preference and the "new dataset" signal. */
  settings: PanelSettings;
}

/**
 * The one owner of the panel's state: which video the page shows, its
 * transcript (loading, ready, missing, failed), collapsed, the theme. The
 * player reaches the components below through `PageContext`.
 */
export function PanelRoot({ page, transcripts, settings }: PanelRootProps) {
  const [videoId, setVideoId] = useState(() => page.videoId());
  const [theme, setTheme] = useState(() => page.theme());
  const [collapsed, setCollapsed] = useState(settings.collapsed);
  const { state, retry, refresh } = useTranscriptLookup(videoId, transcripts);

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
      settings.onDatasetChange(refresh, signal);
    },
    [settings, refresh],
  );

  const visible = state.kind !== 'hidden';
  // In the page before the list inside measures itself for scrolling.
  useAbortableLayoutEffect(
    (signal) => {
      if (visible) page.showPanel(signal);
    },
    [page, visible],
  );

  if (state.kind === 'hidden') return null;
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
        onRetry={retry}
      />
    </PageContext.Provider>
  );
}
