import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LibrarySearch } from '../../components/LibrarySearch';
import { LibrarySearchRoot } from '../../components/LibrarySearchRoot';
import type { LibraryHit, LibraryVideoResult } from '../../lib/library/library-search';
import type { LibrarySearchResponse } from '../../lib/messaging/protocol';
import type { VideoId } from '../../lib/youtube/url';

function hit(videoId: string, seconds: number, text: string, word: string): LibraryHit {
  const start = text.indexOf(word);
  return { videoId: videoId as VideoId, segmentIndex: seconds, text, ranges: [[start, start + word.length]], seconds, url: `https://www.youtube.com/watch?v=${videoId}&t=${seconds}s`, isExactPhrase: false };
}

const WORD2VEC: LibraryVideoResult = {
  videoId: 'yexR53My2O4' as VideoId,
  title: 'Word2Vec explained',
  thumbnail: 'https://i.ytimg.com/vi/yexR53My2O4/maxresdefault.jpg',
  hitCount: 3,
  hitsState: 'described',
  hits: [hit('yexR53My2O4', 868, 'this approach called negative sampling', 'sampling'), hit('yexR53My2O4', 958, 'we define sampling by this objective', 'sampling')],
};
const ELSEWHERE: LibraryVideoResult = {
  videoId: 'T35ba_VXkMY' as VideoId,
  title: 'DETR',
  thumbnail: 'https://evil.example/tracker.png',
  hitCount: 1,
  hitsState: 'described',
  hits: [hit('T35ba_VXkMY', 3725, 'sampling the boxes', 'sampling')],
};
/** The sentence above the results (a polite live region). */
const statusText = () => document.querySelector('.yts-library__status')?.textContent;

const FOUND: LibrarySearchResponse = { status: 'found', query: 'sampling', resultCount: 4, videoCount: 2, videos: [WORD2VEC, ELSEWHERE], videoOffset: 0 };

function renderSearch(result: LibrarySearchResponse | null, query = 'sampling') {
  const onOpenHit = vi.fn();
  const onShowAll = vi.fn();
  render(<LibrarySearch query={query} result={result} hitsPerVideo={3} onQueryChange={vi.fn()} onOpenHit={onOpenHit} onShowAll={onShowAll} autoFocus />);
  return { onOpenHit, onShowAll };
}

describe('LibrarySearch', () => {
  it('opens on a focused box named "Search all videos"', () => {
    renderSearch(null, '');
    expect(screen.getByRole('searchbox', { name: 'Search all videos' })).toBe(document.activeElement);
  });

  it.each<[string, LibrarySearchResponse, string]>([
    ['an empty library', { status: 'empty-library' }, 'The library is empty: import a dataset in the options first.'],
    ['punctuation only', { status: 'no-words', query: '?!' }, 'Type a word or a phrase: punctuation alone finds nothing.'],
    ['nothing found', { status: 'no-results', query: 'zebra ' }, 'No video says “zebra”.'],
    ['a broken cache', { status: 'error', message: 'The library could not be searched: disk gone' }, 'The library could not be searched: disk gone'],
  ])('says plainly: %s', (_case, result, sentence) => {
    renderSearch(result);
    expect(statusText()).toBe(sentence);
    expect(screen.queryByRole('list', { name: 'Videos' })).toBeNull();
  });

  it('shows the count, a card per video and each hit as a link to its moment with the words marked', () => {
    renderSearch(FOUND);
    expect(statusText()).toBe('4 results in 2 videos');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Word2Vec explained', 'DETR']);
    const link = screen.getByRole('link', { name: '14:28 this approach called negative sampling' });
    expect(link.getAttribute('href')).toBe('https://www.youtube.com/watch?v=yexR53My2O4&t=868s');
    expect([...link.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['sampling']);
    expect(screen.getByRole('link', { name: '1:02:05 sampling the boxes' })).toBeTruthy();
  });

  it("starts a long hit's visible text a few words before a late match, and still reads out the whole segment", () => {
    const early = 'so here is a long introduction about the training data and how the corpus was collected over many months, ';
    const text = `${early}then comes negative sampling itself`;
    const late: LibraryVideoResult = { ...WORD2VEC, hitCount: 1, hits: [hit('yexR53My2O4', 868, text, 'sampling')] };
    renderSearch({ ...FOUND, resultCount: 1, videoCount: 1, videos: [late] });
    const link = screen.getByRole('link', { name: `14:28 ${text}` });
    expect(link.querySelector('mark')?.textContent).toBe('sampling');
    // What shows starts near the match (the clamp keeps three lines); what came before is for screen readers only.
    expect(link.querySelector('.yts-visually-hidden')?.textContent).toBe('so here is a long introduction about the training data and how the corpus was collected over many ');
    const shown = [...(link.querySelector('.yts-library__text')?.childNodes ?? [])].filter((node) => !(node instanceof Element && node.classList.contains('yts-visually-hidden')));
    expect(shown.map((node) => node.textContent).join('')).toBe('months, then comes negative sampling itself');
  });

  it('shows thumbnails only from i.ytimg.com', () => {
    renderSearch(FOUND);
    const images = [...document.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(images).toEqual(['https://i.ytimg.com/vi/yexR53My2O4/maxresdefault.jpg']);
  });

  it('keeps an empty frame where a thumbnail could not be loaded, not a broken image', () => {
    renderSearch(FOUND);
    const image = document.querySelector('img')!;
    fireEvent.error(image);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelectorAll('.yts-library__thumb')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: /Word2Vec/ })).toBeTruthy();
  });

  it('moves through the hits with ↓ and ↑ and opens one with Enter', async () => {
    const user = userEvent.setup();
    const { onOpenHit } = renderSearch(FOUND);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('14:28 this approach called negative sampling');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('1:02:05 sampling the boxes');
    await user.keyboard('{ArrowDown}'); // the last stays
    expect(document.activeElement?.textContent).toBe('1:02:05 sampling the boxes');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('15:58 we define sampling by this objective');
    await user.keyboard('{Enter}');
    expect(onOpenHit).toHaveBeenCalledWith(WORD2VEC.hits[1]);
  });

  it('Enter in the box opens the best hit; "Show all" asks for the full page', async () => {
    const user = userEvent.setup();
    const { onOpenHit, onShowAll } = renderSearch(FOUND);
    await user.keyboard('{Enter}');
    expect(onOpenHit).toHaveBeenCalledWith(WORD2VEC.hits[0]);
    await user.click(screen.getByRole('button', { name: 'Show all 4 results' }));
    expect(onShowAll).toHaveBeenCalledOnce();
  });
});

const CAPTIONS_LEFT_OUT = 'Videos known only from YouTube captions cannot be searched in this browser: it has WebAssembly turned off.';

describe('LibrarySearch with part of the library unsearchable in this browser', () => {
  it('says so once, beside the results', () => {
    renderSearch({ ...FOUND, notice: CAPTIONS_LEFT_OUT });
    expect(statusText()).toBe('4 results in 2 videos');
    expect(screen.getByRole('note').textContent).toBe(CAPTIONS_LEFT_OUT);
    expect(screen.getAllByText(CAPTIONS_LEFT_OUT)).toHaveLength(1);
    expect(screen.getAllByRole('link')).toHaveLength(3);
  });

  it('says only that where those videos are all there is, not that the library is empty', () => {
    renderSearch({ status: 'empty-library', notice: CAPTIONS_LEFT_OUT });
    expect(screen.getByRole('note').textContent).toBe(CAPTIONS_LEFT_OUT);
    expect(screen.queryByText(/library is empty/)).toBeNull();
  });

  it('has no note where everything is searched', () => {
    renderSearch(FOUND);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it.each<[string, LibrarySearchResponse, string, string | null]>([
    ['an error', { status: 'error', message: 'The library could not be searched: no WebAssembly' }, 'The library could not be searched: no WebAssembly', null],
    ['only unsearchable videos', { status: 'empty-library', notice: CAPTIONS_LEFT_OUT }, '', CAPTIONS_LEFT_OUT],
    ['a library that answers', { status: 'no-words', query: '', notice: CAPTIONS_LEFT_OUT }, '', null],
  ])('before typing, says why nothing can be searched, and nothing else: %s', (_case, result, sentence, note) => {
    renderSearch(result, '');
    expect(statusText()).toBe(sentence);
    expect(screen.queryByRole('note')?.textContent ?? null).toBe(note);
  });
});

describe('LibrarySearchRoot', () => {
  it.each<[string, LibrarySearchResponse, string]>([
    ['the library cannot be searched', { status: 'error', message: 'The library could not be searched: no WebAssembly' }, 'The library could not be searched: no WebAssembly'],
    ['the library answers', { status: 'no-words', query: '' }, ''],
    ['the library is empty', { status: 'empty-library' }, ''],
  ])('asked to check before typing, says at once only why nothing can be searched: %s', async (_case, blankAnswer, sentence) => {
    const search = vi.fn((query: string) => Promise.resolve({ result: query === '' ? blankAnswer : ({ status: 'no-results', query } as const) }));
    render(<LibrarySearchRoot search={search} page={{ videoLimit: 5, hitsPerVideo: 3 }} onOpenHit={vi.fn()} checkBeforeTyping autoFocus />);
    await waitFor(() => expect(search).toHaveBeenCalledWith('', { videoLimit: 5, hitsPerVideo: 3 }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statusText()).toBe(sentence);
    // Typing searches as ever.
    await userEvent.setup().keyboard('ze');
    await waitFor(() => expect(statusText()).toBe('No video says “ze”.'));
  });

  it('searches as you type and keeps only the answer to the latest query', async () => {
    const user = userEvent.setup();
    const answers = new Map<string, (response: LibrarySearchResponse) => void>();
    const search = vi.fn((query: string) => new Promise<LibrarySearchResponse>((resolve) => answers.set(query, resolve)).then((result) => ({ result })));
    render(<LibrarySearchRoot search={search} page={{ videoLimit: 5, hitsPerVideo: 3 }} onOpenHit={vi.fn()} autoFocus />);
    await user.keyboard('ze');
    expect(search.mock.calls.map(([query]) => query)).toEqual(['z', 'ze']);
    answers.get('ze')!({ status: 'no-results', query: 'ze' });
    await waitFor(() => expect(statusText()).toBe('No video says “ze”.'));
    answers.get('z')!(FOUND); // late answer to an older keystroke
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statusText()).toBe('No video says “ze”.');
  });
});
