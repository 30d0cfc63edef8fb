import { browser, createShadowRootUi, defineContentScript } from '#imports';
import { render } from 'preact';
import { PanelRoot } from '../../components/PanelRoot';
import { createYouTubeRequest } from '../../lib/captions/youtube-request';
import { sendRequest } from '../../lib/messaging/client';
import { createPageMessageListener } from '../../lib/messaging/listener';
import { createCaptionsProvider } from '../../lib/panel/captions-provider';
import { createDatasetProvider } from '../../lib/panel/dataset-provider';
import { createPanelLibrarySearch } from '../../lib/panel/library-search';
import { callExtension, guardContentScriptContext } from '../../lib/panel/extension-context';
import { loadPanelSettings } from '../../lib/panel/panel-settings';
import { createSharedRateLimits } from '../../lib/panel/shared-rate-limits';
import { createTranscriptLookup } from '../../lib/panel/transcript-lookup';
import { createTranscriptMemory } from '../../lib/panel/transcript-memory';
import { listAppMatchPatterns } from '../../lib/youtube/hosts';
import type { TimedTextTarget } from '../../lib/youtube/captions/timedtext-url';
import { createPageDataReader } from '../../lib/youtube/page-bridge/page-data-reader';
import { onYouTubeNavigateStart } from '../../lib/youtube/navigation';
import { createYouTubePage } from '../../lib/youtube/page';
import { parseVideoId } from '../../lib/youtube/url';
import { PANEL_CSS } from './panel-css';
import './host.css';

/** Transcripts the panel keeps at hand, and their segments in all (a 50,000-segment video stays alone). */
const REMEMBERED_TRANSCRIPTS = 4;
const REMEMBERED_SEGMENTS = 20_000;

export default defineContentScript({
  matches: listAppMatchPatterns(),
  // The panel's CSS is in the script (panel-css.ts), handed to its shadow root below: nothing to fetch.
  cssInjectionMode: 'manual',

  // With the document (issue 11): the dataset lookup runs while YouTube builds the page,
  // and the panel is drawn the moment its place in the page appears (lib/youtube/placement.ts).
  runAt: 'document_start',

  async main(ctx) {
    guardContentScriptContext(ctx);
    // What the page's main world says (entrypoints/youtube-main-world.content.ts): the player's tracks, its caption answers.
    const pageData = createPageDataReader(document, ctx.signal, { origin: location.origin });
    const captions = createCaptionsProvider({
      cache: {
        read: (videoId, trackId) => sendRequest({ type: 'getCachedCaptions', videoId, trackId }),
        save: (captions) => sendRequest({ type: 'saveCaptions', captions }),
        remember: (videoId, trackId) => sendRequest({ type: 'rememberCaptionsTrack', videoId, trackId }),
      },
      pageData,
      request: createYouTubeRequest(),
      // YouTube's "slow down" holds back every YouTube tab, not just the one that met it.
      rateLimits: createSharedRateLimits(ctx.signal),
      languages: () => navigator.languages,
    });
    const dataset = createDatasetProvider(
      (videoId) => sendRequest({ type: 'getTranscript', videoId }),
      (part) => sendRequest({ type: 'getTranscriptSegments', ...part }),
    );
    // The dataset first; YouTube's own captions for the videos it lacks. The last few found stay at hand,
    // and the dataset is asked as soon as the video is known: now, and at each yt-navigate-start.
    const transcripts = createTranscriptMemory({
      lookup: createTranscriptLookup([dataset, captions.provide]),
      early: createTranscriptLookup([dataset]),
      entries: REMEMBERED_TRANSCRIPTS,
      segments: REMEMBERED_SEGMENTS,
    });
    const firstVideo = parseVideoId(location.href);
    if (firstVideo) transcripts.prefetch(firstVideo);
    onYouTubeNavigateStart(document, ctx.signal, transcripts.prefetch);

    // Both at once: reading the preference is the panel's start-up wait.
    const [settings, ui] = await Promise.all([
      loadPanelSettings(),
      createShadowRootUi(ctx, {
        name: 'transcript-search-panel',
        position: 'inline',
        css: PANEL_CSS,
        // Keys typed in the panel must not reach YouTube's player shortcuts (k, j, l, f, m, digits).
        isolateEvents: true,
        // The panel places its host itself (lib/youtube/placement.ts); WXT's mount is never called.
        onMount: () => undefined,
        // The context ended (extension reloaded or updated): unmount, which stops everything the panel started.
        onRemove: () => render(null, ui.uiContainer),
      }),
    ]);
    ui.shadowHost.setAttribute('data-transcript-search', '');

    const page = createYouTubePage(document, { panelHost: ui.shadowHost });
    const captionsControls = {
      chooseTrack: captions.chooseTrack,
      onPlayerCaptions: (listener: (target: TimedTextTarget) => void, signal: AbortSignal) => pageData.onTimedTextCaptured(listener, signal),
    };
    // The library's index is in the extension's IndexedDB, which only the background reads for us.
    const searchLibrary = createPanelLibrarySearch((request) => sendRequest({ type: 'searchLibrary', ...request }));
    render(
      <PanelRoot page={page} transcripts={transcripts.lookup} settings={settings} captions={captionsControls} searchLibrary={searchLibrary} />,
      ui.uiContainer,
    );

    // The popup asks which video this tab shows (no `tabs` permission needed for that).
    const answerPopup = createPageMessageListener(() => location.href, browser.runtime.id, parseVideoId);
    browser.runtime.onMessage.addListener(answerPopup);
    ctx.onInvalidated(() => callExtension(() => browser.runtime.onMessage.removeListener(answerPopup)));
  },
});
