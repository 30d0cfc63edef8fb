import { describe, expect, it, vi } from 'vitest';
import { createPanelLibrarySearch, type AskLibrary } from '../../../lib/panel/library-search';

const PAGE = { videoLimit: 10, hitsPerVideo: 3 };

describe('createPanelLibrarySearch', () => {
  it('asks the background for the query and page typed, and hands back its answer', async () => {
    const ask = vi.fn<AskLibrary>(() => Promise.resolve({ status: 'no-results', query: 'zebras' }));
    expect(await createPanelLibrarySearch(ask)('zebras', PAGE)).toEqual({ status: 'no-results', query: 'zebras' });
    expect(ask).toHaveBeenCalledWith({ query: 'zebras', page: PAGE });
  });

  it('says in words when the background does not answer', async () => {
    const search = createPanelLibrarySearch(() => Promise.reject(new Error('Extension context invalidated.')));
    expect(await search('zebras', PAGE)).toEqual({ status: 'error', message: 'The library could not be searched: Extension context invalidated.' });
  });
});
