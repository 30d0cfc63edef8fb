/**
 * The panel's library search: the content script cannot read the extension's
 * IndexedDB, so it asks the background. A failed or missing answer becomes a
 * plain sentence for the panel, never a rejection into the page. A message is
 * answered once, so the panel gets the cards and their hits together.
 */
import type { LibraryAnswer, LibraryPage } from '../library/library-search';
import type { LibrarySearchResponse } from '../messaging/protocol';
import { describeError } from '../format/describe-error';

export type AskLibrary = (request: { query: string; page: LibraryPage }) => Promise<LibrarySearchResponse>;

/** A search function for the panel over `ask` (the background's `searchLibrary`). Never rejects. */
export function createPanelLibrarySearch(ask: AskLibrary): (query: string, page: LibraryPage) => Promise<LibraryAnswer<LibrarySearchResponse>> {
  return async (query, page) => {
    try {
      return { result: await ask({ query, page }) };
    } catch (error) {
      return { result: { status: 'error', message: `The library could not be searched: ${describeError(error)}` } };
    }
  };
}
