import { browser, createShadowRootUi, defineContentScript } from '#imports';
import { render } from 'preact';
import { TranscriptPanel } from '../../components/TranscriptPanel';
import { createPageMessageListener } from '../../lib/messaging/listener';
import { sendRequest } from '../../lib/messaging/client';
import { createPanelSession, type PanelState } from '../../lib/panel/session';
import { findSegmentIndexAt } from '../../lib/transcript/phrase-time';
import { activeDatasetItem, panelCollapsedItem } from '../../lib/settings/storage-items';
import { createTranscriptSearch, type SearchHit } from '../../lib/transcript/search';
import { onYouTubeNavigated } from '../../lib/youtube/navigation';
import {
  DARK_THEME_ATTRIBUTE,
  findMainVideo,
  findPanelPlacement,
  isDarkTheme,
  SELECTORS,
  seekVideo,
} from '../../lib/youtube/page';
import { parseVideoId } from '../../lib/youtube/url';
import './host.css';

/** How often, at most, we check that YouTube has not dropped or hidden the panel. */
const PLACEMENT_CHECK_MS = 250;
const NO_HITS: (query: string) => SearchHit[] = () => [];

export default defineContentScript({
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*', 'https://music.youtube.com/*'],
  cssInjectionMode: 'ui',

  async main(ctx) {
    const { signal } = ctx;
    let collapsed = await panelCollapsedItem.getValue();
    let playingIndex = -1;
    let searchTranscript = NO_HITS;

    const ui = await createShadowRootUi(ctx, {
      name: 'transcript-search-panel',
      position: 'inline',
      // Keys typed in the panel must not reach YouTube's player shortcuts (k, j, l, f, m, digits).
      isolateEvents: true,
      anchor: () => {
        const placement = findPanelPlacement(document);
        return placement.kind === 'floating' ? document.body : placement.anchor;
      },
      append: (anchor, host) => anchor.prepend(host),
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    ui.shadowHost.setAttribute('data-transcript-search', '');

    const session = createPanelSession({
      fetchTranscript: (videoId) => sendRequest({ type: 'getTranscript', videoId }),
      onChange: (state) => {
        searchTranscript = state.kind === 'ready' ? createTranscriptSearch(state.transcript.segments).search : NO_HITS;
        playingIndex = currentPlayingIndex(state);
        draw();
      },
    });

    function currentPlayingIndex(state: PanelState): number {
      const video = findMainVideo(document);
      if (state.kind !== 'ready' || !video) return -1;
      return findSegmentIndexAt(state.transcript.segments, video.currentTime);
    }

    function placePanel(): void {
      const placement = findPanelPlacement(document);
      const anchor = placement.kind === 'floating' ? document.body : placement.anchor;
      // Floating when YouTube shows neither the sidebar nor the area under the player.
      ui.shadowHost.toggleAttribute('data-floating', placement.kind === 'floating');
      // Only when it is missing or elsewhere: other extensions also insert at the top
      // of the sidebar, and fighting over the first place would never settle.
      if (ui.shadowHost.parentElement !== anchor) ui.mount();
    }

    function draw(): void {
      // An answer arriving after the extension was reloaded must not bring back a dead panel.
      if (ctx.isInvalid) return;
      const state = session.state;
      if (state.kind === 'hidden') {
        if (ui.shadowHost.isConnected) ui.remove();
        return;
      }
      placePanel();
      render(
        <TranscriptPanel
          state={state}
          searchTranscript={searchTranscript}
          playingIndex={playingIndex}
          collapsed={collapsed}
          theme={isDarkTheme(document) ? 'dark' : 'light'}
          onCollapsedChange={(next) => {
            collapsed = next;
            void panelCollapsedItem.setValue(next);
            draw();
          }}
          onSeek={(seconds) => {
            const video = findMainVideo(document);
            if (video) seekVideo(video, seconds);
          }}
          onCopyLink={(url) => navigator.clipboard.writeText(url)}
          onRetry={() => session.retry()}
        />,
        ui.uiContainer,
      );
    }

    // Follow along: media events do not bubble, but they can be caught on the way down.
    const followPlayback = (event: Event) => {
      if (!(event.target instanceof HTMLVideoElement) || !event.target.matches(SELECTORS.mainVideo)) return;
      const next = currentPlayingIndex(session.state);
      if (next !== playingIndex) {
        playingIndex = next;
        draw();
      }
    };
    for (const type of ['timeupdate', 'seeked', 'loadedmetadata']) {
      document.addEventListener(type, followPlayback, { capture: true, signal });
    }

    // YouTube re-renders its sidebar after navigations and can drop our node; put it back.
    let placementCheck: ReturnType<typeof setTimeout> | undefined;
    const layoutObserver = new MutationObserver(() => {
      if (placementCheck !== undefined || session.state.kind === 'hidden') return;
      placementCheck = setTimeout(() => {
        placementCheck = undefined;
        if (session.state.kind !== 'hidden') placePanel();
      }, PLACEMENT_CHECK_MS);
    });
    layoutObserver.observe(document.body, { childList: true, subtree: true });
    const themeObserver = new MutationObserver(draw);
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: [DARK_THEME_ATTRIBUTE] });
    signal.addEventListener('abort', () => {
      layoutObserver.disconnect();
      themeObserver.disconnect();
      clearTimeout(placementCheck);
    });

    const unwatchCollapsed = panelCollapsedItem.watch((next) => {
      collapsed = next;
      draw();
    });
    ctx.onInvalidated(unwatchCollapsed);
    // A new dataset switched in while a video is open: show the video from it.
    const unwatchDataset = activeDatasetItem.watch(() => session.refresh());
    ctx.onInvalidated(unwatchDataset);

    // The popup asks which video this tab shows (no `tabs` permission needed for that).
    const answerPopup = createPageMessageListener(() => location.href, browser.runtime.id, parseVideoId);
    browser.runtime.onMessage.addListener(answerPopup);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(answerPopup));

    onYouTubeNavigated(document, signal, () => session.showPage(location.href));
    session.showPage(location.href);
  },
});
