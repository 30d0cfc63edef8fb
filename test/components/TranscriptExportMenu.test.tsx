// The panel's copy and download menu, wired: what reaches the clipboard and the saved file.
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranscriptPanel, type TranscriptPanelProps } from '../../components/TranscriptPanel';
import { parseJsonLines } from '../../lib/dataset/rows';
import { openTranscript } from '../../lib/transcript/open-transcript';
import { SAMPLE_JSONL, SAMPLE_ROWS } from '../fixtures/sample';
import { parseSrtStrictly } from '../lib/export/srt-parser';
import { buildPanelPage } from '../support/panel-page';

const WORD2VEC = 'yexR53My2O4';
const word2vec = parseJsonLines(SAMPLE_JSONL).transcripts.find((t) => t.video.videoId === WORD2VEC)!;
// Expected values from the sample file itself, not from the code under test.
const rows = SAMPLE_ROWS.filter((row) => row.video_id === WORD2VEC).sort((a, b) => a.start_second - b.start_second);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

afterEach(() => {
  document.body.replaceChildren();
});

function renderPanel(overrides: Partial<TranscriptPanelProps> = {}) {
  const { page, inPage } = buildPanelPage();
  const props: TranscriptPanelProps = {
    state: { kind: 'ready', videoId: word2vec.video.videoId, transcript: openTranscript(word2vec, { kind: 'dataset' }) },
    collapsed: false,
    theme: 'light',
    onCollapsedChange: vi.fn(),
    onRetry: vi.fn(),
    ...overrides,
  };
  const wrap = (next: TranscriptPanelProps) => inPage(<TranscriptPanel {...next} />);
  const view = render(wrap(props));
  return { page, props, rerender: (next: TranscriptPanelProps) => view.rerender(wrap(next)), user: userEvent.setup() };
}

const menuButton = () => screen.getByRole('button', { name: 'Copy or download transcript' });

describe('the panel header’s copy and download menu', () => {
  it('sits in the header, beside the collapse toggle', () => {
    renderPanel();
    expect(menuButton().closest('.yts-header')).toBe(screen.getByRole('button', { name: 'Collapse transcript' }).closest('.yts-header'));
  });

  it('copies the transcript as plain text, and with timestamps', async () => {
    const { page, user } = renderPanel();
    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name: 'Copy transcript' }));
    expect(page.copyText).toHaveBeenLastCalledWith(rows.map((row) => oneLine(row.text)).join('\n'));

    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name: 'Copy with timestamps' }));
    const lines = vi.mocked(page.copyText).mock.lastCall![0].split('\n');
    expect(lines).toHaveLength(rows.length);
    expect(lines[0]).toBe(`0:00 ${oneLine(rows[0]!.text)}`);
    expect(lines[2]).toBe(`0:51 ${oneLine(rows[2]!.text)}`);
  });

  it('copies only the matches of the search shown, each with its link, and forgets them when the search goes', async () => {
    const { page, user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'hierarhical');
    const shown = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button');

    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name: 'Copy matches' }));
    const copied = vi.mocked(page.copyText).mock.lastCall![0];
    expect(copied.split('\n')[0]).toBe(`${shown.length} matches for "hierarhical" in ${word2vec.video.title}`);
    const links = copied.match(/^https:\/\/www\.youtube\.com\/watch\?v=yexR53My2O4&t=\d+s$/gm) ?? [];
    expect(links).toHaveLength(shown.length);
    // Each match as the list shows it: its time, then its words.
    const times = shown.map((button) => /^\d+:\d\d/.exec(button.textContent)![0]);
    expect(copied.match(/^\d+:\d\d(?= )/gm)).toEqual(times);
    expect(await screen.findByText(`${shown.length} matches copied`)).toBeTruthy();

    await user.clear(screen.getByRole('searchbox', { name: 'Search transcript' }));
    await user.click(menuButton());
    expect(screen.queryByRole('menuitem', { name: 'Copy matches' })).toBeNull();
  });

  it('does not offer the matches of a search the collapsed panel no longer shows', async () => {
    const { props, rerender, user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search transcript' }), 'sampling');
    rerender({ ...props, collapsed: true });
    rerender({ ...props, collapsed: false });
    await user.click(menuButton());
    expect(screen.queryByRole('menuitem', { name: 'Copy matches' })).toBeNull();
  });

  it('downloads SubRip named after the title, with one cue per segment and the data’s end times', async () => {
    const { page, user } = renderPanel();
    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name: 'Download subtitles (.srt)' }));
    expect(page.saveFile).toHaveBeenCalledOnce();
    const [file] = vi.mocked(page.saveFile).mock.lastCall!;
    expect(file.fileName).toBe('[Classic] Word2Vec Distributed Representations of Words and Phrases and their Compositionality.srt');
    expect(file.mimeType).toBe('application/x-subrip;charset=utf-8');
    const cues = parseSrtStrictly(file.text);
    expect(cues.map((cue) => [cue.start, cue.end])).toEqual(rows.map((row) => [row.start_second, row.end_second]));
  });
});
