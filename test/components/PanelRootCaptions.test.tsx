// PanelRoot with YouTube's captions as the second source: track choice and the player's own captions.
import { act, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelRoot, type CaptionsControls } from '../../components/PanelRoot';
import { loadPanelSettings } from '../../lib/panel/panel-settings';
import { createTranscriptLookup, type ProviderOutcome, type TranscriptProvider } from '../../lib/panel/transcript-lookup';
import type { TimedTextTarget } from '../../lib/youtube/captions/timedtext-url';
import { createYouTubePage } from '../../lib/youtube/page';
import type { VideoId } from '../../lib/youtube/url';
import { buildWatchPage } from '../support/watch-page';

const VIDEO = 'Xk3pQ9vT2mA' as VideoId;
const ENGLISH = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' };
const ENGLISH_AUTO = { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)' };
const startUrl = location.href;

function captionsOf(track: typeof ENGLISH, text: string): ProviderOutcome {
  return {
    status: 'found',
    source: { kind: 'captions', track, tracks: [ENGLISH, ENGLISH_AUTO], chapters: [] },
    transcript: { video: { videoId: VIDEO, title: 't', thumbnail: '', segmentCount: 1, duration: 3 }, segments: [{ start: 0, end: 3, text }] },
  };
}

const FAILED: ProviderOutcome = { status: 'captions-failed', details: 'get_panel: HTTP 400', tracks: [ENGLISH, ENGLISH_AUTO], trackId: '.en' };

async function renderRoot(answers: (ProviderOutcome | Promise<ProviderOutcome>)[]) {
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(`https://www.youtube.com/watch?v=${VIDEO}`);
  buildWatchPage(document);
  const page = createYouTubePage(document, { panelHost: document.createElement('div') });
  const provide = vi.fn<TranscriptProvider>(() => Promise.resolve(answers.shift() ?? FAILED));
  const playerListeners: ((target: TimedTextTarget) => void)[] = [];
  const captions: CaptionsControls = {
    chooseTrack: vi.fn(() => Promise.resolve()),
    onPlayerCaptions: (listener) => playerListeners.push(listener),
  };
  render(<PanelRoot page={page} transcripts={createTranscriptLookup([provide])} settings={await loadPanelSettings()} captions={captions} />);
  /** The player fetched timed text: by default the English track of the video on the page. */
  const playerLoadsCaptions = (target: Partial<TimedTextTarget> = {}) =>
    act(() => playerListeners.forEach((listener) => listener({ videoId: VIDEO, languageCode: 'en', isAutomatic: false, ...target })));
  return { provide, captions, playerLoadsCaptions, user: userEvent.setup() };
}

const panel = () => screen.getByRole('region', { name: 'Transcript' });

beforeEach(() => {
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return (this.isConnected ? [new DOMRect(0, 0, 10, 10)] : []) as unknown as DOMRectList;
  });
});

afterEach(() => {
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(startUrl);
});

describe('PanelRoot with YouTube captions', () => {
  it('remembers a track the viewer picks, then shows that track', async () => {
    const { captions, provide, user } = await renderRoot([captionsOf(ENGLISH, 'manual words'), captionsOf(ENGLISH_AUTO, 'automatic words')]);
    await within(panel()).findByText('YouTube captions · English');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Captions track' }), 'English (auto-generated)');

    expect(captions.chooseTrack).toHaveBeenCalledWith(VIDEO, 'a.en');
    await within(panel()).findByText('YouTube captions · English (auto-generated)');
    expect(screen.getByRole('button', { name: /^0:00 automatic words/ })).toBeTruthy();
    expect(provide).toHaveBeenCalledTimes(2);
  });

  it('reads the captions from the player alone once it loads the track that failed', async () => {
    const { provide, playerLoadsCaptions } = await renderRoot([FAILED, captionsOf(ENGLISH, 'from the player')]);
    await within(panel()).findByRole('heading', { name: 'YouTube did not return captions' });

    await playerLoadsCaptions();

    await within(panel()).findByText('YouTube captions · English');
    expect(provide).toHaveBeenCalledTimes(2);
    expect(provide).toHaveBeenLastCalledWith(VIDEO, expect.any(AbortSignal), { fresh: true, captionMethods: ['player'] });
  });

  it.each([
    ['another video', { videoId: 'T35ba_VXkMY' }],
    ['another track of the video', { isAutomatic: true }],
    ['another language', { languageCode: 'de' }],
  ])('does not ask again when the player loads captions of %s', async (_label, target) => {
    const { provide, playerLoadsCaptions } = await renderRoot([FAILED]);
    await within(panel()).findByRole('heading', { name: 'YouTube did not return captions' });
    await playerLoadsCaptions(target);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(provide).toHaveBeenCalledTimes(1);
  });

  it('keeps captions the player loads while the panel is still looking, for when that lookup fails', async () => {
    let fail: (outcome: ProviderOutcome) => void = () => undefined;
    const lookup = new Promise<ProviderOutcome>((resolve) => (fail = resolve));
    const { provide, playerLoadsCaptions } = await renderRoot([lookup, captionsOf(ENGLISH, 'from the player')]);
    await within(panel()).findByText(/loading/i);
    await playerLoadsCaptions();
    await act(() => fail(FAILED));

    await within(panel()).findByText('YouTube captions · English');
    expect(provide).toHaveBeenLastCalledWith(VIDEO, expect.any(AbortSignal), { fresh: true, captionMethods: ['player'] });
  });

  it('does not ask again when the captions are already shown', async () => {
    const { provide, playerLoadsCaptions } = await renderRoot([captionsOf(ENGLISH, 'shown')]);
    await within(panel()).findByText('YouTube captions · English');
    await playerLoadsCaptions();
    await playerLoadsCaptions();
    expect(provide).toHaveBeenCalledTimes(1);
  });
});
