import { act, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelRoot } from '../../components/PanelRoot';
import { parseJsonLines } from '../../lib/dataset/rows';
import type { TranscriptOutcome } from '../../lib/messaging/protocol';
import { createDatasetProvider } from '../../lib/panel/dataset-provider';
import { loadPanelSettings } from '../../lib/panel/panel-settings';
import { createTranscriptLookup } from '../../lib/panel/transcript-lookup';
import { createTranscriptMemory } from '../../lib/panel/transcript-memory';
import { activeDatasetItem, noticeCollapsedItem, panelCollapsedItem } from '../../lib/settings/storage-items';
import { createYouTubePage } from '../../lib/youtube/page';
import type { VideoId } from '../../lib/youtube/url';
import { SAMPLE_JSONL } from '../fixtures/sample';
import { buildWatchPage, playAt } from '../support/watch-page';

const { transcripts } = parseJsonLines(SAMPLE_JSONL);
const transcriptOf = (videoId: string) => transcripts.find((t) => t.video.videoId === videoId)!;
const WORD2VEC = 'yexR53My2O4';
const DETR = 'T35ba_VXkMY';
const UNKNOWN = 'dQw4w9WgXcQ';
const WORD2VEC_TITLE = '[Classic] Word2Vec: Distributed Representations of Words and Phrases and their Compositionality';
const DETR_TITLE = 'DETR: End-to-End Object Detection with Transformers (Paper Explained)';
const startUrl = location.href;

/** Moves happy-dom's window to `url` the way YouTube's router does: new URL, then `yt-navigate-finish`. */
function navigate(url: string): void {
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);
  document.dispatchEvent(new Event('yt-navigate-finish'));
}
const watch = (videoId: string) => `https://www.youtube.com/watch?v=${videoId}`;

/** The background's answers, released by the test one by one, in any order. */
function controlledBackground() {
  const pending = new Map<string, Array<(response: TranscriptOutcome) => void>>();
  const fetchTranscript = vi.fn(
    (videoId: VideoId) =>
      new Promise<TranscriptOutcome>((resolve) => pending.set(videoId, [...(pending.get(videoId) ?? []), resolve])),
  );
  const answer = async (videoId: string, response?: TranscriptOutcome): Promise<void> => {
    const waiting = pending.get(videoId) ?? [];
    pending.delete(videoId);
    await act(async () => {
      for (const resolve of waiting) resolve(response ?? { status: 'found', transcript: transcriptOf(videoId) });
      // A turn of the event loop: the answer passes through a few promises before the panel sets its state.
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  };
  return { fetchTranscript, answer };
}

async function renderRoot({ at }: { at: string }) {
  navigate(at);
  const video = buildWatchPage(document);
  const host = document.createElement('div');
  host.setAttribute('data-transcript-search', '');
  const page = createYouTubePage(document, { panelHost: host });
  const background = controlledBackground();
  const lookup = createTranscriptLookup([createDatasetProvider(background.fetchTranscript)]);
  const settings = await loadPanelSettings();
  const view = render(<PanelRoot page={page} transcripts={lookup} settings={settings} />);
  return { ...view, ...background, host, video, user: userEvent.setup() };
}

const panel = () => screen.getByRole('region', { name: 'Transcript' });
const segmentButtons = () => within(screen.getByRole('list', { name: 'Transcript segments' })).getAllByRole('button');
const sidebarFirst = () => document.querySelector('#secondary-inner')?.firstElementChild;

beforeEach(() => {
  // happy-dom has no layout: pretend what is in the document is shown.
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return (this.isConnected ? [new DOMRect(0, 0, 10, 10)] : []) as unknown as DOMRectList;
  });
});

afterEach(() => {
  document.documentElement.removeAttribute('dark');
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(startUrl);
});

describe('PanelRoot on a watch page', () => {
  it('says it is loading, then lists the transcript, first in the sidebar', async () => {
    const { answer, host, fetchTranscript } = await renderRoot({ at: watch(WORD2VEC) });
    expect(within(panel()).getByRole('status').textContent).toBe('Loading transcript…');
    expect(sidebarFirst()).toBe(host);
    await answer(WORD2VEC);
    expect(within(panel()).getByText(WORD2VEC_TITLE)).toBeTruthy();
    expect(segmentButtons()).toHaveLength(66);
    expect(fetchTranscript).toHaveBeenCalledTimes(1);
  });

  it('follows playback and seeks the main video through the page', async () => {
    const { answer, video, user } = await renderRoot({ at: watch(WORD2VEC) });
    await answer(WORD2VEC);
    await act(() => playAt(video, 80)); // the segment from 1:16
    expect(screen.getByRole('button', { name: /^1:16 / }).getAttribute('aria-current')).toBe('time');
    await user.click(screen.getByRole('button', { name: /^0:51 / }));
    expect(video.currentTime).toBe(51);
  });

  it('says so when the video is not in the dataset, and explains a failure with a retry', async () => {
    const { answer, user } = await renderRoot({ at: watch(UNKNOWN) });
    await answer(UNKNOWN, { status: 'not-found' });
    expect(within(panel()).getByRole('heading', { name: 'No transcript for this video' })).toBeTruthy();

    await act(() => navigate(watch(DETR)));
    await answer(DETR, { status: 'error', message: 'The transcript cache could not be read: closing.' });
    expect(screen.getByRole('alert').textContent).toContain('The transcript cache could not be read: closing.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await within(panel()).findByRole('status')).textContent).toBe('Loading transcript…');
    await answer(DETR);
    expect(within(panel()).getByText(DETR_TITLE)).toBeTruthy();
  });

  it('follows the dark theme', async () => {
    await renderRoot({ at: watch(WORD2VEC) });
    expect(panel().getAttribute('data-theme')).toBe('light');
    document.documentElement.setAttribute('dark', '');
    await vi.waitFor(() => expect(panel().getAttribute('data-theme')).toBe('dark'));
  });

  it('remembers a collapse for every tab, and follows one made in another tab', async () => {
    const { answer, user } = await renderRoot({ at: watch(WORD2VEC) });
    await answer(WORD2VEC);
    await user.click(screen.getByRole('button', { name: 'Collapse transcript' }));
    expect(screen.queryByRole('searchbox')).toBeNull();
    await vi.waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(true));
    await act(() => panelCollapsedItem.setValue(false));
    await vi.waitFor(() => expect(screen.getByRole('searchbox', { name: 'Search transcript' })).toBeTruthy());
  });

  it('keeps the "no transcript" notice to one line until opened, and remembers it opened on the next video', async () => {
    const { answer, user } = await renderRoot({ at: watch(UNKNOWN) });
    await answer(UNKNOWN, { status: 'not-found' });
    const reason = () => within(panel()).getByText('It is not in the cached dataset.');
    expect(reason().closest('[hidden]')).not.toBeNull();
    await user.click(within(panel()).getByRole('button', { name: 'Show why' }));
    expect(reason().closest('[hidden]')).toBeNull();
    await vi.waitFor(async () => expect(await noticeCollapsedItem.getValue()).toBe(false));
    // The transcript panel's own collapse is a separate choice.
    expect(await panelCollapsedItem.getValue()).toBe(false);

    await act(() => navigate(watch(DETR)));
    await answer(DETR, { status: 'not-found' });
    expect(reason().closest('[hidden]')).toBeNull();
    await act(() => noticeCollapsedItem.setValue(true));
    await vi.waitFor(() => expect(reason().closest('[hidden]')).not.toBeNull());
  });
});

describe('PanelRoot across navigations', () => {
  it('shows nothing off video pages, and comes and goes with them', async () => {
    const { answer, host, container } = await renderRoot({ at: 'https://www.youtube.com/' });
    expect(container.childElementCount).toBe(0);
    expect(host.isConnected).toBe(false);

    await act(() => navigate(watch(DETR)));
    await answer(DETR);
    expect(segmentButtons()).toHaveLength(26);
    expect(sidebarFirst()).toBe(host);

    await act(() => navigate('https://www.youtube.com/results?search_query=transformers'));
    expect(screen.queryByRole('region', { name: 'Transcript' })).toBeNull();
    expect(host.isConnected).toBe(false);
  });

  it('never draws a slow answer for the previous video over the new one', async () => {
    const { answer } = await renderRoot({ at: watch(WORD2VEC) });
    await act(() => navigate(watch(DETR)));
    await answer(DETR);
    await answer(WORD2VEC);
    expect(within(panel()).getByText(DETR_TITLE)).toBeTruthy();
    expect(segmentButtons()).toHaveLength(26);
  });

  it('asks once per video, however many navigation events say so', async () => {
    const { fetchTranscript } = await renderRoot({ at: watch(WORD2VEC) });
    await act(() => navigate(`${watch(WORD2VEC)}&t=30s`));
    await act(() => navigate(watch(WORD2VEC)));
    expect(fetchTranscript).toHaveBeenCalledTimes(1);
  });

  it('stops everything when unmounted, as when the extension goes: a late answer draws nothing', async () => {
    const { answer, unmount, host } = await renderRoot({ at: watch(WORD2VEC) });
    unmount();
    expect(host.isConnected).toBe(false);
    await answer(WORD2VEC);
    await act(() => navigate(watch(DETR)));
    expect(host.isConnected).toBe(false);
  });
});

describe('PanelRoot when a new dataset is switched in', () => {
  it('asks again without "loading", keeping the search being typed, and shows the new answer', async () => {
    const { answer, user, fetchTranscript } = await renderRoot({ at: watch(WORD2VEC) });
    await answer(WORD2VEC);
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search transcript' });
    await user.type(box, 'vector');
    await act(() => activeDatasetItem.setValue({ id: 'dataset-2', importedAt: 2 }));
    await vi.waitFor(() => expect(fetchTranscript).toHaveBeenCalledTimes(2));
    expect(screen.queryByText('Loading transcript…')).toBeNull();
    expect(box.value).toBe('vector');

    const shorter = { ...transcriptOf(WORD2VEC), segments: transcriptOf(WORD2VEC).segments.slice(0, 3) };
    await answer(WORD2VEC, { status: 'found', transcript: shorter });
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search transcript' }).value).toBe('vector');
    await user.clear(screen.getByRole('searchbox', { name: 'Search transcript' }));
    expect(segmentButtons()).toHaveLength(3);
  });

  it('keeps showing the transcript if asking again fails', async () => {
    const { answer, fetchTranscript } = await renderRoot({ at: watch(WORD2VEC) });
    await answer(WORD2VEC);
    await act(() => activeDatasetItem.setValue({ id: 'dataset-3', importedAt: 3 }));
    await vi.waitFor(() => expect(fetchTranscript).toHaveBeenCalledTimes(2));
    await answer(WORD2VEC, { status: 'error', message: 'gone' });
    expect(segmentButtons()).toHaveLength(66);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('PanelRoot with the content script\'s memory (issue 11)', () => {
  async function renderWithMemory({ at }: { at: string }) {
    navigate(at);
    buildWatchPage(document);
    const host = document.createElement('div');
    const page = createYouTubePage(document, { panelHost: host });
    const background = controlledBackground();
    const dataset = createTranscriptLookup([createDatasetProvider(background.fetchTranscript)]);
    const memory = createTranscriptMemory({ lookup: dataset, early: dataset, entries: 4, segments: 10_000 });
    render(<PanelRoot page={page} transcripts={memory.lookup} settings={await loadPanelSettings()} />);
    return { ...background, memory };
  }
  const loading = () => within(panel()).queryByText('Loading transcript…');

  it('shows a video looked up at yt-navigate-start at once when the page gets there, asking the background once', async () => {
    const { answer, fetchTranscript, memory } = await renderWithMemory({ at: watch(WORD2VEC) });
    await answer(WORD2VEC);
    memory.prefetch(DETR as VideoId);
    await answer(DETR);
    await act(() => navigate(watch(DETR)));
    expect(loading()).toBeNull();
    expect(within(panel()).getByText(DETR_TITLE)).toBeTruthy();
    expect(segmentButtons()).toHaveLength(26);
    expect(fetchTranscript).toHaveBeenCalledTimes(2);
  });

  it('goes back to a video seen before without asking again, and asks afresh when the dataset changes', async () => {
    const { answer, fetchTranscript } = await renderWithMemory({ at: watch(WORD2VEC) });
    await answer(WORD2VEC);
    await act(() => navigate(watch(DETR)));
    await answer(DETR);
    await act(() => navigate(watch(WORD2VEC)));
    expect(loading()).toBeNull();
    expect(within(panel()).getByText(WORD2VEC_TITLE)).toBeTruthy();
    expect(fetchTranscript).toHaveBeenCalledTimes(2);
    await act(() => activeDatasetItem.setValue({ id: 'another', importedAt: 2 }));
    await vi.waitFor(() => expect(fetchTranscript).toHaveBeenCalledTimes(3));
  });
});
