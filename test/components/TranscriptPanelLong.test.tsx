/**
 * A transcript too long to draw whole (issue 11): only rows near the view are
 * in the DOM, yet every row keeps its place for screen readers, the keys reach
 * rows not drawn yet, the segment being spoken is the Tab stop wherever it
 * is, and search hits far down the list can be reached.
 */
import { act, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAW_ALL_ROWS } from '../../components/ScrollList';
import { TranscriptPanel } from '../../components/TranscriptPanel';
import { openTranscript, type OpenTranscript } from '../../lib/transcript/open-transcript';
import type { TranscriptSource } from '../../lib/transcript/types';
import type { VideoId } from '../../lib/youtube/url';
import { LONG_TALK_LINES, LONG_TALK_SEGMENTS } from '../fixtures/long-talk';
import { buildPanelPage } from '../support/panel-page';
import { playAt } from '../support/watch-page';

const LINES = LONG_TALK_LINES;
const segments = LONG_TALK_SEGMENTS;

const DATASET: TranscriptSource = { kind: 'dataset' };

afterEach(() => {
  document.body.replaceChildren();
});

function renderLongPanel({ playingAt = 0, source = DATASET }: { playingAt?: number; source?: TranscriptSource } = {}) {
  const { video, seek, inPage } = buildPanelPage({ playingAt });
  const videoId = 'LongTalk001' as VideoId;
  const transcript = openTranscript({ video: { videoId, title: 'A long talk', thumbnail: '', segmentCount: LINES, duration: LINES * 2 }, segments }, source);
  const panelOf = (shown: OpenTranscript) =>
    inPage(<TranscriptPanel state={{ kind: 'ready', videoId, transcript: shown }} collapsed={false} theme="light" onCollapsedChange={vi.fn()} onRetry={vi.fn()} />);
  const { rerender } = render(panelOf(transcript));
  return { video, seek, user: userEvent.setup(), showTranscript: (next: OpenTranscript) => rerender(panelOf(next)) };
}

const segmentList = () => screen.getByRole('list', { name: 'Transcript segments' });
const drawnButtons = () => within(segmentList()).getAllByRole('button');

describe('a 3,000-line transcript', () => {
  it('draws only rows near the view, each knowing its place in the whole list', () => {
    renderLongPanel();
    const buttons = drawnButtons();
    expect(buttons.length).toBeGreaterThan(5);
    expect(buttons.length).toBeLessThan(DRAW_ALL_ROWS);
    expect(buttons[0]!.textContent).toBe('0:00 line 0 so so');
    const items = within(segmentList()).getAllByRole('listitem');
    expect(items[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(items.every((item) => item.getAttribute('aria-setsize') === String(LINES))).toBe(true);
  });

  it('reaches the last line with End and the first with Home, by keyboard, and seeks there', async () => {
    const { user, seek } = renderLongPanel();
    screen.getByRole('searchbox', { name: 'Search transcript' }).focus();
    await user.tab();
    expect(document.activeElement?.textContent).toBe('0:00 line 0 so so');
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe('1:39:58 line 2999 then tokens');
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe(String(LINES));
    await user.keyboard('{ArrowUp}{Enter}');
    expect(seek).toHaveBeenLastCalledWith(2998 * 2);
    await user.keyboard('{Home}');
    expect(document.activeElement?.textContent).toBe('0:00 line 0 so so');
  });

  it('makes the line being spoken, far down, the Tab stop, and follows playback there', async () => {
    const { user, video } = renderLongPanel({ playingAt: 4_001 }); // line 2,000
    const current = within(segmentList()).getByRole('button', { current: 'time' });
    expect(current.textContent).toBe('1:06:40 line 2000 so so');
    expect(current.tabIndex).toBe(0);
    await act(() => playAt(video, 5_000)); // line 2,500
    expect(within(segmentList()).getByRole('button', { current: 'time' }).textContent).toBe('1:23:20 line 2500 over over');
    screen.getByRole('searchbox', { name: 'Search transcript' }).focus();
    await user.tab();
    expect(document.activeElement?.textContent).toBe('1:23:20 line 2500 over over');
  });

  it('finds a word said once, far down the list, and names the hit', async () => {
    const { user, seek } = renderLongPanel();
    const box = screen.getByRole('searchbox', { name: 'Search transcript' });
    await user.type(box, 'zebra');
    // The box shows what was typed at once; the search has a task of its own.
    expect(box).toHaveProperty('value', 'zebra');
    const hits = within(await screen.findByRole('list', { name: 'Search results' })).getAllByRole('button');
    expect(hits.map((hit) => hit.textContent)).toEqual(['1:18:10 and here a zebra crosses']);
    await user.keyboard('{Enter}');
    expect(seek).toHaveBeenCalledTimes(1);
  });

  it('draws the hits in view as soon as they are found, and the ones below the view once typing stops', async () => {
    const { user } = renderLongPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'so');
    const results = await screen.findByRole('list', { name: 'Search results' });
    const drawnAtOnce = within(results).getAllByRole('button').length;
    expect(drawnAtOnce).toBeGreaterThan(5);
    await waitFor(() => expect(within(results).getAllByRole('button').length).toBeGreaterThan(drawnAtOnce));
    expect(within(results).getAllByRole('button').length).toBeLessThan(DRAW_ALL_ROWS);
  });

  it('searches the new transcript when a refreshed dataset replaces it mid-search, never the old hits', async () => {
    const { user, showTranscript } = renderLongPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'zebra');
    await screen.findByRole('list', { name: 'Search results' });
    // The same video from a new dataset: 300 lines, no zebra.
    const shorter = openTranscript(
      { video: { videoId: 'LongTalk001' as VideoId, title: 'A long talk', thumbnail: '', segmentCount: 300, duration: 600 }, segments: segments.slice(0, 300) },
      DATASET,
    );
    showTranscript(shorter);
    expect(await screen.findByText('No matches for “zebra”. Try other words.')).toBeTruthy();
  });

  it('keeps chapter headings between lines wherever the list is', async () => {
    const chapters = [{ start: 0, title: 'Opening' }, { start: 5_000, title: 'Closing' }];
    const { user, video } = renderLongPanel({ source: { kind: 'captions', track: undefined, tracks: [], chapters } });
    expect(within(segmentList()).getAllByRole('heading').map((heading) => heading.textContent)).toEqual(['Opening']);
    await act(() => playAt(video, 5_000)); // line 2,500, the first of "Closing"
    const headings = within(segmentList()).getAllByRole('heading');
    expect(headings.map((heading) => heading.textContent)).toEqual(['Closing']);
    // Right before its first line.
    const closing = headings[0]!.closest('li')!;
    expect(closing.nextElementSibling?.textContent).toBe('1:23:20 line 2500 over over');
    screen.getByRole('searchbox', { name: 'Search transcript' }).focus();
    await user.tab();
    await user.keyboard('{End}');
    // The heading is a row of its own: the list counts it.
    expect(document.activeElement?.closest('li')?.getAttribute('aria-setsize')).toBe(String(LINES + 2));
  });
});
