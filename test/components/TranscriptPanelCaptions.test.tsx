// The panel showing YouTube's own captions: header, track menu, chapters, and the captions-only states.
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranscriptPanel, type TranscriptPanelProps } from '../../components/TranscriptPanel';
import { openTranscript } from '../../lib/transcript/open-transcript';
import type { TranscriptSource } from '../../lib/transcript/types';
import type { VideoId } from '../../lib/youtube/url';
import { buildPanelPage } from '../support/panel-page';

const VIDEO = 'Xk3pQ9vT2mA' as VideoId;
const ENGLISH = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' };
const ENGLISH_AUTO = { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)' };
const GERMAN = { id: '.de', languageCode: 'de', isAutomatic: false, name: 'German' };
const LINES = [
  { start: 0, end: 4, text: 'welcome back to the channel' },
  { start: 4, end: 9, text: 'today we look at negative sampling' },
  { start: 9, end: 13, text: '<img src=x onerror=alert(1)> is not a picture' },
  { start: 13, end: 15.4, text: 'so we sample a few words' },
];

function captionsState(source: Partial<Extract<TranscriptSource, { kind: 'captions' }>> = {}): TranscriptPanelProps['state'] {
  const captions: TranscriptSource = { kind: 'captions', track: ENGLISH, tracks: [GERMAN, ENGLISH, ENGLISH_AUTO], chapters: [], ...source };
  return {
    kind: 'ready',
    videoId: VIDEO,
    transcript: openTranscript({ video: { videoId: VIDEO, title: 'Negative sampling', thumbnail: '', segmentCount: 4, duration: 15.4 }, segments: LINES }, captions),
  };
}

function renderPanel(overrides: Partial<TranscriptPanelProps>) {
  const { seek, inPage } = buildPanelPage();
  const props: TranscriptPanelProps = {
    state: captionsState(),
    collapsed: false,
    theme: 'light',
    onCollapsedChange: vi.fn(),
    onRetry: vi.fn(),
    onTrackChange: vi.fn(),
    ...overrides,
  };
  render(inPage(<TranscriptPanel {...props} />));
  return { props, seek, user: userEvent.setup() };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('TranscriptPanel with YouTube captions', () => {
  it('says where the text comes from and lists every line as a timestamped button', () => {
    renderPanel({});
    const region = screen.getByRole('region', { name: 'Transcript' });
    expect(within(region).getByText('YouTube captions · English')).toBeTruthy();
    expect(within(region).getByText('4 lines · 0 min')).toBeTruthy();
    const buttons = within(screen.getByRole('list', { name: 'Transcript segments' })).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      '0:00 welcome back to the channel',
      '0:04 today we look at negative sampling',
      '0:09 <img src=x onerror=alert(1)> is not a picture',
      '0:13 so we sample a few words',
    ]);
    // Markup in a caption is text, never an element.
    expect(document.querySelector('.yts-panel img')).toBeNull();
  });

  it('names an automatic track as YouTube does', () => {
    renderPanel({ state: captionsState({ track: ENGLISH_AUTO }) });
    expect(screen.getByText('YouTube captions · English (auto-generated)')).toBeTruthy();
  });

  it('offers the video\'s tracks by their YouTube names, the shown one selected, and passes on a choice', async () => {
    const { props, user } = renderPanel({});
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Captions track' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['German', 'English', 'English (auto-generated)']);
    expect(select.value).toBe('.en');
    await user.selectOptions(select, 'English (auto-generated)');
    expect(props.onTrackChange).toHaveBeenCalledWith('a.en');
  });

  it('shows chapters as headings between lines, not as buttons and not as search hits', async () => {
    const { user } = renderPanel({ state: captionsState({ chapters: [{ start: 0, title: 'Intro' }, { start: 9, title: 'Sampling words' }] }) });
    const list = screen.getByRole('list', { name: 'Transcript segments' });
    expect(within(list).getAllByRole('heading').map((heading) => heading.textContent)).toEqual(['Intro', 'Sampling words']);
    expect([...list.querySelectorAll('li')].map((item) => item.textContent.slice(0, 9))).toEqual(['Intro', '0:00 welc', '0:04 toda', 'Sampling ', '0:09 <img', '0:13 so w']);
    expect(within(list).getAllByRole('button')).toHaveLength(4);

    // A hit is named by when its phrase is spoken (late in its line), not by the line's start.
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'sampling');
    const results = screen.getByRole('list', { name: 'Search results' });
    expect(within(results).queryAllByRole('heading')).toEqual([]);
    expect(within(results).getAllByRole('button').map((button) => button.textContent)).toEqual(['0:06 today we look at negative sampling']);
  });

  it('keeps the dataset header for a dataset video, with no track menu', () => {
    const transcript = openTranscript({ video: { videoId: VIDEO, title: 'A dataset talk', thumbnail: '', segmentCount: 4, duration: 15.4 }, segments: LINES }, { kind: 'dataset' });
    renderPanel({ state: { kind: 'ready', videoId: VIDEO, transcript } });
    expect(screen.getByText('A dataset talk')).toBeTruthy();
    expect(screen.getByText('4 segments · 0 min')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Captions track' })).toBeNull();
  });
});

describe('TranscriptPanel when YouTube gave no captions', () => {
  it('says in one line that the video has none, with nothing to retry', () => {
    renderPanel({ state: { kind: 'no-captions', videoId: VIDEO } });
    expect(screen.getByRole('heading', { name: 'No captions for this video' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says YouTube did not return them, which method failed how, and offers Try again and the other tracks', async () => {
    const details = 'get_panel: HTTP 400 FAILED_PRECONDITION; timedtext: empty answer (needs a proof-of-origin token)';
    const { props, user } = renderPanel({
      state: { kind: 'captions-failed', videoId: VIDEO, details, tracks: [ENGLISH, ENGLISH_AUTO], trackId: '.en', playerCanHelp: true },
    });
    expect(screen.getByRole('heading', { name: 'YouTube did not return captions' })).toBeTruthy();
    expect(screen.getByText("Turn on YouTube's captions (CC) for this track: the panel then reads them from the player.")).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByText(`Details: ${details}`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(props.onRetry).toHaveBeenCalledOnce();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Captions track' }), 'English (auto-generated)');
    expect(props.onTrackChange).toHaveBeenCalledWith('a.en');
  });

  it('says how long to wait when YouTube asked us to slow down', () => {
    renderPanel({ state: { kind: 'captions-failed', videoId: VIDEO, details: 'get_panel: HTTP 429 (too many requests)', retryAfterSeconds: 120, tracks: [] } });
    expect(screen.getByText('YouTube asked us to slow down: try again in 2 min.')).toBeTruthy();
    expect(screen.queryByText(/Turn on YouTube's captions/)).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Captions track' })).toBeNull();
  });
});
