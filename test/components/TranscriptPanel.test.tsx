import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranscriptPanel, type TranscriptPanelProps } from '../../components/TranscriptPanel';
import { parseJsonLines } from '../../lib/dataset/rows';
import { openTranscript } from '../../lib/transcript/open-transcript';
import type { Transcript } from '../../lib/transcript/types';
import type { VideoId } from '../../lib/youtube/url';
import { SAMPLE_JSONL } from '../fixtures/sample';
import { buildPanelPage } from '../support/panel-page';
import { playAt } from '../support/watch-page';

const { transcripts } = parseJsonLines(SAMPLE_JSONL);
const word2vec = transcripts.find((t) => t.video.videoId === 'yexR53My2O4')!;
const detr = transcripts.find((t) => t.video.videoId === 'T35ba_VXkMY')!;

afterEach(() => {
  document.body.replaceChildren();
});

const readyState = (transcript: Transcript): TranscriptPanelProps['state'] => ({
  kind: 'ready',
  videoId: transcript.video.videoId,
  transcript: openTranscript(transcript, { kind: 'dataset' }),
});

/**
 * The panel inside a watch page whose main video is at `playingAt` seconds:
 * the real player module on happy-dom's <video>, its `seek` watched.
 */
function renderPanel(overrides: Partial<TranscriptPanelProps> = {}, transcript: Transcript = word2vec, { playingAt = 0 } = {}) {
  const { video, seek, page, inPage } = buildPanelPage({ playingAt });
  const props: TranscriptPanelProps = {
    state: readyState(transcript),
    collapsed: false,
    theme: 'light',
    onCollapsedChange: vi.fn(),
    onNoticeCollapsedChange: vi.fn(),
    onRetry: vi.fn(),
    ...overrides,
  };
  const wrap = (next: TranscriptPanelProps) => inPage(<TranscriptPanel {...next} />);
  const view = render(wrap(props));
  return { ...view, rerender: (next: TranscriptPanelProps) => view.rerender(wrap(next)), props, page, video, seek, user: userEvent.setup() };
}

function searchStatusElement(): HTMLElement {
  return screen.getAllByRole('status').find((s) => s.closest('.yts-search'))!;
}

/** The visible "3 of 12" / "No matches" of the search bar (screen readers also hear the hit's time and words). */
function searchStatus(): string {
  return searchStatusElement().textContent.split(',')[0]!;
}

function segmentButtons() {
  return within(screen.getByRole('list', { name: 'Transcript segments' })).getAllByRole('button');
}

describe('TranscriptPanel with a transcript', () => {
  it('is a region named "Transcript", titled so, with the video and every segment as a timestamped button', () => {
    renderPanel();
    const region = screen.getByRole('region', { name: 'Transcript' });
    expect(within(region).getByRole('heading', { name: 'Transcript' })).toBeTruthy();
    expect(within(region).getByText(word2vec.video.title)).toBeTruthy();
    expect(within(region).getByText('66 segments · 31 min')).toBeTruthy();
    const buttons = segmentButtons();
    expect(buttons).toHaveLength(66);
    expect(buttons[0]!.textContent.startsWith('0:00 ')).toBe(true);
    // In start order, each name starting with its own timestamp.
    expect(screen.getByRole('button', { name: /^30:30 / })).toBe(buttons[65]);
  });

  it('seeks to a segment on click and on Enter', async () => {
    const { seek, video, user } = renderPanel();
    await user.click(screen.getByRole('button', { name: /^0:25 / }));
    expect(seek).toHaveBeenLastCalledWith(25);
    expect(video.currentTime).toBe(25);
    screen.getByRole('button', { name: /^0:51 / }).focus();
    await user.keyboard('{Enter}');
    expect(seek).toHaveBeenLastCalledWith(51);
  });

  it('marks the segment being spoken', () => {
    renderPanel({}, word2vec, { playingAt: 80 }); // 1:16 to 1:43
    expect(segmentButtons()[3]!.getAttribute('aria-current')).toBe('time');
    expect(segmentButtons().filter((b) => b.hasAttribute('aria-current'))).toHaveLength(1);
  });

  it('renders hostile transcript text as text', () => {
    const hostile: Transcript = {
      video: { ...detr.video, title: '<img src=x onerror=alert(1)>' },
      segments: [{ start: 0, end: 20, text: '<script>alert(1)</script><b>bold</b>' }],
    };
    const { container } = renderPanel({}, hostile);
    expect(container.querySelector('script, img, b')).toBeNull();
    expect(screen.getByRole('button', { name: '0:00 <script>alert(1)</script><b>bold</b>' })).toBeTruthy();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});

describe('search', () => {
  it('marks matches, counts them and ranks segments with every word first, despite a typo', async () => {
    const { user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'negativ samplng');
    const list = screen.getByRole('list', { name: 'Search results' });
    const results = within(list).getAllByRole('button');
    // Only the hits near the view are drawn; each row knows the whole list's size.
    const hitCount = within(list).getAllByRole('listitem')[0]!.getAttribute('aria-setsize');
    expect(Number(hitCount)).toBeGreaterThanOrEqual(results.length);
    expect(searchStatus()).toBe(`1 of ${hitCount}`);
    // The current hit is read out with the count: its time and first words.
    const [time] = results[0]!.textContent.split(' ');
    expect(searchStatusElement().textContent).toMatch(new RegExp(`^1 of ${hitCount}, ${time}, \\S`));
    const marks = [...results[0]!.querySelectorAll('mark')].map((mark) => mark.textContent.toLowerCase());
    expect(marks).toEqual(expect.arrayContaining(['negative', 'sampling']));
    expect(results[0]!.getAttribute('aria-current')).toBe('true');
  });

  it('names each hit with the estimated time of the phrase, and seeks there', async () => {
    const { seek, user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'hierarchical softmax');
    const button = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button')[0]!;
    // The segment from 11:48 to 12:11 (23 s, 388 characters) says "hierarchical softmax" from
    // character 258: 708 + 258 / 388 × 23 − 1 s of lead-in = 722.29 s, shown as 12:02.
    expect(button.textContent).toMatch(/^12:02 here it seems that that is really our bottleneck/);
    await user.click(button);
    expect(seek).toHaveBeenCalledTimes(1);
    expect(seek.mock.calls[0]![0]).toBeCloseTo(722.29, 2);
  });

  it('steps through hits with Enter, Shift+Enter and the arrow keys; the first Enter plays hit 1', async () => {
    const { seek, user } = renderPanel();
    const box = screen.getByRole('searchbox', { name: 'Search transcript' });
    await user.type(box, 'vector');
    const status = searchStatus;
    const count = Number(/of (\d+)/.exec(status())![1]);
    expect(count).toBeGreaterThan(3);
    expect(status()).toBe(`1 of ${count}`);
    expect(seek).not.toHaveBeenCalled();

    await user.keyboard('{Enter}');
    expect(status()).toBe(`1 of ${count}`);
    expect(seek).toHaveBeenCalledTimes(1);
    await user.keyboard('{Enter}');
    expect(status()).toBe(`2 of ${count}`);
    expect(seek).toHaveBeenCalledTimes(2);
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(status()).toBe(`1 of ${count}`);
    await user.keyboard('{ArrowUp}');
    expect(status()).toBe(`${count} of ${count}`);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(status()).toBe(`2 of ${count}`);
    expect(seek).toHaveBeenCalledTimes(3); // arrows browse without seeking
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(status()).toBe(`3 of ${count}`);
    const current = within(screen.getByRole('list', { name: 'Search results' }))
      .getAllByRole('button')
      .findIndex((b) => b.getAttribute('aria-current') === 'true');
    expect(current).toBe(2);
  });

  it('says "No matches" in words, and Escape clears the search', async () => {
    const { user } = renderPanel();
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search transcript' });
    await user.type(box, 'xylophone');
    expect(screen.getByText('No matches')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(box.value).toBe('');
    // The rows near the view first, then the rest of the 66.
    await waitFor(() => expect(segmentButtons()).toHaveLength(66));
  });

  it('says what found nothing where the results would be, with no step buttons to press', async () => {
    const { user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'xylophone');
    expect(screen.getByText('No matches for “xylophone”. Try other words.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next match' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Previous match' }).disabled).toBe(true);
  });

  it('clears the search with its own button, and the box keeps the focus', async () => {
    const { user } = renderPanel();
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search transcript' });
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull();
    await user.type(box, 'vector');
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(box.value).toBe('');
    expect(document.activeElement).toBe(box);
    expect(segmentButtons()).toHaveLength(66);
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull();
  });

  it('starts a hit deep in a long segment a few words before the match, the whole text still its name', async () => {
    const { user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'hierarchical softmax');
    const button = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button')[0]!;
    const segment = word2vec.segments.find((candidate) => candidate.start === 708)!;
    // "hierarchical softmax" starts at character 258 of this segment (see the test above).
    const lead = button.querySelector('.yts-segment__lead')!;
    expect(segment.text.startsWith(lead.textContent)).toBe(true);
    expect(258 - lead.textContent.length).toBeGreaterThan(0);
    expect(258 - lead.textContent.length).toBeLessThanOrEqual(30);
    expect(button.querySelector('.yts-segment__rest mark')).not.toBeNull();
    expect(button.textContent).toBe(`12:02 ${segment.text}`);
  });

  it('copies a link to the current hit', async () => {
    const { page, user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'hierarchical softmax');
    await user.click(screen.getByRole('button', { name: 'Copy link to match' }));
    // The first hit's phrase time, 722.29 s, in whole seconds.
    expect(page.copyText).toHaveBeenCalledWith('https://www.youtube.com/watch?v=yexR53My2O4&t=722s');
    expect(await screen.findByText('Link copied')).toBeTruthy();
  });

  it('copies a link to the segment being spoken', async () => {
    const { page, user } = renderPanel({}, word2vec, { playingAt: 60 }); // the segment from 0:51
    await user.click(screen.getByRole('button', { name: 'Copy link to segment' }));
    expect(page.copyText).toHaveBeenCalledWith('https://www.youtube.com/watch?v=yexR53My2O4&t=51s');
  });
});

describe('follow along', () => {
  it('offers "Back to current" after the user scrolls the list, and follows again when asked', async () => {
    const { user, video } = renderPanel({}, word2vec, { playingAt: 130 }); // segment 5, from 2:07
    expect(screen.queryByRole('button', { name: 'Back to current' })).toBeNull();
    const list = screen.getByRole('list', { name: 'Transcript segments' });
    list.scrollTop = 900;
    fireEvent.scroll(list);
    const back = await screen.findByRole('button', { name: 'Back to current' });
    await act(() => playAt(video, 155)); // segment 6, from 2:32
    await user.click(back);
    expect(screen.queryByRole('button', { name: 'Back to current' })).toBeNull();
  });
});

describe('keyboard', () => {
  it('gives the long list one Tab stop (the segment being spoken) and moves inside it with arrows, Home and End', async () => {
    const { user, seek } = renderPanel({}, word2vec, { playingAt: 110 }); // segment 4, from 1:43
    const buttons = segmentButtons();
    expect(buttons.filter((button) => button.tabIndex === 0)).toEqual([buttons[4]]);
    screen.getByRole('searchbox', { name: 'Search transcript' }).focus();
    await user.tab();
    expect(document.activeElement).toBe(buttons[4]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(buttons[5]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(buttons[65]);
    await user.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement).toBe(buttons[0]);
    // Browsing by keyboard pauses following playback, with a way back.
    expect(screen.getByRole('button', { name: 'Back to current' })).toBeTruthy();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy link to segment' }));
    await user.tab({ shift: true });
    await user.keyboard('{Home}{Enter}');
    expect(seek).toHaveBeenLastCalledWith(0);
    // Playing a segment hands the list back to playback.
    expect(screen.queryByRole('button', { name: 'Back to current' })).toBeNull();
  });
});

describe('collapse', () => {
  it('hides the body and reports the change', async () => {
    const { props, user, rerender } = renderPanel();
    const toggle = screen.getByRole('button', { name: 'Collapse transcript' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(props.onCollapsedChange).toHaveBeenCalledWith(true);
    rerender({ ...props, collapsed: true });
    expect(screen.getByRole('button', { name: 'Expand transcript' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

describe('other states', () => {
  it('says when the video is not in the dataset, in one line, with the reason one click away', async () => {
    const { props, user, rerender } = renderPanel({ state: { kind: 'missing', videoId: 'dQw4w9WgXcQ' as VideoId } });
    const region = screen.getByRole('region', { name: 'Transcript' });
    expect(within(region).getByRole('heading', { name: 'No transcript for this video' })).toBeTruthy();
    expect(within(region).queryByRole('searchbox')).toBeNull();
    // Collapsed unless the user opened it: the reason is not shown.
    expect(within(region).getByText('It is not in the cached dataset.').closest('[hidden]')).not.toBeNull();
    const toggle = within(region).getByRole('button', { name: 'Show why' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(region).getAllByRole('button')).toEqual([toggle]);

    await user.click(toggle);
    expect(props.onNoticeCollapsedChange).toHaveBeenCalledWith(false);
    rerender({ ...props, noticeCollapsed: false });
    expect(within(region).getByText('It is not in the cached dataset.').closest('[hidden]')).toBeNull();
    expect(within(region).getByRole('button', { name: 'Hide why' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows loading in words', () => {
    renderPanel({ state: { kind: 'loading', videoId: 'dQw4w9WgXcQ' as VideoId } });
    expect(screen.getByRole('status').textContent).toBe('Loading transcript…');
  });

  it('explains an error and offers a retry', async () => {
    const { props, user } = renderPanel({
      state: { kind: 'error', videoId: 'dQw4w9WgXcQ' as VideoId, message: 'The transcript cache could not be read.' },
    });
    expect(screen.getByRole('alert').textContent).toContain('The transcript cache could not be read.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(props.onRetry).toHaveBeenCalled();
  });

  it('starts fresh for another video: the search of the previous one is gone', async () => {
    const { user, rerender, props } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'vector');
    rerender({ ...props, state: readyState(detr) });
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search transcript' }).value).toBe('');
    expect(segmentButtons()).toHaveLength(26);
  });
});
