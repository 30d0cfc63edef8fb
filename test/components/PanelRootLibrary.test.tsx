import { act, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelRoot } from '../../components/PanelRoot';
import type { LibrarySearchFn } from '../../components/use-library-search';
import { parseJsonLines } from '../../lib/dataset/rows';
import type { LibraryHit, LibraryVideoResult } from '../../lib/library/library-search';
import type { LibrarySearchResponse, TranscriptOutcome } from '../../lib/messaging/protocol';
import { createDatasetProvider } from '../../lib/panel/dataset-provider';
import { createPanelLibrarySearch } from '../../lib/panel/library-search';
import { loadPanelSettings } from '../../lib/panel/panel-settings';
import { createTranscriptLookup } from '../../lib/panel/transcript-lookup';
import { createYouTubePage } from '../../lib/youtube/page';
import type { VideoId } from '../../lib/youtube/url';
import { SAMPLE_JSONL } from '../fixtures/sample';
import { buildWatchPage } from '../support/watch-page';

const { transcripts } = parseJsonLines(SAMPLE_JSONL);
const WORD2VEC = 'yexR53My2O4' as VideoId;
const DETR = 'T35ba_VXkMY' as VideoId;
const startUrl = location.href;

function navigate(url: string): void {
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);
  document.dispatchEvent(new Event('yt-navigate-finish'));
}
const watch = (videoId: string) => `https://www.youtube.com/watch?v=${videoId}`;

function hit(videoId: VideoId, seconds: number, text: string, word: string): LibraryHit {
  const start = text.indexOf(word);
  return { videoId, segmentIndex: seconds, text, ranges: [[start, start + word.length]], seconds, url: `https://www.youtube.com/watch?v=${videoId}&t=${Math.floor(seconds)}s`, isExactPhrase: false };
}
const DETR_RESULT: LibraryVideoResult = {
  videoId: DETR,
  title: 'DETR explained',
  thumbnail: '',
  hitCount: 1,
  hitsState: 'described',
  hits: [hit(DETR, 3725.6, 'sampling the boxes', 'sampling')],
};
const WORD2VEC_RESULT: LibraryVideoResult = {
  videoId: WORD2VEC,
  title: 'Word2Vec explained',
  thumbnail: '',
  hitCount: 3,
  hitsState: 'described',
  hits: [hit(WORD2VEC, 868.4, 'this approach called negative sampling', 'sampling')],
};
const FOUND: LibrarySearchResponse = { status: 'found', query: 'sampling', resultCount: 4, videoCount: 2, videos: [DETR_RESULT, WORD2VEC_RESULT], videoOffset: 0 };

async function renderRoot(searchLibrary: LibrarySearchFn) {
  navigate(watch(WORD2VEC));
  const video = buildWatchPage(document);
  document.body.prepend(document.createElement('ytd-app'));
  const page = createYouTubePage(document, { panelHost: document.createElement('div') });
  const lookup = createTranscriptLookup([
    createDatasetProvider((videoId) => Promise.resolve({ status: 'found', transcript: transcripts.find((t) => t.video.videoId === videoId)! })),
  ]);
  render(<PanelRoot page={page} transcripts={lookup} settings={await loadPanelSettings()} searchLibrary={searchLibrary} />);
  await screen.findByRole('list', { name: 'Transcript segments' });
  return { video, user: userEvent.setup() };
}

const panel = () => screen.getByRole('region', { name: 'Transcript' });
const scopeButton = (name: string) => within(screen.getByRole('group', { name: 'Search in' })).getByRole('button', { name });

beforeEach(() => {
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return (this.isConnected ? [new DOMRect(0, 0, 10, 10)] : []) as unknown as DOMRectList;
  });
});
afterEach(() => {
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(startUrl);
});

describe('the panel\'s search scope', () => {
  it('switches to "All videos" with the query typed so far, and asks the library', async () => {
    const searchLibrary = vi.fn(() => Promise.resolve({ result: FOUND }));
    const { user } = await renderRoot(searchLibrary);
    expect(scopeButton('This video').getAttribute('aria-pressed')).toBe('true');
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'sampling');
    await user.click(scopeButton('All videos'));

    expect(scopeButton('All videos').getAttribute('aria-pressed')).toBe('true');
    expect(scopeButton('This video').getAttribute('aria-pressed')).toBe('false');
    const box = within(panel()).getByRole('searchbox', { name: 'Search all videos' });
    expect((box as HTMLInputElement).value).toBe('sampling');
    await vi.waitFor(() => expect(document.activeElement).toBe(box));
    expect(screen.queryByRole('searchbox', { name: 'Search transcript' })).toBeNull();
    expect(await within(panel()).findByText('4 results in 2 videos')).toBeTruthy();
    expect(searchLibrary).toHaveBeenLastCalledWith('sampling', { videoLimit: 8, hitsPerVideo: 3 });
    expect(within(screen.getByRole('list', { name: 'Videos' })).getAllByRole('heading').map((h) => h.textContent)).toEqual([
      'DETR explained',
      'Word2Vec explained',
    ]);
  });

  it('goes to another video\'s hit through YouTube\'s router, at its second, from the keyboard', async () => {
    const { user } = await renderRoot(() => Promise.resolve({ result: FOUND }));
    const routed: unknown[] = [];
    document.addEventListener('yt-navigate', (event) => {
      routed.push((event as CustomEvent<unknown>).detail);
      document.dispatchEvent(new Event('yt-navigate-start')); // the router takes it
    }, { once: true }); // a router left behind would take the navigations of later test files (Stryker runs them in one document)
    await user.click(scopeButton('All videos'));
    await user.keyboard('sampling');
    await screen.findByText('4 results in 2 videos');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('1:02:05 sampling the boxes');
    await user.keyboard('{Enter}');
    expect(routed).toEqual([
      {
        endpoint: {
          commandMetadata: { webCommandMetadata: { url: `/watch?v=${DETR}&t=3725s`, webPageType: 'WEB_PAGE_TYPE_WATCH', rootVe: 3832 } },
          watchEndpoint: { videoId: DETR, startTimeSeconds: 3725 },
        },
      },
    ]);
    // The next video's panel keeps the scope and the query.
    await act(() => navigate(watch(DETR)));
    await screen.findByRole('list', { name: 'Videos' });
    expect(scopeButton('All videos').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search all videos' }).value).toBe('sampling');
  });

  it('seeks for a hit in the video on the page, and hands the query back to "This video"', async () => {
    const { user, video } = await renderRoot(() => Promise.resolve({ result: FOUND }));
    const routed = vi.fn();
    document.addEventListener('yt-navigate', routed);
    await user.click(scopeButton('All videos'));
    await user.keyboard('sampling');
    await user.click(await screen.findByRole('link', { name: '14:28 this approach called negative sampling' }));
    expect(video.currentTime).toBe(868.4);
    expect(routed).not.toHaveBeenCalled();

    await user.click(scopeButton('This video'));
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search transcript' }).value).toBe('sampling');
    expect(within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button').length).toBeGreaterThan(0);
  });

  it('says plainly when the background cannot answer', async () => {
    const { user } = await renderRoot(createPanelLibrarySearch(() => Promise.reject(new Error('Extension context invalidated.'))));
    await user.click(scopeButton('All videos'));
    await user.keyboard('sampling');
    expect(await within(panel()).findByText('The library could not be searched: Extension context invalidated.')).toBeTruthy();
  });

  it('says at once, on switching to "All videos" and before any typing, why the library cannot be searched', async () => {
    const NEEDS = 'The library could not be searched: This browser has WebAssembly turned off, which searching all videos needs. The transcript panel works without it.';
    const ask = vi.fn(() => Promise.resolve<LibrarySearchResponse>({ status: 'error', message: NEEDS }));
    const { user } = await renderRoot(createPanelLibrarySearch(ask));
    expect(within(panel()).queryByText(NEEDS)).toBeNull();
    await user.click(scopeButton('All videos'));
    expect(await within(panel()).findByText(NEEDS)).toBeTruthy();
    // The switch stays: "This video" still searches the transcript.
    await user.click(scopeButton('This video'));
    expect(within(panel()).queryByText(NEEDS)).toBeNull();
    expect(screen.getByRole('searchbox', { name: 'Search transcript' })).toBeTruthy();
  });

  it('says nothing before typing where the library answers', async () => {
    const ask = vi.fn(() => Promise.resolve<LibrarySearchResponse>({ status: 'no-words', query: '' }));
    const { user } = await renderRoot(createPanelLibrarySearch(ask));
    await user.click(scopeButton('All videos'));
    await vi.waitFor(() => expect(ask).toHaveBeenCalledWith({ query: '', page: { videoLimit: 8, hitsPerVideo: 3 } }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('.yts-library__status')?.textContent).toBe('');
  });

  it('asks before typing only on the switch, not each time the next video\'s panel is drawn', async () => {
    const ask = vi.fn(() => Promise.resolve<LibrarySearchResponse>({ status: 'no-words', query: '' }));
    const { user } = await renderRoot(createPanelLibrarySearch(ask));
    await user.click(scopeButton('All videos'));
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(1));
    await act(() => navigate(watch(DETR)));
    await screen.findByRole('searchbox', { name: 'Search all videos' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ask).toHaveBeenCalledTimes(1);
  });
});

describe('the panel\'s search scope on a video without a transcript', () => {
  async function renderWithout(outcome: TranscriptOutcome, searchLibrary: LibrarySearchFn) {
    navigate(watch(WORD2VEC));
    buildWatchPage(document);
    document.body.prepend(document.createElement('ytd-app'));
    const page = createYouTubePage(document, { panelHost: document.createElement('div') });
    const lookup = createTranscriptLookup([createDatasetProvider(() => Promise.resolve(outcome))]);
    render(<PanelRoot page={page} transcripts={lookup} settings={await loadPanelSettings()} searchLibrary={searchLibrary} />);
    return userEvent.setup();
  }

  it('still searches every video from a worker that cannot answer, and "This video" says why there is nothing here', async () => {
    const searchLibrary = vi.fn(() => Promise.resolve({ result: FOUND }));
    const user = await renderWithout({ status: 'error', message: 'The disk is gone.' }, searchLibrary);
    const why = 'Transcript unavailable';
    expect(await screen.findByText(why)).toBeTruthy();
    expect(scopeButton('This video').getAttribute('aria-pressed')).toBe('true');

    await user.click(scopeButton('All videos'));
    const box = screen.getByRole('searchbox', { name: 'Search all videos' });
    await vi.waitFor(() => expect(document.activeElement).toBe(box));
    expect(screen.queryByText(why)).toBeNull();
    await user.keyboard('sampling');
    expect(await screen.findByText('4 results in 2 videos')).toBeTruthy();
    expect(searchLibrary).toHaveBeenLastCalledWith('sampling', { videoLimit: 8, hitsPerVideo: 3 });

    await user.click(scopeButton('This video'));
    expect(screen.getByText(why)).toBeTruthy();
    expect(screen.queryByRole('searchbox', { name: 'Search all videos' })).toBeNull();
  });

  it('keeps a video the dataset lacks to one line, with every other video searchable under its reason', async () => {
    const searchLibrary = vi.fn(() => Promise.resolve({ result: FOUND }));
    const user = await renderWithout({ status: 'not-found' }, searchLibrary);
    await screen.findByRole('heading', { name: 'No transcript for this video' });
    // One line until opened: no switch to see yet, and the chevron says what it opens.
    expect(screen.queryByRole('button', { name: 'All videos' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show why, or search all videos' }));
    expect(screen.getByText('It is not in the cached dataset.')).toBeTruthy();
    expect(scopeButton('This video').getAttribute('aria-pressed')).toBe('true');

    await user.click(scopeButton('All videos'));
    const box = screen.getByRole('searchbox', { name: 'Search all videos' });
    await vi.waitFor(() => expect(document.activeElement).toBe(box));
    await user.keyboard('sampling');
    expect(await screen.findByText('4 results in 2 videos')).toBeTruthy();
    expect(searchLibrary).toHaveBeenLastCalledWith('sampling', { videoLimit: 8, hitsPerVideo: 3 });

    await user.click(scopeButton('This video'));
    expect(screen.queryByRole('searchbox', { name: 'Search all videos' })).toBeNull();
  });

  it('offers no switch where there is no library to search', async () => {
    navigate(watch(WORD2VEC));
    buildWatchPage(document);
    document.body.prepend(document.createElement('ytd-app'));
    const page = createYouTubePage(document, { panelHost: document.createElement('div') });
    const lookup = createTranscriptLookup([createDatasetProvider(() => Promise.resolve({ status: 'not-found' }))]);
    render(<PanelRoot page={page} transcripts={lookup} settings={await loadPanelSettings()} />);
    expect(await screen.findByText('No transcript for this video')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Search in' })).toBeNull();
  });
});

