// The library's cards drawn before their hits (issue 8): a pending card, its
// hits arriving, a late answer of an older keystroke, a read that failed.
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LibrarySearchRoot } from '../../components/LibrarySearchRoot';
import type { LibraryAnswer, LibraryHit, LibraryPage, LibraryVideoResult } from '../../lib/library/library-search';
import type { LibrarySearchResponse } from '../../lib/messaging/protocol';
import type { VideoId } from '../../lib/youtube/url';

function card(videoId: string, title: string, texts: readonly string[], hitsState: LibraryVideoResult['hitsState'] = 'described'): LibraryVideoResult {
  const hits = texts.map((text, i): LibraryHit => ({
    videoId: videoId as VideoId,
    segmentIndex: i,
    text,
    ranges: [],
    seconds: i * 60,
    url: `https://www.youtube.com/watch?v=${videoId}&t=${i * 60}s`,
    isExactPhrase: false,
  }));
  return { videoId: videoId as VideoId, title, thumbnail: '', hitCount: texts.length, hits: hitsState === 'described' ? hits : [], hitsState };
}
const pending = (described: LibraryVideoResult): LibraryVideoResult => ({ ...described, hits: [], hitsState: 'pending' });

function found(query: string, videos: LibraryVideoResult[], { videoCount = videos.length, videoOffset = 0 } = {}): LibrarySearchResponse {
  return { status: 'found', query, resultCount: videos.reduce((sum, video) => sum + video.hitCount, 0), videoCount, videos, videoOffset };
}

const WORD2VEC = card('yexR53My2O4', 'Word2Vec explained', ['negative sampling at last', 'sampling again']);
const DETR = card('T35ba_VXkMY', 'DETR', ['sampling the boxes']);

/** A search whose answers the test gives: each call's cards, then (on `fill`) its hits. */
function scriptedSearch() {
  const calls: Array<{ query: string; page: LibraryPage; answer: (cards: LibrarySearchResponse) => void; fill: (hits: LibrarySearchResponse) => void }> = [];
  const search = vi.fn(
    (query: string, page: LibraryPage) =>
      new Promise<LibraryAnswer<LibrarySearchResponse>>((resolve) => {
        let fill: (hits: LibrarySearchResponse) => void = () => undefined;
        const complete = new Promise<LibrarySearchResponse>((resolveHits) => (fill = resolveHits));
        calls.push({ query, page, answer: (cards) => resolve({ result: cards, complete }), fill: (hits) => fill(hits) });
      }),
  );
  return { search, calls };
}

function renderRoot(search: ReturnType<typeof scriptedSearch>['search'], { canShowMore = false } = {}) {
  const onOpenHit = vi.fn();
  render(<LibrarySearchRoot search={search} page={{ videoLimit: 2, hitsPerVideo: 3 }} onOpenHit={onOpenHit} canShowMore={canShowMore} autoFocus />);
  return { onOpenHit, user: userEvent.setup() };
}

const videoCard = (title: string) => screen.getByRole('listitem', { name: title });

describe('a card whose hits are being read', () => {
  it('shows the card busy with hidden grey lines in place of its hits, then its hit links', async () => {
    const { search, calls } = scriptedSearch();
    const { user, onOpenHit } = renderRoot(search);
    await user.keyboard('sampling');
    const last = calls.at(-1)!;
    last.answer(found('sampling', [pending(WORD2VEC), DETR]));

    await waitFor(() => expect(videoCard('Word2Vec explained').getAttribute('aria-busy')).toBe('true'));
    expect(within(videoCard('Word2Vec explained')).getByText('2 matching segments')).toBeTruthy();
    expect(within(videoCard('Word2Vec explained')).queryAllByRole('link')).toEqual([]);
    // Two grey hit-sized blocks hold the place of the two hits to come, out of the accessibility tree.
    const placeholders = videoCard('Word2Vec explained').querySelectorAll('[aria-hidden="true"] .yts-library__skeleton');
    expect(placeholders).toHaveLength(2);
    expect(within(videoCard('Word2Vec explained')).queryByRole('list')).toBeNull();
    // A card with its text in memory is drawn whole at once.
    expect(videoCard('DETR').hasAttribute('aria-busy')).toBe(false);
    expect(within(videoCard('DETR')).getByRole('link', { name: '0:00 sampling the boxes' })).toBeTruthy();
    // Enter waits for the best hit: it does not open a lesser video's meanwhile.
    await user.keyboard('{Enter}');
    expect(onOpenHit).not.toHaveBeenCalled();

    last.fill(found('sampling', [WORD2VEC, DETR]));
    await waitFor(() => expect(videoCard('Word2Vec explained').hasAttribute('aria-busy')).toBe(false));
    expect(within(videoCard('Word2Vec explained')).getAllByRole('link').map((link) => link.textContent)).toEqual(['0:00 negative sampling at last', '1:00 sampling again']);
    expect(document.querySelector('.yts-library__skeleton')).toBeNull();
    await user.keyboard('{Enter}');
    expect(onOpenHit).toHaveBeenCalledWith(WORD2VEC.hits[0]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('0:00 negative sampling at last');
  });

  it('never draws the late hits of an older keystroke over the newer results', async () => {
    const { search, calls } = scriptedSearch();
    const { user } = renderRoot(search);
    await user.keyboard('s');
    calls[0]!.answer(found('s', [pending(WORD2VEC)]));
    await screen.findByRole('listitem', { name: 'Word2Vec explained' });
    await user.keyboard('a');
    calls[1]!.answer(found('sa', [pending(WORD2VEC), DETR]));
    await screen.findByRole('listitem', { name: 'DETR' });

    calls[0]!.fill(found('s', [card('yexR53My2O4', 'Word2Vec explained', ['stale hit of "s"'])]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(videoCard('Word2Vec explained').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('link', { name: /stale hit/ })).toBeNull();

    calls[1]!.fill(found('sa', [WORD2VEC, DETR]));
    expect(await screen.findByRole('link', { name: '0:00 negative sampling at last' })).toBeTruthy();
  });

  it('ends a video whose text could not be read with a plain sentence, not grey lines', async () => {
    const { search, calls } = scriptedSearch();
    const { user } = renderRoot(search);
    await user.keyboard('sampling');
    calls.at(-1)!.answer(found('sampling', [pending(WORD2VEC)]));
    await screen.findByRole('listitem', { name: 'Word2Vec explained' });
    calls.at(-1)!.fill(found('sampling', [{ ...WORD2VEC, hits: [], hitsState: 'unreadable' }]));
    expect(await within(videoCard('Word2Vec explained')).findByText('Its transcript could not be read.')).toBeTruthy();
    expect(videoCard('Word2Vec explained').hasAttribute('aria-busy')).toBe(false);
    expect(document.querySelector('.yts-library__skeleton')).toBeNull();
  });

  it('fills the first page\'s hits that arrive after "Show more videos" added the next page', async () => {
    const { search, calls } = scriptedSearch();
    const { user } = renderRoot(search, { canShowMore: true });
    await user.keyboard('sampling');
    const first = calls.at(-1)!;
    first.answer(found('sampling', [pending(WORD2VEC)], { videoCount: 2 }));
    await user.click(await screen.findByRole('button', { name: 'Show more videos (1 more)' }));
    const more = calls.at(-1)!;
    expect(more.page).toEqual({ videoLimit: 2, hitsPerVideo: 3, videoOffset: 1 });
    more.answer(found('sampling', [pending(DETR)], { videoCount: 2, videoOffset: 1 }));
    await screen.findByRole('listitem', { name: 'DETR' });

    first.fill(found('sampling', [WORD2VEC], { videoCount: 2 }));
    more.fill(found('sampling', [DETR], { videoCount: 2, videoOffset: 1 }));
    await waitFor(() => expect(document.querySelectorAll('[aria-busy="true"]')).toHaveLength(0));
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual(['0:00 negative sampling at last', '1:00 sampling again', '0:00 sampling the boxes']);
  });

  it('does not add a page of the new query under the last query\'s cards while the new one is being answered', async () => {
    const { search, calls } = scriptedSearch();
    const { user } = renderRoot(search, { canShowMore: true });
    await user.keyboard('sampling');
    calls.at(-1)!.answer(found('sampling', [WORD2VEC], { videoCount: 2 }));
    const more = await screen.findByRole('button', { name: 'Show more videos (1 more)' });
    await user.keyboard(' the');
    // The last query's cards are still shown: "Show more" would page through the new query from their end.
    await user.click(more);
    expect(calls.map(({ query, page }) => [query, page.videoOffset])).toEqual([
      ['s', undefined], ['sa', undefined], ['sam', undefined], ['samp', undefined], ['sampl', undefined], ['sampli', undefined], ['samplin', undefined], ['sampling', undefined],
      ['sampling ', undefined], ['sampling t', undefined], ['sampling th', undefined], ['sampling the', undefined],
    ]);
    calls.at(-1)!.answer(found('sampling the', [DETR]));
    await screen.findByRole('listitem', { name: 'DETR' });
    expect(screen.queryByRole('listitem', { name: 'Word2Vec explained' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Show more videos/ })).toBeNull();
  });
});
