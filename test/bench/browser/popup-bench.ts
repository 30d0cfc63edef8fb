/**
 * Figure 7's popup row: the popup's own search box (`LibrarySearchRoot`, as
 * `entrypoints/popup/main.tsx` mounts it, with the built popup's stylesheets)
 * in this page, over the library service the popup uses, typed key by key.
 * Each keystroke is timed in the page from the `input` event to the answer,
 * and to the end of the next frame that draws it (a message posted from that
 * frame's `requestAnimationFrame` runs after its style, layout and paint).
 */
import { h, render } from 'preact';
import { LibrarySearchRoot } from '../../../components/LibrarySearchRoot';
import type { LibraryPage } from '../../../lib/library/library-search';
import type { LibraryService } from '../../../lib/lookup/library-lookup';
import type { KeystrokeSamples } from '../shared/protocol';

export interface PopupKeystrokes {
  /** `input` event → the search's answer. */
  answered: KeystrokeSamples;
  /** `input` event → the end of the frame that shows the answer. */
  drawn: KeystrokeSamples;
}

/** Resolves after the next frame is painted. */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
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
  let waiting: { query: string; answered: (at: number) => void } | undefined;
  const search = async (query: string, searchPage: LibraryPage) => {
    const response = await service.searchLibrary({ query, page: searchPage });
    if (waiting?.query === query) waiting.answered(performance.now());
    return response;
  };
  render(h(LibrarySearchRoot, { search, page, onOpenHit: () => undefined, onShowAll: () => undefined }), container);
  const box = container.querySelector<HTMLInputElement>('input[type="search"]');
  const status = container.querySelector('.yts-library__status');
  if (!box || !status) throw new Error('the popup search box did not render');

  const type = (text: string): void => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const result: PopupKeystrokes = { answered: {}, drawn: {} };
  try {
    for (let r = 0; r < repetitions; r += 1) {
      for (const whole of queries) {
        for (let length = 1; length <= whole.length; length += 1) {
          const prefix = whole.slice(0, length);
          const answered = new Promise<number>((resolve) => (waiting = { query: prefix, answered: resolve }));
          const start = performance.now();
          type(prefix);
          const answeredAt = await answered;
          const drawnAt = await afterNextPaint();
          if (status.textContent === '') throw new Error(`"${prefix}": no answer drawn`);
          (result.answered[whole] ??= []).push(answeredAt - start);
          (result.drawn[whole] ??= []).push(drawnAt - start);
        }
        type('');
        await afterNextPaint();
      }
    }
  } finally {
    render(null, container);
    container.remove();
    style.remove();
  }
  return result;
}
