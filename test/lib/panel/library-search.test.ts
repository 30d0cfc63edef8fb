import { describe, expect, it, vi } from 'vitest';
import { createPanelLibrarySearch, type AskLibrary } from '../../../lib/panel/library-search';

const PAGE = { videoLimit: 10, hitsPerVideo: 3 };

describe('createPanelLibrarySearch', () => {
  it('asks the background for the query and page typed, and hands back its answer whole (a message is answered once)', async () => {
    const ask = vi.fn<AskLibrary>(() => Promise.resolve({ status: 'no-results', query: 'zebras' }));
    const answer = await createPanelLibrarySearch(ask)('zebras', PAGE);
    expect(answer).toEqual({ result: { status: 'no-results', query: 'zebras' } });
    expect(answer.complete).toBeUndefined();
    expect(ask).toHaveBeenCalledWith({ query: 'zebras', page: PAGE });
  });

  it('says in words when the background does not answer', async () => {
    const search = createPanelLibrarySearch(() => Promise.reject(new Error('Extension context invalidated.')));
    expect(await search('zebras', PAGE)).toEqual({ result: { status: 'error', message: 'The library could not be searched: Extension context invalidated.' } });
  });
});
