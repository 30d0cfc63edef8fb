/**
 * Figure 7's popup rows: the popup's own search box (`LibrarySearchRoot`, as
 * `entrypoints/popup/main.tsx` mounts it, with the built popup's stylesheets)
 * in this page, over the library service the popup uses (`searchInSteps`:
 * cards first, hits when their text is read), typed key by key. Each
 * keystroke is timed in the page from the `input` event to the first answer,
 * and to the end of the first frame that shows its cards, then its hits: a
 * frame is checked in its `requestAnimationFrame` (after the answers' renders,
 * which run in microtasks) and ends when a message posted from there runs
 * (after its style, layout and paint).
 */
import { h, render } from 'preact';
import { LibrarySearchRoot } from '../../../components/LibrarySearchRoot';
import type { LibraryPage } from '../../../lib/library/library-search';
import type { LibraryService } from '../../../lib/lookup/library-lookup';
import type { KeystrokeSamples } from '../shared/protocol';

export interface PopupKeystrokes {
  /** `input` event → the search's first answer (the cards, and the hits already in memory). */
  answered: KeystrokeSamples;
  /** `input` event → the end of the first frame that shows the cards. */
  cardsDrawn: KeystrokeSamples;
  /** `input` event → the end of the first frame that shows every card's hits (no card busy). */
  hitsDrawn: KeystrokeSamples;
  /** Characters of segment text the search held once typing ended. */
  heldTextChars: number;
}

/** Resolves after the next frame is painted, with what `check` said at its start. */
function nextFrame<T>(check: () => T): Promise<{ seen: T; endedAt: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const seen = check();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ seen, endedAt: performance.now() });
      channel.port2.postMessage(null);
    });
  });
}

/** Types every prefix of each query into the popup's box, `repetitions` times, the box emptied between queries. */
export async function measurePopupKeystrokes(
  service: LibraryService,
  { queries, repetitions, page, css }: { queries: readonly string[]; repetitions: number; page: LibraryPage; css: string },
): Promise<PopupKeystrokes> {
  const style = document.head.appendChild(document.createElement('style'));
  style.textContent = css;
  const container = document.body.appendChild(document.createElement('div'));
  // The popup's wrapper, so its stylesheet applies as in the popup.
  container.className = 'yts-popup-search';
  // The keystroke being timed: when its cards, then its hits, were handed to the box.
  let typing: { query: string; answeredAt?: number; hitsAt?: number; answered: () => void } | undefined;
  const search = async (query: string, searchPage: LibraryPage) => {
    const answer = await service.searchInSteps({ query, page: searchPage });
    const timed = typing?.query === query ? typing : undefined;
    if (timed) {
      timed.answeredAt = performance.now();
      if (!answer.complete) timed.hitsAt = timed.answeredAt;
      void answer.complete?.then(() => (timed.hitsAt = performance.now()));
      timed.answered();
    }
    return answer;
  };
  render(h(LibrarySearchRoot, { search, page, onOpenHit: () => undefined, onShowAll: () => undefined }), container);
  const box = container.querySelector<HTMLInputElement>('input[type="search"]');
  const status = container.querySelector('.yts-library__status');
  if (!box || !status) throw new Error('the popup search box did not render');

  const type = (text: string): void => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  };
  /** What a frame shows of the keystroke timed: its cards (answered and drawn), its hits (all arrived, no card busy). */
  const seeFrame = () => {
    const hasCards = typing?.answeredAt !== undefined && status.textContent !== '';
    return { hasCards, hasHits: hasCards && typing?.hitsAt !== undefined && container.querySelector('[aria-busy="true"]') === null };
  };
  const result: PopupKeystrokes = { answered: {}, cardsDrawn: {}, hitsDrawn: {}, heldTextChars: 0 };
  try {
    for (let r = 0; r < repetitions; r += 1) {
      for (const whole of queries) {
        for (let length = 1; length <= whole.length; length += 1) {
          const prefix = whole.slice(0, length);
          const answered = new Promise<void>((resolve) => (typing = { query: prefix, answered: resolve }));
          const start = performance.now();
          type(prefix);
          await answered;
          let cardsAt: number | undefined;
          for (;;) {
            const { seen, endedAt } = await nextFrame(seeFrame);
            if (seen.hasCards) cardsAt ??= endedAt;
            if (seen.hasHits) {
              (result.hitsDrawn[whole] ??= []).push(endedAt - start);
              break;
            }
          }
          if (cardsAt === undefined) throw new Error(`"${prefix}": no answer drawn`);
          (result.answered[whole] ??= []).push(typing!.answeredAt! - start);
          (result.cardsDrawn[whole] ??= []).push(cardsAt - start);
        }
        typing = undefined;
        type('');
        await nextFrame(() => undefined);
      }
    }
    result.heldTextChars = service.heldTextChars();
  } finally {
    render(null, container);
    container.remove();
    style.remove();
  }
  return result;
}
