import { fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TranscriptPanel, type TranscriptPanelProps } from '../../components/TranscriptPanel';
import { parseJsonLines } from '../../lib/dataset/rows';
import { estimatePhraseTime } from '../../lib/transcript/phrase-time';
import { createTranscriptSearch } from '../../lib/transcript/search';
import type { Transcript } from '../../lib/transcript/types';
import type { VideoId } from '../../lib/youtube/url';
import { SAMPLE_JSONL } from '../fixtures/sample';

const { transcripts } = parseJsonLines(SAMPLE_JSONL);
const word2vec = transcripts.find((t) => t.video.videoId === 'yexR53My2O4')!;
const detr = transcripts.find((t) => t.video.videoId === 'T35ba_VXkMY')!;

function renderPanel(overrides: Partial<TranscriptPanelProps> = {}, transcript: Transcript = word2vec) {
  const props: TranscriptPanelProps = {
    state: { kind: 'ready', videoId: transcript.video.videoId, transcript },
    searchTranscript: createTranscriptSearch(transcript.segments).search,
    playingIndex: -1,
    collapsed: false,
    theme: 'light',
    onCollapsedChange: vi.fn(),
    onSeek: vi.fn(),
    onCopyLink: vi.fn(() => Promise.resolve()),
    onRetry: vi.fn(),
    ...overrides,
  };
  const view = render(<TranscriptPanel {...props} />);
  return { ...view, props, user: userEvent.setup() };
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
  it('is a region named "Transcript" with the title and every segment as a timestamped button', () => {
    renderPanel();
    const region = screen.getByRole('region', { name: 'Transcript' });
    expect(within(region).getByRole('heading', { name: word2vec.video.title })).toBeTruthy();
    expect(within(region).getByText('66 segments · 31 min')).toBeTruthy();
    const buttons = segmentButtons();
    expect(buttons).toHaveLength(66);
    expect(buttons[0]!.textContent.startsWith('0:00 ')).toBe(true);
    // In start order, each name starting with its own timestamp.
    expect(screen.getByRole('button', { name: /^30:30 / })).toBe(buttons[65]);
  });

  it('seeks to a segment on click and on Enter', async () => {
    const { props, user } = renderPanel();
    await user.click(screen.getByRole('button', { name: /^0:25 / }));
    expect(props.onSeek).toHaveBeenLastCalledWith(25);
    screen.getByRole('button', { name: /^0:51 / }).focus();
    await user.keyboard('{Enter}');
    expect(props.onSeek).toHaveBeenLastCalledWith(51);
  });

  it('marks the segment being spoken', () => {
    renderPanel({ playingIndex: 3 });
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
    expect(screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
  });
});

describe('search', () => {
  it('marks matches, counts them and ranks segments with every word first, despite a typo', async () => {
    const { user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'negativ samplng');
    const results = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button');
    expect(searchStatus()).toBe(`1 of ${results.length}`);
    // The current hit is read out with the count: its time and first words.
    const [time] = results[0]!.textContent.split(' ');
    expect(searchStatusElement().textContent).toMatch(new RegExp(`^1 of ${results.length}, ${time}, \\S`));
    const marks = [...results[0]!.querySelectorAll('mark')].map((mark) => mark.textContent.toLowerCase());
    expect(marks).toEqual(expect.arrayContaining(['negative', 'sampling']));
    expect(results[0]!.getAttribute('aria-current')).toBe('true');
  });

  it('names each hit with the estimated time of the phrase, and seeks there', async () => {
    const { props, user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'hierarchical softmax');
    const hits = createTranscriptSearch(word2vec.segments).search('hierarchical softmax');
    const first = hits[0]!;
    const expected = estimatePhraseTime(word2vec.segments[first.segmentIndex]!, first.matchOffset);
    const button = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button')[0]!;
    const [minutes, seconds] = button.textContent.split(' ')[0]!.split(':').map(Number);
    expect(minutes! * 60 + seconds!).toBe(Math.floor(expected));
    expect(expected).toBeGreaterThan(word2vec.segments[first.segmentIndex]!.start);
    await user.click(button);
    expect(props.onSeek).toHaveBeenLastCalledWith(expected);
  });

  it('steps through hits with Enter, Shift+Enter and the arrow keys; the first Enter plays hit 1', async () => {
    const { props, user } = renderPanel();
    const box = screen.getByRole('searchbox', { name: 'Search transcript' });
    await user.type(box, 'vector');
    const status = searchStatus;
    const count = Number(/of (\d+)/.exec(status())![1]);
    expect(count).toBeGreaterThan(3);
    expect(status()).toBe(`1 of ${count}`);
    expect(props.onSeek).not.toHaveBeenCalled();

    await user.keyboard('{Enter}');
    expect(status()).toBe(`1 of ${count}`);
    expect(props.onSeek).toHaveBeenCalledTimes(1);
    await user.keyboard('{Enter}');
    expect(status()).toBe(`2 of ${count}`);
    expect(props.onSeek).toHaveBeenCalledTimes(2);
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(status()).toBe(`1 of ${count}`);
    await user.keyboard('{ArrowUp}');
    expect(status()).toBe(`${count} of ${count}`);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(status()).toBe(`2 of ${count}`);
    expect(props.onSeek).toHaveBeenCalledTimes(3); // arrows browse without seeking
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
    expect(segmentButtons()).toHaveLength(66);
  });

  it('copies a link to the current hit', async () => {
    const { props, user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'hierarchical softmax');
    await user.click(screen.getByRole('button', { name: 'Copy link to match' }));
    expect(props.onCopyLink).toHaveBeenCalledWith(expect.stringMatching(/^https:\/\/www\.youtube\.com\/watch\?v=yexR53My2O4&t=\d+s$/));
    expect(await screen.findByText('Link copied')).toBeTruthy();
  });

  it('copies a link to the segment being spoken', async () => {
    const { props, user } = renderPanel({ playingIndex: 2 });
    await user.click(screen.getByRole('button', { name: 'Copy link to segment' }));
    expect(props.onCopyLink).toHaveBeenCalledWith(`https://www.youtube.com/watch?v=yexR53My2O4&t=${word2vec.segments[2]!.start}s`);
  });
});

describe('follow along', () => {
  it('offers "Back to current" after the user scrolls the list, and follows again when asked', async () => {
    const { user, rerender, props } = renderPanel({ playingIndex: 5 });
    expect(screen.queryByRole('button', { name: 'Back to current' })).toBeNull();
    const list = screen.getByRole('list', { name: 'Transcript segments' });
    list.scrollTop = 900;
    fireEvent.scroll(list);
    const back = await screen.findByRole('button', { name: 'Back to current' });
    rerender(<TranscriptPanel {...props} playingIndex={6} />);
    await user.click(back);
    expect(screen.queryByRole('button', { name: 'Back to current' })).toBeNull();
  });
});

describe('keyboard', () => {
  it('gives the long list one Tab stop (the segment being spoken) and moves inside it with arrows, Home and End', async () => {
    const { user, props } = renderPanel({ playingIndex: 4 });
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
    expect(props.onSeek).toHaveBeenLastCalledWith(0);
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
    rerender(<TranscriptPanel {...props} collapsed />);
    expect(screen.getByRole('button', { name: 'Expand transcript' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

describe('other states', () => {
  it('says when the video is not in the dataset, in one line', () => {
    renderPanel({ state: { kind: 'missing', videoId: 'dQw4w9WgXcQ' as VideoId } });
    const region = screen.getByRole('region', { name: 'Transcript' });
    expect(within(region).getByRole('heading', { name: 'No transcript for this video' })).toBeTruthy();
    expect(within(region).queryByRole('searchbox')).toBeNull();
    expect(within(region).queryByRole('button')).toBeNull();
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
    const detrProps = {
      ...props,
      state: { kind: 'ready', videoId: detr.video.videoId, transcript: detr } as const,
      searchTranscript: createTranscriptSearch(detr.segments).search,
    };
    rerender(<TranscriptPanel {...detrProps} />);
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search transcript' }).value).toBe('');
    expect(segmentButtons()).toHaveLength(26);
  });
});
